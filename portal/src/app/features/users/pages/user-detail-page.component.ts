import { ChangeDetectionStrategy, Component, OnInit, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { selectPermissions } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { StateBadgeComponent } from '../../../shared/ui/state-badge.component';
import { TemporaryPasswordComponent } from '../components/temporary-password.component';
import { UserProfileFormComponent } from '../components/user-profile-form.component';
import { UserStatusBadgeComponent } from '../components/user-status-badge.component';
import { UserChanges } from '../data/users-api.service';
import { UserDetailPageActions } from '../state/users.actions';
import { usersFeature } from '../state/users.feature';

type Confirming = 'disable' | 'enable' | 'reset' | null;

/** Everything about one user: profile, agent, roles, what they created, tickets; the admin actions. */
@Component({
  selector: 'kt-user-detail-page',
  imports: [
    RouterLink,
    TranslatePipe,
    DigitsPipe,
    JalaliDatePipe,
    ErrorBannerComponent,
    StateBadgeComponent,
    TemporaryPasswordComponent,
    UserProfileFormComponent,
    UserStatusBadgeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">
          @if (detail(); as d) {
            <span data-testid="user-name-title">{{ d.user.displayName }}</span>
            <kt-user-status-badge [active]="d.user.active" />
          } @else {
            {{ 'common.loading' | t }}
          }
        </h1>
        @if (detail(); as d) {
          <p class="muted" dir="ltr" data-testid="user-username">{{ d.user.username }}</p>
        }
      </div>
      <div class="page-tools">
        @if (detail(); as d) {
          @if (can('users.update') && !editing()) {
            <button type="button" class="btn btn-ghost" data-testid="user-edit" (click)="editing.set(true)">
              {{ 'users.profile.edit' | t }}
            </button>
          }
          @if (can('users.reset-password')) {
            <button type="button" class="btn btn-ghost" data-testid="user-reset-password" (click)="confirming.set('reset')">
              {{ 'users.resetPassword' | t }}
            </button>
          }
          @if (can('users.disable')) {
            @if (d.user.active) {
              <button type="button" class="btn btn-danger-ghost" data-testid="user-disable" (click)="confirming.set('disable')">
                {{ 'users.disable' | t }}
              </button>
            } @else {
              <button type="button" class="btn" data-testid="user-enable" (click)="confirming.set('enable')">
                {{ 'users.enable' | t }}
              </button>
            }
          }
        }
        <a class="btn btn-ghost" routerLink="/users">{{ 'users.back' | t }}</a>
      </div>
    </header>

    <kt-error-banner [error]="loadError()" />
    <kt-error-banner [error]="actionError()" />

    @if (detail(); as d) {
      <div class="stack">
        @if (confirming(); as c) {
          <section class="card confirm" data-testid="user-confirm" [attr.data-action]="c" role="alertdialog">
            <p>{{ confirmText(c) | t: { name: d.user.displayName } }}</p>
            <div class="actions">
              <button
                type="button"
                [class]="c === 'disable' ? 'btn btn-danger' : 'btn btn-primary'"
                data-testid="user-confirm-yes"
                [disabled]="busy() !== null"
                (click)="confirm(c, d.user.id)"
              >
                {{ confirmButton(c) | t }}
              </button>
              <button type="button" class="btn btn-ghost" data-testid="user-confirm-no" (click)="confirming.set(null)">
                {{ 'users.cancel' | t }}
              </button>
            </div>
          </section>
        }
        @if (password(); as p) {
          <kt-temporary-password [shown]="p" (dismissed)="dismissPassword()" />
        }

        <div class="grid">
          <section class="card" data-testid="user-section-profile">
            <h2 class="card-title">{{ 'users.section.profile' | t }}</h2>
            @if (editing()) {
              <kt-user-profile-form
                [user]="d.user"
                [error]="profileError()"
                [busy]="busy() === 'profile'"
                (saved)="saveProfile(d.user.id, $event)"
                (cancelled)="editing.set(false)"
              />
            } @else {
              <dl class="facts">
                <dt>{{ 'users.field.firstName' | t }}</dt>
                <dd data-testid="user-firstName">{{ d.user.firstName || '—' }}</dd>
                <dt>{{ 'users.field.lastName' | t }}</dt>
                <dd data-testid="user-lastName">{{ d.user.lastName || '—' }}</dd>
                <dt>{{ 'users.field.email' | t }}</dt>
                <dd dir="ltr" data-testid="user-email">{{ d.user.email || '—' }}</dd>
                <dt>{{ 'users.field.mobile' | t }}</dt>
                <dd dir="ltr" data-testid="user-mobile">{{ d.user.mobile ? (d.user.mobile | digits) : '—' }}</dd>
                <dt>{{ 'users.field.createdAt' | t }}</dt>
                <dd>{{ d.user.createdAt | jalali }}</dd>
                <dt>{{ 'users.field.createdBy' | t }}</dt>
                <dd>
                  @if (d.user.createdBy; as by) {
                    <a [routerLink]="['/users', by.id]">{{ by.displayName }}</a>
                  } @else {
                    {{ 'users.createdBySystem' | t }}
                  }
                </dd>
                <dt>{{ 'users.field.lastSeen' | t }}</dt>
                <dd>{{ d.user.lastSeenAt ? (d.user.lastSeenAt | jalali) : ('users.neverSeen' | t) }}</dd>
              </dl>
            }
          </section>

          <section class="card" data-testid="user-section-agent">
            <h2 class="card-title">{{ 'users.section.agent' | t }}</h2>
            <dl class="facts">
              <dt>{{ 'users.field.agent' | t }}</dt>
              <dd>
                @if (can('agents.read')) {
                  <a [routerLink]="['/agents', d.agent.id]" data-testid="user-agent-link">{{
                    i18n.pick(d.agent.nameFa, d.agent.nameEn)
                  }}</a>
                } @else {
                  {{ i18n.pick(d.agent.nameFa, d.agent.nameEn) }}
                }
              </dd>
              <dt>{{ 'agents.field.code' | t }}</dt>
              <dd dir="ltr">{{ d.agent.code }}</dd>
              <dt>{{ 'users.field.status' | t }}</dt>
              <dd>
                <span class="badge" [class]="'badge status-' + d.agent.status">{{ agentStatus(d.agent.status) | t }}</span>
              </dd>
            </dl>
          </section>

          <section class="card" data-testid="user-section-roles">
            <div class="card-head">
              <h2 class="card-title">{{ 'users.section.roles' | t }}</h2>
              @if (can('access.read')) {
                <a
                  class="btn btn-ghost btn-sm"
                  [routerLink]="['/admin/access/users', d.user.id]"
                  data-testid="user-manage-access"
                  >{{ 'users.manageAccess' | t }}</a
                >
              }
            </div>
            @if (d.roles.length) {
              <ul class="chips" data-testid="user-roles">
                @for (r of d.roles; track r.id) {
                  <li class="chip" [attr.data-role]="r.code">{{ i18n.pick(r.nameFa, r.nameEn) }}</li>
                }
              </ul>
            } @else {
              <p class="muted" data-testid="user-roles-empty">{{ 'users.roles.none' | t }}</p>
            }
          </section>

          <section class="card" data-testid="user-section-created">
            <h2 class="card-title">{{ 'users.section.created' | t }}</h2>
            @if (d.createdAgents.length || d.createdUsers.length) {
              <ul class="links">
                @for (a of d.createdAgents; track a.id) {
                  <li data-testid="created-agent">
                    <span class="kind">{{ 'users.created.agent' | t }}</span>
                    <a [routerLink]="['/agents', a.id]">{{ i18n.pick(a.nameFa, a.nameEn) }}</a>
                    <span class="badge" [class]="'badge status-' + a.status">{{ agentStatus(a.status) | t }}</span>
                  </li>
                }
                @for (u of d.createdUsers; track u.id) {
                  <li data-testid="created-user">
                    <span class="kind">{{ 'users.created.user' | t }}</span>
                    <a [routerLink]="['/users', u.id]">{{ u.displayName }}</a>
                    <span class="muted" dir="ltr">{{ u.username }}</span>
                  </li>
                }
              </ul>
            } @else {
              <p class="muted">{{ 'users.created.none' | t }}</p>
            }
          </section>

          <section class="card card-flush wide" data-testid="user-section-tickets">
            <h2 class="card-title pad">{{ 'users.section.tickets' | t }}</h2>
            @if (d.tickets.length) {
              <table class="table">
                <tbody>
                  @for (t of d.tickets; track t.id) {
                    <tr data-testid="user-ticket" [attr.data-ticket-id]="t.id">
                      <td dir="ltr" class="num">{{ t.number | digits }}</td>
                      <td>
                        <a [routerLink]="['/tickets', t.id]">{{ t.subject }}</a>
                      </td>
                      <td><kt-state-badge [state]="t.state" /></td>
                      <td class="muted">{{ t.createdAt | jalali: 'short' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            } @else {
              <p class="empty">{{ 'users.tickets.none' | t }}</p>
            }
          </section>

          @for (s of later; track s.key) {
            <section class="card later" [attr.data-testid]="'user-section-' + s.key">
              <h2 class="card-title">{{ s.title | t }}</h2>
              <p class="muted">{{ 'users.comingWithRequests' | t }}</p>
            </section>
          }
        </div>
      </div>
    } @else if (loading()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    h1 {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .page-head p {
      margin: 0.2rem 0 0;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: 1rem;
      align-items: start;
    }
    .grid .wide {
      grid-column: 1 / -1;
    }
    .card-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    .pad {
      padding: 1rem 1rem 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip {
      padding: 0.2rem 0.7rem;
      border-radius: 999px;
      background: #eef2ff;
      color: #3730a3;
      font-size: 0.85rem;
    }
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .links li {
      display: flex;
      align-items: center;
      gap: 0.6rem;
    }
    .kind {
      font-size: 0.78rem;
      color: var(--muted);
      min-width: 4rem;
    }
    .later {
      border-style: dashed;
      background: #fbfcfd;
    }
    .confirm {
      border: 1px solid #fecaca;
      background: #fef2f2;
    }
    .confirm[data-action='enable'],
    .confirm[data-action='reset'] {
      border-color: #bfdbfe;
      background: #eff6ff;
    }
    .confirm p {
      margin: 0 0 0.75rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    .num {
      width: 7rem;
    }
  `,
})
export class UserDetailPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  protected readonly detail = this.store.selectSignal(usersFeature.selectDetail);
  protected readonly loading = this.store.selectSignal(usersFeature.selectDetailLoading);
  protected readonly loadError = this.store.selectSignal(usersFeature.selectDetailError);
  protected readonly busy = this.store.selectSignal(usersFeature.selectBusy);
  protected readonly profileError = this.store.selectSignal(usersFeature.selectProfileError);
  protected readonly actionError = this.store.selectSignal(usersFeature.selectActionError);
  protected readonly password = this.store.selectSignal(usersFeature.selectPassword);
  private readonly lastChange = this.store.selectSignal(usersFeature.selectLastChange);
  private readonly permissions = this.store.selectSignal(selectPermissions);

  protected readonly editing = signal(false);
  protected readonly confirming = signal<Confirming>(null);
  protected readonly later: readonly { key: string; title: MessageKey }[] = [
    { key: 'requests', title: 'users.section.requests' },
    { key: 'devices', title: 'users.section.devices' },
    { key: 'documents', title: 'users.section.documents' },
  ];

  constructor() {
    // A change that went through closes its form or confirmation.
    effect(() => {
      const change = this.lastChange();
      if (change === 'profile') this.editing.set(false);
      if (change === 'status' || change === 'password') this.confirming.set(null);
    });
  }

  ngOnInit(): void {
    this.store.dispatch(UserDetailPageActions.opened({ id: this.id() }));
  }

  protected can(permission: string): boolean {
    return this.permissions().has(permission);
  }

  protected agentStatus(status: string): MessageKey {
    return (['provisioning', 'active', 'suspended'].includes(status) ? `agents.status.${status}` : 'common.none') as MessageKey;
  }

  protected confirmText(c: Exclude<Confirming, null>): MessageKey {
    return `users.confirm.${c}`;
  }

  protected confirmButton(c: Exclude<Confirming, null>): MessageKey {
    return `users.confirm.${c}.yes`;
  }

  protected confirm(c: Exclude<Confirming, null>, id: string): void {
    if (c === 'disable') this.store.dispatch(UserDetailPageActions.disableConfirmed({ id }));
    else if (c === 'enable') this.store.dispatch(UserDetailPageActions.enableConfirmed({ id }));
    else this.store.dispatch(UserDetailPageActions.resetPasswordConfirmed({ id }));
  }

  protected saveProfile(id: string, changes: UserChanges): void {
    this.store.dispatch(UserDetailPageActions.profileSaved({ id, changes }));
  }

  protected dismissPassword(): void {
    this.store.dispatch(UserDetailPageActions.passwordDismissed());
  }
}
