import { HttpErrorResponse } from '@angular/common/http';
import { Action } from '@ngrx/store';
import { Observable, Subject, firstValueFrom, of, throwError, toArray } from 'rxjs';

import { aTicketDetail } from '../../../testing/ticket-fixtures';
import { TicketsApi } from '../data/tickets-api.service';
import { NewTicketPageActions, TicketDraft, TicketsApiActions } from './tickets.actions';
import { createTicket } from './tickets.effects';

const draft: TicketDraft = { categoryCode: 'device', subject: 'کارتخوان', body: 'شرح', priority: 'high', file: null };

function fakeApi(overrides: Partial<TicketsApi>): TicketsApi {
  return overrides as TicketsApi;
}

describe('createTicket effect', () => {
  it('when a file is attached, then uploads it first and sends its id with the ticket', async () => {
    const create = vi.fn().mockReturnValue(of(aTicketDetail({ id: 't7' })));
    const api = fakeApi({
      upload: vi.fn().mockReturnValue(of({ id: 'att-1', fileName: 'a.txt', contentType: 'text/plain', size: 1 })),
      create,
    });
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });

    const result = await firstValueFrom(
      createTicket(of(NewTicketPageActions.submitted({ draft: { ...draft, file } })), api) as Observable<Action>,
    );

    expect(result).toEqual(TicketsApiActions.ticketCreated({ ticket: aTicketDetail({ id: 't7' }) }));
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ categoryCode: 'device', priority: 'high', attachmentIds: ['att-1'] }),
      expect.any(String),
    );
  });

  it('when the API refuses, then the error becomes an action and the effect keeps running', async () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: { error: { code: 'VALIDATION_FAILED', message: { fa: 'نامعتبر', en: 'Invalid' }, fields: [] } },
    });
    const create = vi
      .fn()
      .mockReturnValueOnce(throwError(() => refusal))
      .mockReturnValueOnce(of(aTicketDetail()));
    const actions$ = new Subject<Action>();
    const results = firstValueFrom((createTicket(actions$, fakeApi({ create })) as Observable<Action>).pipe(toArray()));

    actions$.next(NewTicketPageActions.submitted({ draft }));
    actions$.next(NewTicketPageActions.submitted({ draft }));
    actions$.complete();

    const [failed, created] = await results;
    expect(failed.type).toBe(TicketsApiActions.ticketCreateFailed.type);
    expect((failed as ReturnType<typeof TicketsApiActions.ticketCreateFailed>).error.code).toBe('VALIDATION_FAILED');
    expect(created.type).toBe(TicketsApiActions.ticketCreated.type);
  });

  it('when submitted twice while the first is in flight, then sends only one ticket', async () => {
    const pending = new Subject<ReturnType<typeof aTicketDetail>>();
    const create = vi.fn().mockReturnValue(pending);
    const actions$ = new Subject<Action>();
    const results = firstValueFrom((createTicket(actions$, fakeApi({ create })) as Observable<Action>).pipe(toArray()));

    actions$.next(NewTicketPageActions.submitted({ draft }));
    actions$.next(NewTicketPageActions.submitted({ draft }));
    pending.next(aTicketDetail());
    pending.complete();
    actions$.complete();

    expect(create).toHaveBeenCalledTimes(1);
    expect((await results).length).toBe(1);
  });
});
