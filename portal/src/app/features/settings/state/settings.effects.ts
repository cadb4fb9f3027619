import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { EMPTY, catchError, concatMap, exhaustMap, map, merge, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { PublicApi } from '../../auth/data/public-api.service';
import { SettingsApi } from '../data/settings-api.service';
import { SettingsApiActions, SettingsPageActions } from './settings.actions';

export const load = createEffect(
  (actions$ = inject(Actions), api = inject(SettingsApi), publicApi = inject(PublicApi)) =>
    actions$.pipe(
      ofType(SettingsPageActions.opened),
      switchMap(() =>
        merge(
          api.ipRanges().pipe(map((ranges) => SettingsApiActions.rangesLoaded({ ranges }))),
          api.services().pipe(map(({ items }) => SettingsApiActions.servicesLoaded({ items }))),
          publicApi.agents().pipe(map((agents) => SettingsApiActions.agentsLoaded({ agents }))),
        ).pipe(catchError((error: unknown) => of(SettingsApiActions.loadFailed({ error: toApiError(error) })))),
      ),
    ),
  { functional: true },
);

/** After a save the ranges are read again (the API normalises them). */
export const reloadRanges = createEffect(
  (actions$ = inject(Actions), api = inject(SettingsApi)) =>
    actions$.pipe(
      ofType(SettingsApiActions.rangesSaved),
      switchMap(() =>
        api.ipRanges().pipe(
          map((ranges) => SettingsApiActions.rangesLoaded({ ranges })),
          catchError((error: unknown) => of(SettingsApiActions.loadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const saveRanges = createEffect(
  (actions$ = inject(Actions), api = inject(SettingsApi)) =>
    actions$.pipe(
      ofType(SettingsPageActions.globalRangesSubmitted, SettingsPageActions.agentRangesSubmitted),
      exhaustMap((action) =>
        (action.type === SettingsPageActions.globalRangesSubmitted.type
          ? api.saveGlobal(action.ranges, action.force)
          : api.saveAgent(action.agent, action.ranges)
        ).pipe(
          map(() => SettingsApiActions.rangesSaved()),
          catchError((error: unknown) => of(SettingsApiActions.rangesFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Switches flip at once on screen; the API's answer (or a reload after a refusal) settles them. */
export const toggleService = createEffect(
  (actions$ = inject(Actions), api = inject(SettingsApi)) =>
    actions$.pipe(
      ofType(SettingsPageActions.serviceToggled),
      concatMap(({ key, enabled }) =>
        api.setService(key, enabled).pipe(
          map(({ items }) => SettingsApiActions.serviceChanged({ items })),
          catchError((error: unknown) => of(SettingsApiActions.serviceFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const reloadServices = createEffect(
  (actions$ = inject(Actions), api = inject(SettingsApi)) =>
    actions$.pipe(
      ofType(SettingsApiActions.serviceFailed),
      switchMap(() =>
        api.services().pipe(
          map(({ items }) => SettingsApiActions.servicesLoaded({ items })),
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true },
);

export const confirm = createEffect(
  (actions$ = inject(Actions), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(SettingsApiActions.rangesSaved, SettingsApiActions.serviceChanged),
      tap(() => notify.success('toast.actionDone')),
    ),
  { functional: true, dispatch: false },
);
