import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { OrgChooserPageActions } from '../state/org-chooser.actions';
import { orgChooserFeature } from '../state/org-chooser.feature';

/** Start page when not signed in: choose the broker or an agent, then sign in at its realm. */
@Component({
  selector: 'kt-org-chooser-page',
  imports: [TranslatePipe, IconComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="welcome">
      <button type="button" class="btn btn-ghost btn-sm lang" data-testid="lang-switch" (click)="i18n.toggle()">
        <kt-icon name="globe" [size]="18" /> {{ 'lang.other' | t }}
      </button>
      <section class="panel">
        <div class="logo">ک</div>
        <h1>{{ 'auth.chooseOrg' | t }}</h1>
        <p class="hint">{{ 'auth.chooseOrgHint' | t }}</p>

        <kt-error-banner [error]="error()" />

        @if (loading() && agents().length === 0) {
          <p class="muted" role="status">{{ 'common.loading' | t }}</p>
        }

        <ul class="orgs" data-testid="org-list">
          @for (agent of agents(); track agent.code) {
            <li>
              <button
                type="button"
                class="org"
                [class.last]="agent.realm === lastRealm()"
                [attr.data-testid]="'org-option-' + agent.code"
                [attr.data-realm]="agent.realm"
                [disabled]="signingInTo() !== null"
                (click)="choose(agent.realm)"
              >
                <span class="org-icon"><kt-icon [name]="agent.isBroker ? 'building' : 'users'" [size]="22" /></span>
                <span class="org-text">
                  <strong>{{ i18n.pick(agent.nameFa, agent.nameEn) }}</strong>
                  <small>
                    {{ (agent.isBroker ? 'auth.broker' : 'auth.agent') | t }}
                    @if (agent.realm === lastRealm()) {
                      · {{ 'auth.lastUsed' | t }}
                    }
                  </small>
                </span>
                @if (signingInTo() === agent.realm) {
                  <span class="spinner" aria-hidden="true"></span>
                } @else {
                  <kt-icon class="chevron" name="chevron" [size]="18" />
                }
              </button>
            </li>
          } @empty {
            @if (!loading() && !error()) {
              <li class="muted">{{ 'auth.noOrgs' | t }}</li>
            }
          }
        </ul>
        @if (signingInTo()) {
          <p class="muted" role="status">{{ 'auth.redirecting' | t }}</p>
        }
        <p class="footer">{{ 'auth.footer' | t }}</p>
      </section>
    </div>
  `,
  styles: `
    .welcome {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 2rem 1rem;
      box-sizing: border-box;
      background:
        radial-gradient(circle at 20% 10%, #ccfbf1 0, transparent 45%),
        radial-gradient(circle at 90% 90%, #e0e7ff 0, transparent 40%), var(--bg);
    }
    .lang {
      position: fixed;
      top: 1rem;
      inset-inline-end: 1rem;
    }
    .panel {
      width: min(28rem, 100%);
      background: #fff;
      border-radius: 18px;
      padding: 2.25rem 2rem 1.5rem;
      box-shadow: 0 20px 50px rgb(15 23 42 / 0.1);
      border: 1px solid var(--border);
      text-align: center;
    }
    .logo {
      width: 3.5rem;
      height: 3.5rem;
      margin: 0 auto 1rem;
      border-radius: 14px;
      display: grid;
      place-items: center;
      color: #fff;
      font-size: 1.9rem;
      font-weight: 800;
      background: linear-gradient(135deg, #14b8a6, #0f766e);
    }
    h1 {
      margin: 0 0 0.4rem;
      font-size: 1.4rem;
    }
    .hint {
      margin: 0 0 1.5rem;
      color: var(--muted);
      font-size: 0.925rem;
    }
    .orgs {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.65rem;
      text-align: start;
    }
    .org {
      width: 100%;
      display: flex;
      align-items: center;
      gap: 0.85rem;
      padding: 0.85rem 1rem;
      border-radius: 12px;
      border: 1px solid var(--border);
      background: #fff;
      cursor: pointer;
      font: inherit;
      color: inherit;
      text-align: start;
      transition:
        border-color 0.15s,
        box-shadow 0.15s;
    }
    .org:hover:not(:disabled) {
      border-color: var(--primary);
      box-shadow: 0 0 0 3px var(--primary-soft);
    }
    .org:disabled {
      cursor: wait;
      opacity: 0.7;
    }
    .org.last {
      border-color: #5eead4;
    }
    .org-icon {
      width: 2.5rem;
      height: 2.5rem;
      border-radius: 10px;
      display: grid;
      place-items: center;
      background: var(--primary-soft);
      color: var(--primary);
    }
    .org-text {
      flex: 1;
      display: flex;
      flex-direction: column;
      line-height: 1.5;
    }
    .org-text small {
      color: var(--muted);
      font-size: 0.8rem;
    }
    .chevron {
      color: var(--muted);
    }
    :host-context([dir='rtl']) .chevron {
      transform: scaleX(-1);
    }
    .footer {
      margin: 1.5rem 0 0;
      font-size: 0.78rem;
      color: var(--muted);
    }
    .muted {
      color: var(--muted);
    }
  `,
})
export class OrgChooserPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly lastRealm = inject(AuthService).lastRealm;
  protected readonly agents = this.store.selectSignal(orgChooserFeature.selectAgents);
  protected readonly loading = this.store.selectSignal(orgChooserFeature.selectLoading);
  protected readonly error = this.store.selectSignal(orgChooserFeature.selectError);
  protected readonly signingInTo = this.store.selectSignal(orgChooserFeature.selectSigningInTo);

  ngOnInit(): void {
    this.store.dispatch(OrgChooserPageActions.opened());
  }

  protected choose(realm: string): void {
    this.store.dispatch(OrgChooserPageActions.organisationChosen({ realm }));
  }
}
