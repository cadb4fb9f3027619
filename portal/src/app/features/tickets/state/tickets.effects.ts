import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  Observable,
  catchError,
  exhaustMap,
  filter,
  ignoreElements,
  map,
  mergeMap,
  of,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { TicketDetail } from '../../../core/api/api.models';
import { newIdempotencyKey } from '../../../core/api/idempotency-key';
import { NotificationService } from '../../../core/notifications/notification.service';
import { MeApiActions } from '../../../core/session/session.actions';
import { TicketsApi } from '../data/tickets-api.service';
import { saveBlob } from '../data/save-blob';
import { NewTicketPageActions, TicketDetailPageActions, TicketsApiActions, TicketsPageActions } from './tickets.actions';
import { selectCategoriesLoaded } from './tickets.feature';

/** Lists follow the latest query: a newer filter cancels the older request (switchMap). */
export const loadTicketList = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(TicketsPageActions.opened, TicketsPageActions.queryChanged, TicketsPageActions.refreshClicked),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => TicketsApiActions.listLoaded({ page })),
          catchError((error: unknown) => of(TicketsApiActions.listLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Categories once per session (after `GET /api/me`), and again on the new-ticket form if they failed. */
export const loadCategories = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(MeApiActions.meLoaded, NewTicketPageActions.opened),
      withLatestFrom(store.select(selectCategoriesLoaded)),
      filter(([, loaded]) => !loaded),
      exhaustMap(() =>
        api.categories().pipe(
          map((categories) => TicketsApiActions.categoriesLoaded({ categories })),
          catchError((error: unknown) => of(TicketsApiActions.categoriesLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Loads the ticket when its page opens or asks, and after a refused action (its state moved on). */
export const loadTicket = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(TicketDetailPageActions.opened, TicketDetailPageActions.refreshClicked, TicketsApiActions.actionFailed),
      filter(
        (action) => action.type !== TicketsApiActions.actionFailed.type || action.error.code === 'TICKET_ACTION_NOT_ALLOWED',
      ),
      switchMap(({ id }) =>
        api.get(id).pipe(
          map((ticket) => TicketsApiActions.ticketLoaded({ ticket })),
          catchError((error: unknown) => of(TicketsApiActions.ticketLoadFailed({ id, error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Uploads the file (if any) first and answers with the attachment ids to send along. */
function uploadIfAny(api: TicketsApi, file: File | null): Observable<readonly string[]> {
  return file ? api.upload(file).pipe(map((attachment) => [attachment.id])) : of([]);
}

/** Creating a ticket is a submit: a second click while one is in flight is ignored (exhaustMap). */
export const createTicket = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(NewTicketPageActions.submitted),
      exhaustMap(({ draft }) => {
        const idempotencyKey = newIdempotencyKey();
        return uploadIfAny(api, draft.file).pipe(
          switchMap((attachmentIds) =>
            api.create(
              {
                categoryCode: draft.categoryCode,
                subject: draft.subject,
                body: draft.body,
                priority: draft.priority,
                ...(attachmentIds.length ? { attachmentIds } : {}),
              },
              idempotencyKey,
            ),
          ),
          map((ticket) => TicketsApiActions.ticketCreated({ ticket })),
          catchError((error: unknown) => of(TicketsApiActions.ticketCreateFailed({ error: toApiError(error) }))),
        );
      }),
    ),
  { functional: true },
);

export const openCreatedTicket = createEffect(
  (actions$ = inject(Actions), router = inject(Router), notifications = inject(NotificationService)) =>
    actions$.pipe(
      ofType(TicketsApiActions.ticketCreated),
      tap(({ ticket }) => {
        notifications.success('newTicket.created', { number: ticket.number });
        void router.navigate(['/tickets', ticket.id]);
      }),
    ),
  { functional: true, dispatch: false },
);

/** Claim, release, answer/reply, close and rate: one at a time per page (exhaustMap). */
export const ticketActions = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(
        TicketDetailPageActions.claimClicked,
        TicketDetailPageActions.releaseClicked,
        TicketDetailPageActions.closeClicked,
        TicketDetailPageActions.messageSubmitted,
        TicketDetailPageActions.ratingSubmitted,
      ),
      exhaustMap((action) => {
        let call: Observable<TicketDetail>;
        let name: 'claim' | 'release' | 'close' | 'answer' | 'reply' | 'rate';
        switch (action.type) {
          case TicketDetailPageActions.claimClicked.type:
            name = 'claim';
            call = api.claim(action.id);
            break;
          case TicketDetailPageActions.releaseClicked.type:
            name = 'release';
            call = api.release(action.id);
            break;
          case TicketDetailPageActions.closeClicked.type:
            name = 'close';
            call = api.close(action.id);
            break;
          case TicketDetailPageActions.ratingSubmitted.type:
            name = 'rate';
            call = api.rate(action.id, action.score, action.comment);
            break;
          default:
            name = action.action;
            call = uploadIfAny(api, action.draft.file).pipe(
              switchMap((attachmentIds) => api.addMessage(action.id, action.draft.body, attachmentIds)),
            );
        }
        return call.pipe(
          map((ticket) => TicketsApiActions.actionSucceeded({ action: name, ticket })),
          catchError((error: unknown) =>
            of(TicketsApiActions.actionFailed({ id: action.id, action: name, error: toApiError(error) })),
          ),
        );
      }),
    ),
  { functional: true },
);

export const downloadAttachment = createEffect(
  (actions$ = inject(Actions), api = inject(TicketsApi)) =>
    actions$.pipe(
      ofType(TicketDetailPageActions.attachmentClicked),
      mergeMap(({ attachment }) =>
        api.download(attachment.id).pipe(
          tap((blob) => saveBlob(blob, attachment.fileName)),
          ignoreElements(),
          catchError((error: unknown) => of(TicketsApiActions.attachmentDownloadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/**
 * Errors of things a person did go to a toast, unless they are field errors (shown under the fields).
 * Load errors are shown by the page itself, next to a retry.
 */
export const showTicketErrors = createEffect(
  (actions$ = inject(Actions), notifications = inject(NotificationService)) =>
    actions$.pipe(
      ofType(TicketsApiActions.ticketCreateFailed, TicketsApiActions.actionFailed, TicketsApiActions.attachmentDownloadFailed),
      filter(({ error }) => error.fields.length === 0),
      tap(({ error }) => notifications.error(error)),
    ),
  { functional: true, dispatch: false },
);
