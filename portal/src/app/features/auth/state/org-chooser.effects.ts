import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, from, ignoreElements, map, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { AuthService } from '../../../core/auth/auth.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { NotificationService } from '../../../core/notifications/notification.service';
import { PublicApi } from '../data/public-api.service';
import { KeycloakActions, OrgChooserPageActions, PublicApiActions } from './org-chooser.actions';

export const loadAgents = createEffect(
  (actions$ = inject(Actions), api = inject(PublicApi)) =>
    actions$.pipe(
      ofType(OrgChooserPageActions.opened),
      switchMap(() =>
        api.agents().pipe(
          map((agents) => PublicApiActions.agentsLoaded({ agents })),
          catchError((error: unknown) => of(PublicApiActions.agentsLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Sends the browser to the chosen realm's login page; on success the page unloads. */
export const signIn = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService), i18n = inject(I18nService)) =>
    actions$.pipe(
      ofType(OrgChooserPageActions.organisationChosen),
      exhaustMap(({ realm }) =>
        from(auth.login(realm, i18n.lang())).pipe(
          ignoreElements(),
          catchError((error: unknown) => {
            console.error('Keycloak login failed', error);
            return of(
              KeycloakActions.loginFailed({
                error: {
                  status: 0,
                  code: 'LOGIN_FAILED',
                  message: { fa: i18n.tIn('fa', 'auth.signInFailed'), en: i18n.tIn('en', 'auth.signInFailed') },
                  fields: [],
                },
              }),
            );
          }),
        ),
      ),
    ),
  { functional: true },
);

/** The chooser shows a failed list itself; a failed redirect to Keycloak becomes a toast. */
export const showOrgChooserErrors = createEffect(
  (actions$ = inject(Actions), notifications = inject(NotificationService)) =>
    actions$.pipe(
      ofType(KeycloakActions.loginFailed),
      tap(({ error }) => notifications.error(error)),
    ),
  { functional: true, dispatch: false },
);
