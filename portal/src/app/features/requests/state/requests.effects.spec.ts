import { HttpErrorResponse } from '@angular/common/http';
import { Action, Store } from '@ngrx/store';
import { BehaviorSubject, Observable, Subject, firstValueFrom, map, of, toArray, throwError } from 'rxjs';

import { initialSessionState } from '../../../core/session/session.feature';
import { aRequestDetail, aTerminal } from '../../../testing/request-fixtures';
import { RequestsApi } from '../data/requests-api.service';
import { RequestDetail, RequestDocument } from '../data/requests.models';
import {
  InboxPageActions,
  NewRequestPageActions,
  RequestPageActions,
  RequestsApiActions,
  TerminalsApiActions,
} from './requests.actions';
import { RequestsState, initialRequestsState, requestsFeature } from './requests.feature';
import { act, loadLookups, removeDocument, submit, uploadDocument } from './requests.effects';

const api = (overrides: Partial<RequestsApi>): RequestsApi => overrides as RequestsApi;
const body = { type: 'install' as const, pspCode: 'psp-a', payload: { merchantId: 'm1' }, clientKey: 'key-1' };

describe('request effects', () => {
  it('when a new form is submitted twice while the first is in flight, then one request is created, with the client key', async () => {
    const pending = new Subject<RequestDetail>();
    const create = vi.fn().mockReturnValue(pending);
    const actions$ = new Subject<Action>();
    const results = firstValueFrom((submit(actions$, api({ create })) as Observable<Action>).pipe(toArray()));

    actions$.next(NewRequestPageActions.submitted({ draftId: null, body }));
    actions$.next(NewRequestPageActions.submitted({ draftId: null, body }));
    pending.next(aRequestDetail());
    pending.complete();
    actions$.complete();

    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith({ ...body, submit: true });
    expect((await results).map((a) => a.type)).toEqual([RequestsApiActions.submitSucceeded.type]);
  });

  it('when a saved draft is submitted, then it is updated with the form and then submitted', async () => {
    const updateDraft = vi.fn().mockReturnValue(of(aRequestDetail({ state: 'draft' })));
    const submitDraft = vi.fn().mockReturnValue(of(aRequestDetail({ id: 'd1' })));
    const result = await firstValueFrom(
      submit(
        of(NewRequestPageActions.submitted({ draftId: 'd1', body })),
        api({ updateDraft, submit: submitDraft }),
      ) as Observable<Action>,
    );
    expect(updateDraft).toHaveBeenCalledWith('d1', { pspCode: 'psp-a', payload: { merchantId: 'm1' } });
    expect(submitDraft).toHaveBeenCalledWith('d1');
    expect(result.type).toBe(RequestsApiActions.submitSucceeded.type);
  });

  it('when an action is refused as stale, then the refusal is kept and the request is read again', async () => {
    const stale = new HttpErrorResponse({
      status: 409,
      error: { error: { code: 'TASK_STALE', message: { fa: 'این کار دیگر باز نیست', en: 'No longer open' } } },
    });
    const result = await firstValueFrom(
      act(
        of(RequestPageActions.actionRequested({ id: 'r1', body: { action: 'approve', taskId: 'r1.t1' } })),
        api({ act: vi.fn().mockReturnValue(throwError(() => stale)) }),
      ) as Observable<Action>,
    );
    expect(result.type).toBe(RequestsApiActions.actionRefused.type);
    const state = requestsFeature.reducer(undefined, result);
    expect(state.actionError?.code).toBe('TASK_STALE');
    expect(state.detailLoading).toBe(true);
  });

  it('when an action goes through, then the page shows the request as the API answered', () => {
    const opened = requestsFeature.reducer(undefined, RequestPageActions.opened({ id: 'r1' }));
    const loaded = requestsFeature.reducer(opened, RequestsApiActions.detailLoaded({ request: aRequestDetail() }));
    const acting = requestsFeature.reducer(
      loaded,
      RequestPageActions.actionRequested({ id: 'r1', body: { action: 'approve', taskId: 'r1.t1' } }),
    );
    expect(acting.acting).toBe('approve');
    const done = requestsFeature.reducer(
      acting,
      RequestsApiActions.actionDone({ request: aRequestDetail({ state: 'at_psp', openTask: null }) }),
    );
    expect(done.acting).toBeNull();
    expect(done.detail?.state).toBe('at_psp');
  });

  describe('documents', () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'کارت.png', { type: 'image/png' });
    const doc: RequestDocument = {
      id: 'doc1',
      typeCode: 'id-card',
      typeName: { fa: 'کارت ملی', en: 'ID card' },
      fileName: 'کارت.png',
      contentType: 'image/png',
      size: 3,
      uploadedBy: { id: 'u1', displayName: 'Alpha User' },
      createdAt: '2025-11-23T06:00:00Z',
    };
    const run = (action: Action, overrides: Partial<RequestsApi>) =>
      firstValueFrom((uploadDocument(of(action), api(overrides)) as Observable<Action>).pipe(toArray()));

    it('when the form was never saved, then it is saved as a draft (with its client key) and the document attached to it', async () => {
      const create = vi.fn().mockReturnValue(of(aRequestDetail({ id: 'd1', state: 'draft' })));
      const upload = vi.fn().mockReturnValue(of(doc));
      const out = await run(NewRequestPageActions.documentAdded({ requestId: null, draft: body, typeCode: 'id-card', file }), {
        create,
        uploadDocument: upload,
      });
      expect(create).toHaveBeenCalledWith({ ...body, submit: false });
      expect(upload).toHaveBeenCalledWith('d1', 'id-card', file);
      // The draft is announced after the upload (the form reopened on it reads the document too).
      expect(out.map((a) => a.type)).toEqual([RequestsApiActions.draftSaved.type, RequestsApiActions.documentUploaded.type]);
      const state = out.reduce(requestsFeature.reducer, requestsFeature.reducer(undefined, { type: 'init' }));
      expect(state.stored?.documents).toEqual([doc]);
      expect(state.documentBusy).toBe(false);
    });

    it('when the request is stored, then the document goes to it without saving anything', async () => {
      const create = vi.fn();
      const upload = vi.fn().mockReturnValue(of(doc));
      const out = await run(NewRequestPageActions.documentAdded({ requestId: 'r1', draft: body, typeCode: 'id-card', file }), {
        create,
        uploadDocument: upload,
      });
      expect(create).not.toHaveBeenCalled();
      expect(out).toEqual([RequestsApiActions.documentUploaded({ requestId: 'r1', document: doc })]);
    });

    it('when the upload is refused, then the refusal is kept for the section; a failed save goes to the form', async () => {
      const locked = new HttpErrorResponse({
        status: 409,
        error: { error: { code: 'DOCUMENTS_LOCKED', message: { fa: 'قفل', en: 'Locked' } } },
      });
      const refused = await run(NewRequestPageActions.documentAdded({ requestId: 'r1', draft: body, typeCode: 'x', file }), {
        uploadDocument: vi.fn().mockReturnValue(throwError(() => locked)),
      });
      expect(refused.map((a) => a.type)).toEqual([RequestsApiActions.documentFailed.type]);
      const busy = requestsFeature.reducer(
        undefined,
        NewRequestPageActions.documentAdded({ requestId: 'r1', draft: body, typeCode: 'x', file }),
      );
      expect(busy.documentBusy).toBe(true);
      const state = requestsFeature.reducer(busy, refused[0]);
      expect(state.documentError?.code).toBe('DOCUMENTS_LOCKED');
      expect(state.documentBusy).toBe(false);

      const unsaved = await run(NewRequestPageActions.documentAdded({ requestId: null, draft: body, typeCode: 'x', file }), {
        create: vi.fn().mockReturnValue(throwError(() => new HttpErrorResponse({ status: 400 }))),
        uploadDocument: vi.fn(),
      });
      expect(unsaved.map((a) => a.type)).toEqual([RequestsApiActions.submitFailed.type]);
      expect(requestsFeature.reducer(busy, unsaved[0]).documentBusy).toBe(false);
    });

    it('when a document is removed, then it leaves the stored request and the request page', async () => {
      const removeCall = vi.fn().mockReturnValue(of(undefined));
      const [done] = await firstValueFrom(
        (
          removeDocument(
            of(NewRequestPageActions.documentRemoved({ requestId: 'r1', documentId: 'doc1' })),
            api({ removeDocument: removeCall }),
          ) as Observable<Action>
        ).pipe(toArray()),
      );
      expect(removeCall).toHaveBeenCalledWith('r1', 'doc1');
      const withDoc = aRequestDetail({ id: 'r1', documents: [doc] });
      let state = requestsFeature.reducer(undefined, RequestsApiActions.storedRequestLoaded({ request: withDoc }));
      state = requestsFeature.reducer(state, RequestsApiActions.detailLoaded({ request: withDoc }));
      state = requestsFeature.reducer(state, done);
      expect(state.stored?.documents).toEqual([]);
      expect(state.detail?.documents).toEqual([]);
    });
  });

  describe('the base-data choices', () => {
    const reason = { code: 'cracked', nameFa: 'شکستگی', nameEn: 'Cracked' };
    const added = { code: 'e2e-cracked-screen', nameFa: 'شکستگی صفحهٔ نمایش', nameEn: 'Cracked screen' };
    /** The effect over a store the test moves along, and the lookups it asked for. */
    function harness(baseData: RequestsApi['baseData']) {
      const root$ = new BehaviorSubject<{ requests: RequestsState; session: typeof initialSessionState }>({
        requests: initialRequestsState,
        session: initialSessionState,
      });
      const store = { select: (selector: (s: unknown) => unknown) => root$.pipe(map(selector)) } as unknown as Store;
      const actions$ = new Subject<Action>();
      const out: Action[] = [];
      (loadLookups(actions$, api({ baseData, agents: vi.fn() }), store) as Observable<Action>).subscribe((a) => {
        out.push(a);
        const requests = requestsFeature.reducer(root$.value.requests, a);
        root$.next({ ...root$.value, requests });
      });
      return { send: (a: Action) => actions$.next(a), out, state: () => root$.value.requests };
    }
    const psp = { code: 'psp-a', nameFa: 'پرداخت الف', nameEn: 'PSP A' };
    const model = { code: 'pax-s90', nameFa: 'پکس', nameEn: 'PAX' };
    const lists = (swapReasons: readonly (typeof reason)[]) =>
      vi.fn((kind: string) =>
        of(kind === 'swap-reason' ? swapReasons : kind === 'psp' ? [psp] : kind === 'device-model' ? [model] : []),
      );

    it('are read on the first visit only, and again whenever a request form opens (a new swap reason is offered at once)', () => {
      let swapReasons = [reason];
      const baseData = vi.fn((kind: string) => of(kind === 'swap-reason' ? swapReasons : []));
      const h = harness(baseData);
      h.send(InboxPageActions.opened({ query: { view: 'mine', page: 1, pageSize: 20 } }));
      h.send(RequestPageActions.opened({ id: 'r1' }));
      expect(baseData).toHaveBeenCalledTimes(5);
      expect(h.state().swapReasons).toEqual([reason]);

      swapReasons = [reason, added];
      h.send(NewRequestPageActions.opened({ requestId: null, terminalId: 't1' }));
      expect(baseData).toHaveBeenCalledTimes(10);
      expect(h.state().swapReasons).toEqual([reason, added]);
    });

    it('a refresh with nothing new leaves the lists as they were (no flicker), and a failed one keeps them', () => {
      let fail = false;
      const baseData = vi.fn((kind: string) =>
        fail ? throwError(() => new HttpErrorResponse({ status: 503 })) : of(kind === 'swap-reason' ? [{ ...reason }] : []),
      );
      const h = harness(baseData);
      h.send(NewRequestPageActions.opened({ requestId: null, terminalId: null }));
      const held = h.state().swapReasons;
      h.send(NewRequestPageActions.opened({ requestId: null, terminalId: null }));
      expect(h.state().swapReasons).toBe(held);
      fail = true;
      h.send(NewRequestPageActions.opened({ requestId: null, terminalId: null }));
      expect(h.out).toHaveLength(3);
      expect(h.state().swapReasons).toBe(held);
    });

    it('a request or terminal with a code the lists cannot name has them read again, once per code', () => {
      const baseData = lists([reason]);
      const h = harness(baseData);
      h.send(RequestPageActions.opened({ id: 'r1' }));
      expect(baseData).toHaveBeenCalledTimes(5);
      const known = aRequestDetail({ type: 'swap', payload: { terminalId: 't1', reason: 'cracked' } });
      h.send(RequestsApiActions.detailLoaded({ request: known }));
      expect(baseData).toHaveBeenCalledTimes(5);
      const unknown = aRequestDetail({ type: 'swap', payload: { terminalId: 't1', reason: added.code } });
      h.send(RequestsApiActions.detailLoaded({ request: unknown }));
      expect(baseData).toHaveBeenCalledTimes(10);
      h.send(RequestsApiActions.detailLoaded({ request: unknown }));
      expect(baseData).toHaveBeenCalledTimes(10);
      h.send(TerminalsApiActions.detailLoaded({ terminal: aTerminal() }));
      expect(baseData).toHaveBeenCalledTimes(10);
      h.send(TerminalsApiActions.detailLoaded({ terminal: aTerminal({ deviceModel: 'new-model' }) }));
      expect(baseData).toHaveBeenCalledTimes(15);
    });
  });
});
