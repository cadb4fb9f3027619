import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, from, map, of, switchMap } from 'rxjs';

import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { AuthActions, MeApiActions, ShellActions } from './session.actions';
import { MeApi } from './me-api.service';

/** `GET /api/me` after sign-in: the user, agent, permissions and menu. */
export const loadMe = createEffect(
  (actions$ = inject(Actions), api = inject(MeApi)) =>
    actions$.pipe(
      ofType(AuthActions.sessionRestored, ShellActions.sessionRetryClicked),
      switchMap(() =>
        api.me().pipe(
          map((me) => MeApiActions.meLoaded({ me })),
          catchError((error: unknown) => of(MeApiActions.meLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const logout = createEffect(
  (actions$ = inject(Actions), auth = inject(AuthService)) =>
    actions$.pipe(
      ofType(ShellActions.logoutClicked),
      exhaustMap(() => from(auth.logout()).pipe(catchError(() => of(null)))),
    ),
  { functional: true, dispatch: false },
);
