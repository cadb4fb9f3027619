import { HttpErrorResponse } from '@angular/common/http';
import { Action } from '@ngrx/store';
import { Observable, Subject, firstValueFrom, of, toArray, throwError } from 'rxjs';

import { aRequestDetail } from '../../../testing/request-fixtures';
import { RequestsApi } from '../data/requests-api.service';
import { RequestDetail } from '../data/requests.models';
import { NewRequestPageActions, RequestPageActions, RequestsApiActions } from './requests.actions';
import { requestsFeature } from './requests.feature';
import { act, submit } from './requests.effects';

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
});
