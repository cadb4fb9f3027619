import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, map, of, switchMap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { TicketsApi } from '../../tickets/data/tickets-api.service';
import { SupportInboxApiActions, SupportInboxPageActions } from './support-inbox.actions';

export const loadInbox = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(SupportInboxPageActions.opened, SupportInboxPageActions.filtersChanged, SupportInboxPageActions.refreshClicked),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => SupportInboxApiActions.inboxLoaded({ page })),
          catchError((error: unknown) => of(SupportInboxApiActions.inboxLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);
