import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Store } from '@ngrx/store';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { BrandingService } from '../../../core/branding/branding.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { NotificationService } from '../../../core/notifications/notification.service';
import { selectAgent } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { PublicApi } from '../../auth/data/public-api.service';
import { AgentBranding, BrandingApi } from '../data/branding-api.service';

const HEX = /^#[0-9a-f]{6}$/i;

/** The branding editor: title fa/en, colours with a live preview, logo upload, domains. */
@Component({
  selector: 'kt-branding-page',
  imports: [FormsModule, TranslatePipe, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'branding.title' | t }}</h1>
        <p class="muted">{{ 'branding.subtitle' | t }}</p>
      </div>
      @if (agents().length > 1) {
        <select class="input" data-testid="branding-agent" [ngModel]="agent()" (ngModelChange)="open($event)">
          @for (a of agents(); track a.code) {
            <option [value]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
          }
        </select>
      }
    </header>
    <kt-error-banner [error]="error()" />
    <div class="editor">
      <form class="card form" (ngSubmit)="save()" data-testid="branding-form" [attr.data-agent]="data()?.agent?.code" novalidate>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="br-fa">{{ 'branding.titleFa' | t }}</label>
            <input id="br-fa" class="input" name="titleFa" [(ngModel)]="titleFa" data-testid="branding-title-fa" />
            <kt-field-errors [error]="error()" field="titleFa" />
          </div>
          <div class="field">
            <label class="label" for="br-en">{{ 'branding.titleEn' | t }}</label>
            <input id="br-en" class="input" name="titleEn" dir="ltr" [(ngModel)]="titleEn" data-testid="branding-title-en" />
            <kt-field-errors [error]="error()" field="titleEn" />
          </div>
        </div>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="br-primary">{{ 'branding.primary' | t }}</label>
            <div class="colour">
              <input type="color" [ngModel]="primary()" (ngModelChange)="primary.set($event)" name="primaryPick" />
              <input
                id="br-primary"
                class="input"
                dir="ltr"
                name="primary"
                [ngModel]="primary()"
                (ngModelChange)="primary.set($event)"
                data-testid="branding-primary"
              />
            </div>
            <kt-field-errors [error]="error()" field="primaryColor" />
          </div>
          <div class="field">
            <label class="label" for="br-accent">{{ 'branding.accent' | t }}</label>
            <div class="colour">
              <input type="color" [ngModel]="accent()" (ngModelChange)="accent.set($event)" name="accentPick" />
              <input
                id="br-accent"
                class="input"
                dir="ltr"
                name="accent"
                [ngModel]="accent()"
                (ngModelChange)="accent.set($event)"
                data-testid="branding-accent"
              />
            </div>
            <kt-field-errors [error]="error()" field="accentColor" />
          </div>
        </div>
        @for (w of warnings(); track w.field) {
          <p class="banner" data-testid="branding-warning">{{ i18n.text(w.message) }}</p>
        }
        <div class="field">
          <span class="label">{{ 'branding.logo' | t }}</span>
          <label class="btn btn-ghost btn-sm">
            {{ 'branding.uploadLogo' | t }}
            <input
              type="file"
              hidden
              accept="image/png,image/svg+xml,image/jpeg"
              data-testid="branding-logo-input"
              (change)="upload($event)"
            />
          </label>
          <kt-field-errors [error]="error()" field="file" />
        </div>
        <div>
          <button type="submit" class="btn btn-primary" data-testid="branding-save" [disabled]="busy()">
            {{ 'branding.save' | t }}
          </button>
        </div>
      </form>
      <aside
        class="card preview"
        data-testid="branding-preview"
        [style.--pv-primary]="previewPrimary()"
        [style.--pv-accent]="previewAccent()"
      >
        <div class="pv-side">
          @if (data()?.logoUrl; as logo) {
            <img [src]="logo" alt="" class="pv-logo" />
          }
          <strong data-testid="branding-preview-title">{{
            i18n.lang() === 'fa' ? titleFa || data()?.defaults?.titleFa : titleEn || data()?.defaults?.titleEn
          }}</strong>
        </div>
        <div class="pv-main">
          <button type="button" class="pv-btn">{{ 'branding.sampleButton' | t }}</button>
          <a class="pv-link">{{ 'branding.sampleLink' | t }}</a>
        </div>
      </aside>
    </div>
    <section class="card">
      <h2 class="card-title">{{ 'branding.domains' | t }}</h2>
      <ul data-testid="branding-domains">
        @for (d of data()?.domains ?? []; track d) {
          <li dir="ltr">
            {{ d }} <button type="button" class="btn btn-danger-ghost btn-sm" (click)="removeDomain(d)">×</button>
          </li>
        }
      </ul>
      <form class="domain-add" (ngSubmit)="addDomain()">
        <input
          class="input"
          dir="ltr"
          name="domain"
          placeholder="portal.example.ir"
          [(ngModel)]="domain"
          data-testid="branding-domain-input"
        />
        <button type="submit" class="btn btn-ghost">{{ 'branding.addDomain' | t }}</button>
      </form>
      <kt-field-errors [error]="error()" field="domain" />
    </section>
  `,
  styles: `
    .editor {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    .colour {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .preview {
      display: grid;
      grid-template-columns: 1fr 1.3fr;
      padding: 0;
      overflow: hidden;
    }
    .pv-side {
      background: var(--pv-accent);
      color: #fff;
      padding: 1rem;
      display: grid;
      gap: 0.5rem;
      align-content: start;
    }
    .pv-logo {
      width: 3rem;
      height: 3rem;
      object-fit: contain;
      background: #fff;
      border-radius: 8px;
    }
    .pv-main {
      padding: 1rem;
      display: grid;
      gap: 0.75rem;
      align-content: start;
    }
    .pv-btn {
      background: var(--pv-primary);
      color: #fff;
      border: 0;
      border-radius: 8px;
      padding: 0.5rem 1rem;
    }
    .pv-link {
      color: var(--pv-primary);
    }
    .domain-add {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class BrandingPageComponent implements OnInit {
  private readonly api = inject(BrandingApi);
  private readonly publicApi = inject(PublicApi);
  private readonly branding = inject(BrandingService);
  private readonly notify = inject(NotificationService);
  private readonly me = inject(Store).selectSignal(selectAgent);
  protected readonly i18n = inject(I18nService);
  protected readonly agents = signal<readonly { code: string; nameFa: string; nameEn: string }[]>([]);
  protected readonly agent = signal('');
  protected readonly data = signal<AgentBranding | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly warnings = computed(() => this.data()?.warnings ?? []);
  protected readonly primary = signal('#0f766e');
  protected readonly accent = signal('#0f1f2e');
  protected readonly previewPrimary = computed(() => (HEX.test(this.primary()) ? this.primary() : null));
  protected readonly previewAccent = computed(() => (HEX.test(this.accent()) ? this.accent() : null));
  protected titleFa = '';
  protected titleEn = '';
  protected domain = '';

  /** `?agent=<code>` (from the agent page) opens that agent's branding. */
  readonly agentCode = input<string | undefined>(undefined, { alias: 'agent' });

  ngOnInit(): void {
    const own = this.me();
    if (own?.isBroker) this.publicApi.agents().subscribe((list) => this.agents.set(list));
    this.open(this.agentCode() || own?.code || '');
  }

  protected open(code: string): void {
    if (!code) return;
    this.agent.set(code);
    this.error.set(null);
    this.api.get(code).subscribe({ next: (b) => this.show(b), error: (e: unknown) => this.error.set(toApiError(e)) });
  }

  protected save(): void {
    this.run(
      this.api.save(this.agent(), {
        titleFa: this.titleFa.trim() || null,
        titleEn: this.titleEn.trim() || null,
        primaryColor: this.primary().trim() || null,
        accentColor: this.accent().trim() || null,
      }),
    );
  }

  protected upload(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.run(this.api.uploadLogo(this.agent(), file));
    input.value = '';
  }

  protected addDomain(): void {
    if (this.domain.trim()) this.run(this.api.addDomain(this.agent(), this.domain.trim()));
  }

  protected removeDomain(domain: string): void {
    this.run(this.api.removeDomain(this.agent(), domain));
  }

  private run(call: ReturnType<BrandingApi['get']>): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (b) => {
        this.busy.set(false);
        this.show(b);
        this.domain = '';
        this.notify.success('toast.actionDone');
        if (b.agent.code === this.me()?.code) this.branding.reload(b.agent.code);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(e));
      },
    });
  }

  private show(b: AgentBranding): void {
    this.data.set(b);
    this.titleFa = b.titleFa ?? '';
    this.titleEn = b.titleEn ?? '';
    this.primary.set(b.primaryColor ?? b.defaults.primaryColor);
    this.accent.set(b.accentColor ?? b.defaults.accentColor);
  }
}
