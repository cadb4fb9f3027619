import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { Store } from '@ngrx/store';

import { BrandingService } from '../branding/branding.service';
import { I18nService } from '../i18n/i18n.service';
import { ShellActions } from '../session/session.actions';
import { selectAgent, selectMenuGroups, selectSessionError, selectSessionStatus, selectUser } from '../session/session.feature';
import { ErrorBannerComponent } from '../../shared/ui/error-banner.component';
import { TranslatePipe } from '../../shared/pipes/translate.pipe';
import { HeaderComponent } from './header.component';
import { SidebarComponent } from './sidebar.component';

/** The signed-in frame: side menu, header and the routed page. */
@Component({
  selector: 'kt-shell',
  imports: [RouterOutlet, SidebarComponent, HeaderComponent, ErrorBannerComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">{{ 'nav.skip' | t }}</a>
    <div class="shell">
      <kt-sidebar class="shell-sidebar" [groups]="menuGroups()" />
      <div class="shell-main">
        <kt-header
          [userName]="user()?.displayName ?? ''"
          [agentName]="agentName()"
          (languageToggled)="i18n.toggle()"
          (logoutClicked)="logout()"
        />
        <main id="main" class="shell-content">
          @if (status() === 'failed') {
            <div class="card session-failed">
              <h1>{{ 'auth.sessionFailed' | t }}</h1>
              <kt-error-banner [error]="error()" />
              <button type="button" class="btn btn-primary" data-testid="session-retry" (click)="retry()">
                {{ 'common.retry' | t }}
              </button>
            </div>
          } @else {
            <router-outlet />
          }
        </main>
      </div>
    </div>
  `,
  styles: `
    .shell {
      display: grid;
      grid-template-columns: 16.5rem 1fr;
      min-height: 100vh;
    }
    .shell-sidebar {
      position: sticky;
      top: 0;
      height: 100vh;
      overflow-y: auto;
    }
    .shell-main {
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .shell-content {
      padding: 1.5rem;
      max-width: 78rem;
      width: 100%;
      box-sizing: border-box;
      margin-inline: auto;
    }
    .session-failed {
      display: grid;
      gap: 1rem;
      justify-items: start;
    }
    .session-failed h1 {
      font-size: 1.15rem;
      margin: 0;
    }
    @media (max-width: 56rem) {
      .shell {
        grid-template-columns: 1fr;
      }
      .shell-sidebar {
        position: static;
        height: auto;
      }
    }
  `,
})
export class ShellComponent {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly menuGroups = this.store.selectSignal(selectMenuGroups);
  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly status = this.store.selectSignal(selectSessionStatus);
  protected readonly error = this.store.selectSignal(selectSessionError);
  private readonly agent = this.store.selectSignal(selectAgent);
  protected readonly agentName = computed(() => {
    const agent = this.agent();
    return agent ? this.i18n.pick(agent.nameFa, agent.nameEn) : '';
  });

  private readonly branding = inject(BrandingService);
  /** The signed-in agent's look, unless the host or `?agent=` chose one. */
  private readonly brandByAgent = effect(() => {
    const agent = this.agent();
    if (agent) this.branding.useAgent(agent.code);
  });

  protected logout(): void {
    this.store.dispatch(ShellActions.logoutClicked());
  }

  protected retry(): void {
    this.store.dispatch(ShellActions.sessionRetryClicked());
  }
}
