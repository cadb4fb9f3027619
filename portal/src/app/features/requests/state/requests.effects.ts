import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import {
  EMPTY,
  Observable,
  catchError,
  concatMap,
  exhaustMap,
  filter,
  forkJoin,
  map,
  mergeMap,
  of,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { saveBlob } from '../../tickets/data/save-blob';
import { RequestsApi } from '../data/requests-api.service';
import { unnamedCodes } from '../data/basedata-names';
import { Store } from '@ngrx/store';
import {
  InboxPageActions,
  NewRequestPageActions,
  RequestListPageActions,
  RequestPageActions,
  RequestsApiActions,
  TerminalsApiActions,
  TerminalsPageActions,
} from './requests.actions';
import { RequestsState, requestsFeature } from './requests.feature';

export const loadList = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(RequestListPageActions.opened, RequestListPageActions.queryChanged),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => RequestsApiActions.listLoaded({ page })),
          catchError((err: unknown) => of(RequestsApiActions.listFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The request page reads the request on opening and again after a refused action (it moved on). */
export const loadDetail = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(RequestPageActions.opened, RequestsApiActions.actionRefused),
      switchMap(({ id }) =>
        api.get(id).pipe(
          map((request) => RequestsApiActions.detailLoaded({ request })),
          catchError((err: unknown) => of(RequestsApiActions.detailFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** A person's action is not repeated while one is running (exhaustMap). */
export const act = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(RequestPageActions.actionRequested),
      exhaustMap(({ id, body }) =>
        api.act(id, body).pipe(
          map((request) => RequestsApiActions.actionDone({ request })),
          catchError((err: unknown) => of(RequestsApiActions.actionRefused({ id, error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const notifyAction = createEffect(
  (actions$ = inject(Actions), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(RequestsApiActions.actionDone, RequestsApiActions.actionRefused),
      tap((action) => {
        if ('error' in action) notify.error(action.error);
        else notify.success('toast.actionDone');
      }),
    ),
  { functional: true, dispatch: false },
);

export const loadUsers = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(RequestPageActions.reassignOpened),
      switchMap(({ agentId }) =>
        api.usersOf(agentId).pipe(
          map((users) => RequestsApiActions.usersLoaded({ users })),
          catchError(() => of(RequestsApiActions.usersLoaded({ users: [] }))),
        ),
      ),
    ),
  { functional: true },
);

/** A list read again; one the person may not read is empty, one that fails on a refresh keeps what it had. */
const orHeld = <T>(o: Observable<readonly T[]>, held: readonly T[]) => o.pipe(catchError(() => of(held)));

/** What may have the choices read (again). */
const LOOKUP_TRIGGERS = [
  NewRequestPageActions.opened,
  InboxPageActions.opened,
  RequestListPageActions.opened,
  TerminalsPageActions.opened,
  TerminalsPageActions.terminalOpened,
  RequestPageActions.opened,
  RequestsApiActions.detailLoaded,
  TerminalsApiActions.detailLoaded,
] as const;
type LookupTrigger = ReturnType<(typeof LOOKUP_TRIGGERS)[number]>;

/**
 * Whether the choices are to be read (again): on the first visit of the area; whenever a request form
 * opens (an item created meanwhile, e.g. a new swap reason, is offered at once); and when a request or
 * terminal shows a base-data code the lists cannot name yet (each such code asked about once).
 */
function lookupsWanted(action: LookupTrigger, state: RequestsState, askedAbout: Set<string>): boolean {
  if (action.type === NewRequestPageActions.opened.type) return true;
  const fields: Readonly<Record<string, unknown>> | null =
    action.type === RequestsApiActions.detailLoaded.type
      ? { ...(action.request.payload as unknown as Record<string, unknown>), pspCode: action.request.pspCode }
      : action.type === TerminalsApiActions.detailLoaded.type
        ? { deviceModel: action.terminal.deviceModel, pspCode: action.terminal.pspCode }
        : null;
  if (!fields) return !state.lookupsLoaded;
  // A detail arriving before the first read is named once that read (already under way) lands.
  if (!state.lookupsLoaded) return false;
  const unnamed = unnamedCodes(fields, state).filter((c) => !askedAbout.has(c));
  unnamed.forEach((c) => askedAbout.add(c));
  return unnamed.length > 0;
}

/** The choices of forms and filters (base data, agents); see lookupsWanted for when they are read. */
export const loadLookups = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), store = inject(Store)) => {
    const askedAbout = new Set<string>();
    return actions$.pipe(
      ofType(...LOOKUP_TRIGGERS),
      withLatestFrom(store.select(requestsFeature.selectRequestsState), store.select(selectHasAnyPermission('agents.read'))),
      filter(([action, state]) => lookupsWanted(action, state, askedAbout)),
      exhaustMap(([, held, canReadAgents]) =>
        forkJoin({
          psps: orHeld(api.baseData('psp'), held.psps),
          deviceModels: orHeld(api.baseData('device-model'), held.deviceModels),
          swapReasons: orHeld(api.baseData('swap-reason'), held.swapReasons),
          collectReasons: orHeld(api.baseData('collect-reason'), held.collectReasons),
          documentTypes: orHeld(api.baseData('document-type'), held.documentTypes),
          // Agents name no code and change rarely: read once, and only by who may (a 403 would be noisy).
          agents: canReadAgents && !held.lookupsLoaded ? orHeld(api.agents(), held.agents) : of(held.agents),
        }).pipe(map((lookups) => RequestsApiActions.lookupsLoaded(lookups))),
      ),
    );
  },
  { functional: true },
);

export const loadDrafts = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.opened),
      switchMap(() =>
        api.list({ state: 'draft', mine: 'true', page: 1, pageSize: 50 }).pipe(
          map((page) => RequestsApiActions.draftsLoaded({ drafts: page.items })),
          catchError(() => of(RequestsApiActions.draftsLoaded({ drafts: [] }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadStored = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.opened),
      switchMap(({ requestId }) =>
        requestId
          ? api.get(requestId).pipe(
              map((request) => RequestsApiActions.storedRequestLoaded({ request })),
              catchError((err: unknown) => of(RequestsApiActions.lookupFailed({ error: toApiError(err) }))),
            )
          : EMPTY,
      ),
    ),
  { functional: true },
);

/** A stored request brings its merchant (install) or terminal (the others) back into the form. */
export const chooseStoredParts = createEffect(
  (actions$ = inject(Actions)) =>
    actions$.pipe(
      ofType(RequestsApiActions.storedRequestLoaded, NewRequestPageActions.opened),
      mergeMap((action) => {
        if (action.type === NewRequestPageActions.opened.type) {
          return action.terminalId ? of(NewRequestPageActions.terminalChosen({ id: action.terminalId })) : EMPTY;
        }
        const payload = action.request.payload as unknown as Record<string, unknown>;
        const out = [];
        if (typeof payload['merchantId'] === 'string')
          out.push(NewRequestPageActions.merchantChosen({ id: payload['merchantId'] }));
        if (typeof payload['terminalId'] === 'string')
          out.push(NewRequestPageActions.terminalChosen({ id: payload['terminalId'] }));
        return of(...out);
      }),
    ),
  { functional: true },
);

export const searchMerchants = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.merchantSearched),
      switchMap(({ q }) =>
        api.findMerchants(q).pipe(
          map((page) => RequestsApiActions.merchantsFound({ merchants: page.items })),
          catchError((err: unknown) => of(RequestsApiActions.lookupFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadMerchant = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.merchantChosen),
      switchMap(({ id }) =>
        api.merchant(id).pipe(
          map((merchant) => RequestsApiActions.merchantLoaded({ merchant })),
          catchError((err: unknown) => of(RequestsApiActions.lookupFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const searchTerminals = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.terminalSearched),
      switchMap(({ q }) =>
        api.terminals({ q, page: 1, pageSize: 10 }).pipe(
          map((page) => RequestsApiActions.terminalsFound({ terminals: page.items })),
          catchError((err: unknown) => of(RequestsApiActions.lookupFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadTerminal = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.terminalChosen),
      switchMap(({ id }) =>
        api.terminal(id).pipe(
          map((terminal) => RequestsApiActions.terminalLoaded({ terminal })),
          catchError((err: unknown) => of(RequestsApiActions.lookupFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The chosen terminal's merchant: its accounts (account change) and what a change replaces. */
export const loadTerminalMerchant = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(RequestsApiActions.terminalLoaded),
      map(({ terminal }) => terminal.merchantId),
      filter((id): id is string => !!id),
      switchMap((id) =>
        api.merchant(id).pipe(
          map((merchant) => RequestsApiActions.merchantLoaded({ merchant })),
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true },
);

/** Saving a draft: the first save creates it, later saves edit it. */
export const saveDraft = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.draftSaved),
      exhaustMap(({ draftId, body }) =>
        (draftId
          ? api.updateDraft(draftId, { pspCode: body.pspCode, payload: body.payload })
          : api.create({ ...body, submit: false })
        ).pipe(
          map((request) => RequestsApiActions.draftSaved({ request })),
          catchError((err: unknown) => of(RequestsApiActions.submitFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const deleteDraft = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.draftDeleted),
      concatMap(({ id }) =>
        api.deleteDraft(id).pipe(
          map(() => RequestsApiActions.draftDeleted({ id })),
          catchError((err: unknown) => {
            notify.error(toApiError(err));
            return EMPTY;
          }),
        ),
      ),
    ),
  { functional: true },
);

/**
 * Submitting: a saved draft is updated then submitted; a new form is created and submitted in one
 * call with its client key, so a double click or a retried POST makes one request.
 */
export const submit = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.submitted, NewRequestPageActions.resubmitted),
      exhaustMap((action) => {
        const call =
          action.type === NewRequestPageActions.resubmitted.type
            ? api.act(action.id, action.body)
            : action.draftId
              ? api
                  .updateDraft(action.draftId, { pspCode: action.body.pspCode, payload: action.body.payload })
                  .pipe(switchMap(() => api.submit(action.draftId!)))
              : api.create({ ...action.body, submit: true });
        return call.pipe(
          map((request) => RequestsApiActions.submitSucceeded({ request })),
          catchError((err: unknown) => of(RequestsApiActions.submitFailed({ error: toApiError(err) }))),
        );
      }),
    ),
  { functional: true },
);

export const openSubmitted = createEffect(
  (actions$ = inject(Actions), router = inject(Router), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(RequestsApiActions.submitSucceeded, RequestsApiActions.draftSaved),
      tap((action) => {
        if (action.type === RequestsApiActions.draftSaved.type) {
          notify.success('requests.form.draftSaved');
          void router.navigate(['/requests', action.request.id, 'edit'], { replaceUrl: true });
          return;
        }
        notify.success('requests.form.submittedToast', { number: action.request.number });
        void router.navigate(['/requests', action.request.id]);
      }),
    ),
  { functional: true, dispatch: false },
);

/**
 * Attaching a document: to the stored request, or, when the form was never saved, to the draft it is
 * saved as first (its client key makes a retry the same draft). The saved draft is announced after
 * the upload, so the form reopened on it reads the document with it.
 */
export const uploadDocument = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.documentAdded),
      concatMap(({ requestId, draft, typeCode, file }) => {
        const upload = (id: string) =>
          api.uploadDocument(id, typeCode, file).pipe(
            map((document) => RequestsApiActions.documentUploaded({ requestId: id, document })),
            catchError((err: unknown) => of(RequestsApiActions.documentFailed({ error: toApiError(err) }))),
          );
        if (requestId) return upload(requestId);
        return api.create({ ...draft, submit: false }).pipe(
          switchMap((request) =>
            upload(request.id).pipe(concatMap((done) => of(RequestsApiActions.draftSaved({ request }), done))),
          ),
          catchError((err: unknown) => of(RequestsApiActions.submitFailed({ error: toApiError(err) }))),
        );
      }),
    ),
  { functional: true },
);

export const removeDocument = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(NewRequestPageActions.documentRemoved),
      concatMap(({ requestId, documentId }) =>
        api.removeDocument(requestId, documentId).pipe(
          map(() => RequestsApiActions.documentRemoved({ requestId, documentId })),
          catchError((err: unknown) => of(RequestsApiActions.documentFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const notifyDocument = createEffect(
  (actions$ = inject(Actions), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(RequestsApiActions.documentUploaded),
      tap(() => notify.success('requests.docs.uploaded')),
    ),
  { functional: true, dispatch: false },
);

/** A document's file, fetched with the person's token and offered under its name. */
export const downloadDocument = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(RequestPageActions.documentDownloadClicked),
      mergeMap(({ id, document }) =>
        api.documentFile(id, document.id).pipe(
          tap((blob) => saveBlob(blob, document.fileName)),
          catchError((err: unknown) => {
            notify.error(toApiError(err));
            return EMPTY;
          }),
        ),
      ),
    ),
  { functional: true, dispatch: false },
);
