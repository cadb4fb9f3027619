import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { Store, provideStore } from '@ngrx/store';

import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { BrandingService } from './core/branding/branding.service';
import { RUNTIME_CONFIG, RuntimeConfig } from './core/config/runtime-config';
import { I18nService } from './core/i18n/i18n.service';
import { AuthActions } from './core/session/session.actions';
import * as sessionEffects from './core/session/session.effects';
import { sessionFeature } from './core/session/session.feature';
import * as accessEffects from './features/access/state/access.effects';
import { accessFeature } from './features/access/state/access.feature';
import { agentCeilingFeature } from './features/access/state/agent-ceiling.feature';
import { menuAdminFeature } from './features/access/state/menu-admin.feature';
import { userAccessFeature } from './features/access/state/user-access.feature';
import * as auditEffects from './features/audit/state/audit.effects';
import { auditLogFeature } from './features/audit/state/audit-log.feature';
import { systemEventsFeature } from './features/audit/state/system-events.feature';
import * as orgChooserEffects from './features/auth/state/org-chooser.effects';
import { orgChooserFeature } from './features/auth/state/org-chooser.feature';
import * as supportInboxEffects from './features/support/state/support-inbox.effects';
import { supportInboxFeature } from './features/support/state/support-inbox.feature';
import * as ticketsEffects from './features/tickets/state/tickets.effects';
import * as agentsEffects from './features/agents/state/agents.effects';
import { agentsFeature } from './features/agents/state/agents.feature';
import { ticketsFeature } from './features/tickets/state/tickets.feature';

/** Before the first navigation: apply the language, then let keycloak-js pick up an existing session. */
async function startSession(): Promise<void> {
  inject(I18nService);
  inject(BrandingService).init();
  const auth = inject(AuthService);
  const store = inject(Store);
  const signedIn = await auth.restoreSession();
  store.dispatch(signedIn ? AuthActions.sessionRestored() : AuthActions.notSignedIn());
}

export function createAppConfig(runtimeConfig: RuntimeConfig): ApplicationConfig {
  return {
    providers: [
      { provide: RUNTIME_CONFIG, useValue: runtimeConfig },
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideRouter(routes, withComponentInputBinding()),
      provideStore({
        [sessionFeature.name]: sessionFeature.reducer,
        [orgChooserFeature.name]: orgChooserFeature.reducer,
        [ticketsFeature.name]: ticketsFeature.reducer,
        [supportInboxFeature.name]: supportInboxFeature.reducer,
        [agentsFeature.name]: agentsFeature.reducer,
        [accessFeature.name]: accessFeature.reducer,
        [userAccessFeature.name]: userAccessFeature.reducer,
        [agentCeilingFeature.name]: agentCeilingFeature.reducer,
        [menuAdminFeature.name]: menuAdminFeature.reducer,
        [auditLogFeature.name]: auditLogFeature.reducer,
        [systemEventsFeature.name]: systemEventsFeature.reducer,
      }),
      provideEffects(
        sessionEffects,
        orgChooserEffects,
        ticketsEffects,
        supportInboxEffects,
        agentsEffects,
        accessEffects,
        auditEffects,
      ),
      provideAppInitializer(startSession),
    ],
  };
}
