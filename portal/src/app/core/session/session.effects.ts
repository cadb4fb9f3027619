import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { EMPTY, catchError, exhaustMap, filter, from, fromEvent, interval, map, merge, of, switchMap, throttleTime } from 'rxjs';

import { toApiError } from '../api/api-error';
import { AuthService } from '../auth/auth.service';
import { AuthActions, MeApiActions, SessionRefreshActions, ShellActions } from './session.actions';
import { selectSessionStatus } from './session.feature';
import { MeApi } from './me-api.service';

/** How often `GET /api/me` is repeated while the window keeps focus (grants apply in the API within 10 s). */
const ME_REFRESH_MS = 60_000;
/** Focus changes closer together than this cause one refresh. */
const ME_FOCUS_THROTTLE_MS = 5_000;

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

/**
 * Permission and menu changes show without a new sign-in: when the window regains focus, and every
 * {@link ME_REFRESH_MS} otherwise, while a session is ready.
 */
export const refreshMeWhenDue = createEffect(
  (document = inject(DOCUMENT), store = inject(Store)) => {
    const view = document.defaultView;
    const focus$ = view ? fromEvent(view, 'focus').pipe(throttleTime(ME_FOCUS_THROTTLE_MS)) : EMPTY;
    const status = store.selectSignal(selectSessionStatus);
    return merge(focus$, interval(ME_REFRESH_MS)).pipe(
      filter(() => status() === 'ready'),
      map(() => SessionRefreshActions.refreshDue()),
    );
  },
  { functional: true },
);

/** A background refresh replaces the person's permissions and menu; a failure leaves them as they were. */
export const refreshMe = createEffect(
  (actions$ = inject(Actions), api = inject(MeApi)) =>
    actions$.pipe(
      ofType(SessionRefreshActions.refreshDue),
      exhaustMap(() =>
        api.me().pipe(
          map((me) => MeApiActions.meLoaded({ me })),
          catchError((error: unknown) => of(MeApiActions.meRefreshFailed({ error: toApiError(error) }))),
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
