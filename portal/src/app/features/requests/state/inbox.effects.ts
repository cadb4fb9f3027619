import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { catchError, exhaustMap, map, mergeMap, of, switchMap, tap, withLatestFrom } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { savableQuery } from '../data/queries';
import { RequestsApi } from '../data/requests-api.service';
import { inboxFeature } from './inbox.feature';
import { InboxApiActions, InboxPageActions } from './requests.actions';

/** Filter changes replace each other (switchMap); a bulk action or a claim reloads the current query. */
export const loadInbox = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), store = inject(Store)) =>
    actions$.pipe(
      ofType(
        InboxPageActions.opened,
        InboxPageActions.queryChanged,
        InboxApiActions.bulkDone,
        InboxApiActions.claimDone,
        InboxApiActions.claimFailed,
      ),
      withLatestFrom(store.select(inboxFeature.selectQuery)),
      switchMap(([, query]) =>
        api.inbox(query).pipe(
          map((page) => InboxApiActions.inboxLoaded({ page })),
          catchError((err: unknown) => of(InboxApiActions.inboxFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadFilters = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(InboxPageActions.opened),
      exhaustMap(() =>
        api.savedFilters().pipe(
          map((filters) => InboxApiActions.filtersLoaded({ filters })),
          catchError(() => of(InboxApiActions.filtersLoaded({ filters: [] }))),
        ),
      ),
    ),
  { functional: true },
);

/** One bulk action at a time (exhaustMap) over the selected tasks; per-item results come back. */
export const bulk = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), store = inject(Store)) =>
    actions$.pipe(
      ofType(InboxPageActions.bulkRequested),
      withLatestFrom(store.select(inboxFeature.selectSelectedItems)),
      exhaustMap(([{ action, reason }, items]) =>
        api
          .bulk(
            action,
            items.map((i) => ({ requestId: i.request.id, taskId: i.task.id })),
            reason,
          )
          .pipe(
            map((results) => InboxApiActions.bulkDone({ action, results })),
            catchError((err: unknown) => of(InboxApiActions.bulkFailed({ error: toApiError(err) }))),
          ),
      ),
    ),
  { functional: true },
);

export const claim = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(InboxPageActions.claimClicked),
      mergeMap(({ requestId, taskId }) =>
        api.act(requestId, { action: 'claim', taskId }).pipe(
          map((request) => InboxApiActions.claimDone({ request })),
          catchError((err: unknown) => of(InboxApiActions.claimFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const saveFilter = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), store = inject(Store)) =>
    actions$.pipe(
      ofType(InboxPageActions.filterSaved),
      withLatestFrom(store.select(inboxFeature.selectQuery)),
      exhaustMap(([{ name }, query]) =>
        api.saveFilter(name, savableQuery(query)).pipe(
          map((filter) => InboxApiActions.filterSaved({ filter })),
          catchError((err: unknown) => of(InboxApiActions.filterFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const deleteFilter = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(InboxPageActions.filterDeleted),
      mergeMap(({ id }) =>
        api.deleteFilter(id).pipe(
          map(() => InboxApiActions.filterDeleted({ id })),
          catchError((err: unknown) => of(InboxApiActions.filterFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const notifyInbox = createEffect(
  (actions$ = inject(Actions), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(InboxApiActions.claimDone, InboxApiActions.claimFailed, InboxApiActions.filterFailed),
      tap((action) => {
        if ('error' in action) notify.error(action.error);
        else notify.success('inbox.claimed');
      }),
    ),
  { functional: true, dispatch: false },
);
