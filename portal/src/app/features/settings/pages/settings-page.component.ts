import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { NotificationService } from '../../../core/notifications/notification.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PublicApi } from '../../auth/data/public-api.service';
import { IpRanges, ServiceSwitch, SettingsApi } from '../data/settings-api.service';

const lines = (text: string) =>
  text
    .split(/[\n,،]+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** System settings: allowed IP ranges (global and per agent) and service switches. */
@Component({
  selector: 'kt-settings-page',
  imports: [FormsModule, TranslatePipe, DigitsPipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'settings.title' | t }}</h1>
        <p class="muted">
          {{ 'settings.yourIp' | t }}: <span dir="ltr" data-testid="settings-your-ip">{{ ranges()?.yourIp ?? '—' }}</span>
        </p>
      </div>
    </header>
    <kt-error-banner [error]="error()" />
    <section class="card">
      <h2 class="card-title">{{ 'settings.ipRanges' | t }}</h2>
      <p class="muted">{{ 'settings.ipHelp' | t }}</p>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="ip-global">{{ 'settings.global' | t }}</label>
          <textarea
            id="ip-global"
            class="input"
            rows="4"
            dir="ltr"
            [(ngModel)]="globalText"
            data-testid="settings-global"
          ></textarea>
          @for (f of rangeErrors(); track f.field) {
            <p class="field-error" data-testid="settings-range-error">{{ i18n.text(f.message) }}</p>
          }
          <button type="button" class="btn btn-primary btn-sm" data-testid="settings-global-save" (click)="saveGlobal(false)">
            {{ 'settings.save' | t }}
          </button>
          @if (lockout()) {
            <button
              type="button"
              class="btn btn-danger-ghost btn-sm"
              data-testid="settings-global-force"
              (click)="saveGlobal(true)"
            >
              {{ 'settings.saveAnyway' | t }}
            </button>
          }
        </div>
        <div class="field">
          <label class="label" for="ip-agent">{{ 'settings.perAgent' | t }}</label>
          <select id="ip-agent" class="input" [(ngModel)]="agent" (ngModelChange)="pickAgent()" data-testid="settings-agent">
            @for (a of agents(); track a.code) {
              <option [value]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
            }
          </select>
          <textarea class="input" rows="3" dir="ltr" [(ngModel)]="agentText" data-testid="settings-agent-ranges"></textarea>
          <button type="button" class="btn btn-primary btn-sm" data-testid="settings-agent-save" (click)="saveAgent()">
            {{ 'settings.save' | t }}
          </button>
        </div>
      </div>
    </section>
    <section class="card">
      <h2 class="card-title">{{ 'settings.services' | t }}</h2>
      <ul class="switches" data-testid="settings-services">
        @for (s of services(); track s.key) {
          <li>
            <label>
              <input
                type="checkbox"
                [checked]="s.enabled"
                [attr.data-testid]="'service-' + s.key"
                (change)="toggle(s, $any($event.target).checked)"
              />
              {{ i18n.pick(s.labelFa, s.labelEn) | digits }}
            </label>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .card + .card {
      margin-top: 1rem;
    }
    .switches {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.4rem;
    }
  `,
})
export class SettingsPageComponent implements OnInit {
  private readonly api = inject(SettingsApi);
  private readonly publicApi = inject(PublicApi);
  private readonly notify = inject(NotificationService);
  protected readonly i18n = inject(I18nService);
  protected readonly ranges = signal<IpRanges | null>(null);
  protected readonly services = signal<readonly ServiceSwitch[]>([]);
  protected readonly agents = signal<readonly { code: string; nameFa: string; nameEn: string }[]>([]);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly rangeErrors = signal<ApiError['fields']>([]);
  protected readonly lockout = signal(false);
  protected globalText = '';
  protected agentText = '';
  protected agent = '';

  ngOnInit(): void {
    this.load();
    this.api.services().subscribe((s) => this.services.set(s.items));
    this.publicApi.agents().subscribe((list) => {
      const agents = list.filter((a) => !a.isBroker);
      this.agents.set(agents);
      this.agent = agents[0]?.code ?? '';
      this.pickAgent();
    });
  }

  protected pickAgent(): void {
    const entry = this.ranges()?.agents.find((a) => a.agent.code === this.agent);
    this.agentText = (entry?.ranges ?? []).join('\n');
  }

  protected saveGlobal(force: boolean): void {
    this.save(this.api.saveGlobal(lines(this.globalText), force));
  }

  protected saveAgent(): void {
    this.save(this.api.saveAgent(this.agent, lines(this.agentText)));
  }

  protected toggle(s: ServiceSwitch, enabled: boolean): void {
    this.api.setService(s.key, enabled).subscribe({
      next: (r) => {
        this.services.set(r.items);
        this.notify.success('toast.actionDone');
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }

  private save(call: ReturnType<SettingsApi['saveGlobal']>): void {
    this.error.set(null);
    this.rangeErrors.set([]);
    this.lockout.set(false);
    call.subscribe({
      next: () => {
        this.notify.success('toast.actionDone');
        this.load();
      },
      error: (e: unknown) => {
        const err = toApiError(e);
        this.error.set(err);
        this.rangeErrors.set(err.fields);
        this.lockout.set(err.code === 'IP_LOCKOUT');
      },
    });
  }

  private load(): void {
    this.api.ipRanges().subscribe({
      next: (r) => {
        this.ranges.set(r);
        this.globalText = r.global.join('\n');
        this.pickAgent();
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }
}
