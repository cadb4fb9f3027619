import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable } from 'rxjs';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { Store } from '@ngrx/store';
import { selectPermissions } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentDetail, AgentStatus, AgentsApi } from '../data/agents-api.service';

/** One agent: status (refreshed while provisioning), legal details, domains, suspend/activate, PSPs. */
@Component({
  selector: 'kt-agent-detail-page',
  imports: [TranslatePipe, JalaliDatePipe, DigitsPipe, FormsModule, RouterLink, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">
          {{ agent() ? (i18n.lang() === 'fa' ? agent()!.nameFa : agent()!.nameEn) : ('common.loading' | t) }}
        </h1>
        @if (agent(); as a) {
          <span class="badge" data-testid="agent-status" [attr.data-status]="a.status">{{ statusKey(a.status) | t }}</span>
        }
      </div>
      <a class="btn btn-ghost" routerLink="/agents">{{ 'agents.back' | t }}</a>
    </header>
    <kt-error-banner [error]="error()" />
    @if (agent(); as a) {
      <div class="card">
        <dl class="facts">
          <dt>{{ 'agents.field.code' | t }}</dt>
          <dd dir="ltr">{{ a.code }}</dd>
          <dt>{{ 'agents.field.realm' | t }}</dt>
          <dd dir="ltr">{{ a.realm }}</dd>
          <dt>{{ 'agents.field.domains' | t }}</dt>
          <dd dir="ltr" data-testid="agent-domains">{{ a.domains.join(', ') || '—' }}</dd>
          <dt>{{ 'agents.field.legalName' | t }}</dt>
          <dd>{{ a.legal['legalName'] ?? '—' }}</dd>
          <dt>{{ 'agents.field.legalId' | t }}</dt>
          <dd>{{ a.legal['legalId'] ?? a.legal['nationalCode'] ?? '—' | digits }}</dd>
          <dt>{{ 'agents.field.postalCode' | t }}</dt>
          <dd>{{ a.legal['postalCode'] ?? '—' | digits }}</dd>
          <dt>{{ 'agents.field.createdAt' | t }}</dt>
          <dd>{{ a.createdAt | jalali }}</dd>
          @if (a.firstAdmin; as f) {
            <dt>{{ 'agents.section.firstAdmin' | t }}</dt>
            <dd>
              {{ f.firstName }} {{ f.lastName }} (<span dir="ltr">{{ f.username }}</span
              >)
            </dd>
          }
          @if (a.provisionError) {
            <dt>{{ 'agents.provisionError' | t }}</dt>
            <dd data-testid="provision-error">{{ a.provisionError }}</dd>
          }
        </dl>
        @if (!a.isBroker && can('agents.suspend')) {
          @if (a.status === 'suspended') {
            <button type="button" class="btn" data-testid="agent-activate" (click)="run(api.setSuspended(a.id, false))">
              {{ 'agents.activate' | t }}
            </button>
          } @else {
            <button type="button" class="btn btn-danger" data-testid="agent-suspend" (click)="run(api.setSuspended(a.id, true))">
              {{ 'agents.suspend' | t }}
            </button>
          }
        }
        @if (a.status === 'provisioning') {
          <button type="button" class="btn" data-testid="agent-provision" (click)="run(api.provision(a.id))">
            {{ 'agents.retry' | t }}
          </button>
        }
      </div>

      <div class="card">
        <h2>{{ 'agents.section.psps' | t }}</h2>
        <table class="table" data-testid="agent-psps">
          <tbody>
            @for (p of a.psps; track p.pspCode) {
              <tr>
                <td dir="ltr">{{ p.pspCode }}</td>
                <td>{{ (p.direct ? 'agents.psp.direct' : 'agents.psp.indirect') | t }}</td>
                <td>
                  @if (p.credentials.stored) {
                    {{ 'agents.psp.stored' | t }} — {{ p.credentials.setAt | jalali: 'short' }} — {{ p.credentials.setBy }}
                  } @else {
                    {{ 'agents.psp.none' | t }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (can('agents.credentials')) {
          <form class="form" data-testid="psp-form" (ngSubmit)="savePsp(a.id)" novalidate autocomplete="off">
            <div class="form-row two">
              <div class="field">
                <label class="label" for="p-code">{{ 'agents.psp.code' | t }}</label>
                <input id="p-code" class="input" dir="ltr" name="pspCode" data-testid="psp-code" [(ngModel)]="psp.code" />
              </div>
              <label class="filter check">
                <input type="checkbox" name="direct" data-testid="psp-direct" [(ngModel)]="psp.direct" />
                <span>{{ 'agents.psp.direct' | t }}</span>
              </label>
              <div class="field">
                <label class="label" for="p-user">{{ 'agents.psp.username' | t }}</label>
                <input
                  id="p-user"
                  class="input"
                  dir="ltr"
                  name="pspUser"
                  autocomplete="off"
                  data-testid="psp-username"
                  [(ngModel)]="psp.username"
                />
              </div>
              <div class="field">
                <label class="label" for="p-pass">{{ 'agents.psp.password' | t }}</label>
                <input
                  id="p-pass"
                  type="password"
                  class="input"
                  dir="ltr"
                  name="pspPass"
                  autocomplete="new-password"
                  data-testid="psp-password"
                  [(ngModel)]="psp.password"
                />
              </div>
              <div class="field">
                <label class="label" for="p-term">{{ 'agents.psp.terminal' | t }}</label>
                <input id="p-term" class="input" dir="ltr" name="pspTerm" autocomplete="off" [(ngModel)]="psp.terminalId" />
              </div>
            </div>
            <kt-field-errors [error]="error()" field="pspCode" />
            <p class="muted">{{ 'agents.psp.writeOnly' | t }}</p>
            <button type="submit" class="btn btn-primary" data-testid="psp-save">{{ 'agents.psp.save' | t }}</button>
          </form>
        }
      </div>
    }
  `,
})
export class AgentDetailPageComponent implements OnInit {
  protected readonly api = inject(AgentsApi);
  protected readonly i18n = inject(I18nService);
  private readonly permissions = inject(Store).selectSignal(selectPermissions);
  private readonly destroyRef = inject(DestroyRef);
  /** From the route. */
  readonly id = input.required<string>();
  protected readonly agent = signal<AgentDetail | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly psp = { code: '', direct: true, username: '', password: '', terminalId: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    this.destroyRef.onDestroy(() => clearTimeout(this.timer));
    this.load();
  }

  protected can(permission: string): boolean {
    return this.permissions().has(permission);
  }

  protected statusKey(status: AgentStatus): MessageKey {
    return `agents.status.${status}`;
  }

  protected run(call: Observable<AgentDetail>): void {
    call.subscribe({ next: (a) => this.show(a), error: (err: unknown) => this.error.set(toApiError(err)) });
  }

  protected savePsp(id: string): void {
    const creds: Record<string, string> = {};
    if (this.psp.username) creds['username'] = this.psp.username;
    if (this.psp.password) creds['password'] = this.psp.password;
    if (this.psp.terminalId) creds['terminalId'] = this.psp.terminalId;
    const body = Object.keys(creds).length ? { direct: this.psp.direct, credentials: creds } : { direct: this.psp.direct };
    this.api.putPsp(id, this.psp.code.trim(), body).subscribe({
      next: (a) => {
        // Write-only: the fields are emptied once stored.
        Object.assign(this.psp, { username: '', password: '', terminalId: '' });
        this.show(a);
      },
      error: (err: unknown) => this.error.set(toApiError(err)),
    });
  }

  private load(): void {
    this.api.get(this.id()).subscribe({ next: (a) => this.show(a), error: (err: unknown) => this.error.set(toApiError(err)) });
  }

  private show(a: AgentDetail): void {
    this.error.set(null);
    this.agent.set(a);
    clearTimeout(this.timer);
    // While the realm is being provisioned the status is asked for again every two seconds.
    if (a.status === 'provisioning') this.timer = setTimeout(() => this.load(), 2000);
  }
}
