import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Observable } from 'rxjs';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { Store } from '@ngrx/store';
import { selectAgent, selectPermissions } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentEditFormComponent } from '../components/agent-edit-form.component';
import { AgentMoveFormComponent } from '../components/agent-move-form.component';
import { moveTargets } from '../data/agent-form';
import { AgentChanges, AgentDetail, AgentStatus, AgentSummary, AgentsApi } from '../data/agents-api.service';

/** One agent: status (refreshed while provisioning), legal details, domains, suspend/activate, PSPs. */
@Component({
  selector: 'kt-agent-detail-page',
  imports: [
    TranslatePipe,
    JalaliDatePipe,
    DigitsPipe,
    FormsModule,
    RouterLink,
    ErrorBannerComponent,
    FieldErrorsComponent,
    AgentEditFormComponent,
    AgentMoveFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div class="title-line">
        <h1 data-testid="page-title">
          {{ agent() ? (i18n.lang() === 'fa' ? agent()!.nameFa : agent()!.nameEn) : ('common.loading' | t) }}
        </h1>
        @if (agent(); as a) {
          <span class="badge" [class]="'badge status-' + a.status" data-testid="agent-status" [attr.data-status]="a.status">{{
            statusKey(a.status) | t
          }}</span>
        }
      </div>
      <div class="page-tools">
        @if (agent(); as a) {
          @if (can('agents.update') && mode() === 'view') {
            <button type="button" class="btn btn-ghost" data-testid="agent-edit" (click)="mode.set('edit')">
              {{ 'agents.edit.open' | t }}
            </button>
          }
          @if (can('agents.move') && !a.isBroker && a.id !== me()?.id && mode() === 'view') {
            <button type="button" class="btn btn-ghost" data-testid="agent-move" (click)="openMove()">
              {{ 'agents.move.open' | t }}
            </button>
          }
        }
        <a class="btn btn-ghost" routerLink="/agents">{{ 'agents.back' | t }}</a>
      </div>
    </header>
    <kt-error-banner [error]="error()" />
    @if (agent(); as a) {
      <div class="stack">
        <nav class="card links" data-testid="agent-links">
          @if (can('users.read')) {
            <a
              class="btn btn-ghost btn-sm"
              routerLink="/users"
              [queryParams]="{ agentId: a.id }"
              data-testid="agent-users-link"
              >{{ 'agents.link.users' | t }}</a
            >
          }
          @if (me()?.isBroker && can('access.ceilings') && !a.isBroker) {
            <a
              class="btn btn-ghost btn-sm"
              [routerLink]="['/admin/access/agents', a.id, 'ceiling']"
              data-testid="agent-ceiling-link"
              >{{ 'agents.link.ceiling' | t }}</a
            >
          }
          @if (can('branding.manage') && (me()?.isBroker || a.id === me()?.id)) {
            <a
              class="btn btn-ghost btn-sm"
              routerLink="/admin/branding"
              [queryParams]="{ agent: a.code }"
              data-testid="agent-branding-link"
              >{{ 'agents.link.branding' | t }}</a
            >
          }
          @if (can('agreements.read') || can('agreements.manage')) {
            <a
              class="btn btn-ghost btn-sm"
              routerLink="/agreements"
              [queryParams]="{ agentId: a.id }"
              data-testid="agent-agreements-link"
              >{{ 'agents.link.agreements' | t }}</a
            >
          }
        </nav>
        @if (mode() === 'edit') {
          <section class="card">
            <h2 class="card-title">{{ 'agents.edit.title' | t }}</h2>
            <kt-agent-edit-form
              [agent]="a"
              [error]="formError()"
              [busy]="busy()"
              (saved)="save(a.id, $event)"
              (cancelled)="close()"
            />
          </section>
        }
        @if (mode() === 'move') {
          <section class="card">
            <h2 class="card-title">{{ 'agents.move.title' | t }}</h2>
            <kt-agent-move-form
              [targets]="targets()"
              [currentParent]="a.parent ? i18n.pick(a.parent.nameFa, a.parent.nameEn) : '—'"
              [error]="formError()"
              [busy]="busy()"
              (moved)="move(a.id, $event)"
              (cancelled)="close()"
            />
          </section>
        }
        <div class="card">
          <dl class="facts">
            <dt>{{ 'agents.field.code' | t }}</dt>
            <dd dir="ltr">{{ a.code }}</dd>
            <dt>{{ 'agents.field.realm' | t }}</dt>
            <dd dir="ltr">{{ a.realm }}</dd>
            <dt>{{ 'agents.field.parent' | t }}</dt>
            <dd data-testid="agent-parent">
              @if (a.parent; as p) {
                <a [routerLink]="['/agents', p.id]">{{ i18n.pick(p.nameFa, p.nameEn) }}</a>
              } @else {
                —
              }
            </dd>
            <dt>{{ 'agents.field.domains' | t }}</dt>
            <dd dir="ltr" data-testid="agent-domains">{{ a.domains.join(', ') || '—' }}</dd>
            <dt>{{ 'agents.field.legalName' | t }}</dt>
            <dd>{{ a.legal['legalName'] ?? '—' }}</dd>
            <dt>{{ 'agents.field.legalId' | t }}</dt>
            <dd>{{ a.legal['legalId'] ?? a.legal['nationalCode'] ?? '—' | digits }}</dd>
            <dt>{{ 'agents.field.postalCode' | t }}</dt>
            <dd>{{ a.legal['postalCode'] ?? '—' | digits }}</dd>
            <dt>{{ 'agents.field.phone' | t }}</dt>
            <dd>{{ a.legal['phone'] ?? '—' | digits }}</dd>
            <dt>{{ 'agents.field.address' | t }}</dt>
            <dd>{{ a.legal['address'] ?? '—' }}</dd>
            <dt>{{ 'agents.section.contacts' | t }}</dt>
            <dd data-testid="agent-contacts">
              @for (c of a.contacts; track $index) {
                <div>
                  {{ c.name }}
                  @if (c.role) {
                    <span class="muted">({{ c.role }})</span>
                  }
                  @if (c.mobile) {
                    — <span dir="ltr">{{ c.mobile | digits }}</span>
                  }
                  @if (c.email) {
                    — <span dir="ltr">{{ c.email }}</span>
                  }
                </div>
              } @empty {
                —
              }
            </dd>
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
          <div class="actions">
            @if (!a.isBroker && can('agents.suspend')) {
              @if (a.status === 'suspended') {
                <button type="button" class="btn" data-testid="agent-activate" (click)="run(api.setSuspended(a.id, false))">
                  {{ 'agents.activate' | t }}
                </button>
              } @else {
                <button
                  type="button"
                  class="btn btn-danger"
                  data-testid="agent-suspend"
                  (click)="run(api.setSuspended(a.id, true))"
                >
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
      </div>
    }
  `,
  styles: `
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding: 0.75rem 1rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-block-start: 1rem;
    }
    .title-line {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
  `,
})
export class AgentDetailPageComponent implements OnInit {
  protected readonly api = inject(AgentsApi);
  protected readonly i18n = inject(I18nService);
  private readonly store = inject(Store);
  private readonly permissions = this.store.selectSignal(selectPermissions);
  /** The signed-in person's own agent. */
  protected readonly me = this.store.selectSignal(selectAgent);
  private readonly destroyRef = inject(DestroyRef);
  /** From the route. */
  readonly id = input.required<string>();
  protected readonly agent = signal<AgentDetail | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  /** The open form (edit or move) and its validation error / refusal. */
  protected readonly mode = signal<'view' | 'edit' | 'move'>('view');
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  private readonly subtree = signal<readonly AgentSummary[]>([]);
  protected readonly targets = computed(() => moveTargets(this.subtree(), this.id()));
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

  protected openMove(): void {
    this.formError.set(null);
    this.mode.set('move');
    this.api
      .list()
      .subscribe({ next: ({ items }) => this.subtree.set(items), error: (err: unknown) => this.formError.set(toApiError(err)) });
  }

  protected close(): void {
    this.formError.set(null);
    this.mode.set('view');
  }

  protected save(id: string, changes: AgentChanges): void {
    this.submit(this.api.update(id, changes));
  }

  protected move(id: string, parentId: string): void {
    this.submit(this.api.move(id, parentId));
  }

  /** Edit and move: the form stays open with the API's reasons until the change goes through. */
  private submit(call: Observable<AgentDetail>): void {
    this.busy.set(true);
    this.formError.set(null);
    call.subscribe({
      next: (a) => {
        this.busy.set(false);
        this.mode.set('view');
        this.show(a);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.formError.set(toApiError(err));
      },
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
