import { ApiError } from '../../../core/api/api-error';
import { TicketQuery } from '../../../core/api/api.models';
import { aTicketDetail, aTicketPage, aTicketSummary } from '../../../testing/ticket-fixtures';
import { NewTicketPageActions, TicketDetailPageActions, TicketsApiActions, TicketsPageActions } from './tickets.actions';
import { TicketsState, initialTicketsState, selectAllowedActions, selectCategoryNames, ticketsFeature } from './tickets.feature';

const reducer = ticketsFeature.reducer;
const mine: TicketQuery = { view: 'mine', page: 1, pageSize: 20 };
const conflict: ApiError = {
  status: 409,
  code: 'TICKET_ACTION_NOT_ALLOWED',
  message: { fa: 'مجاز نیست', en: 'Not allowed' },
  fields: [],
};

function reduce(...actions: Parameters<typeof reducer>[1][]): TicketsState {
  return actions.reduce((state, action) => reducer(state, action), initialTicketsState);
}

describe('tickets reducer', () => {
  it('when a list page opens, then remembers the query and is loading', () => {
    const state = reduce(TicketsPageActions.opened({ query: mine }));
    expect(state.list.query).toEqual(mine);
    expect(state.list.loading).toBe(true);
  });

  it('when the list arrives, then holds its rows, total and counts', () => {
    const page = aTicketPage([aTicketSummary(), aTicketSummary({ id: 't2' })], { total: 41 });
    const state = reduce(TicketsPageActions.opened({ query: mine }), TicketsApiActions.listLoaded({ page }));
    expect(state.list.items.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(state.list.total).toBe(41);
    expect(state.list.counts?.open).toBe(2);
    expect(state.list.loading).toBe(false);
  });

  it('when another view opens, then the previous view’s rows are not shown meanwhile', () => {
    const state = reduce(
      TicketsPageActions.opened({ query: mine }),
      TicketsApiActions.listLoaded({ page: aTicketPage([aTicketSummary()]) }),
      TicketsPageActions.opened({ query: { ...mine, view: 'all' } }),
    );
    expect(state.list.items).toEqual([]);
  });

  it('when a filter changes within the view, then the rows stay until the new ones arrive', () => {
    const state = reduce(
      TicketsPageActions.opened({ query: mine }),
      TicketsApiActions.listLoaded({ page: aTicketPage([aTicketSummary()]) }),
      TicketsPageActions.queryChanged({ query: { ...mine, state: 'closed' } }),
    );
    expect(state.list.items.length).toBe(1);
    expect(state.list.query?.state).toBe('closed');
  });

  it('when a ticket for another page arrives late, then it is ignored', () => {
    const state = reduce(
      TicketDetailPageActions.opened({ id: 't2' }),
      TicketsApiActions.ticketLoaded({ ticket: aTicketDetail({ id: 't1' }) }),
    );
    expect(state.detail.ticket).toBeNull();
    expect(state.detail.loading).toBe(true);
  });

  it('when a message goes through, then the ticket is replaced and the composer is told', () => {
    const answered = aTicketDetail({ state: 'answered', allowedActions: ['answer', 'release'] });
    const state = reduce(
      TicketDetailPageActions.opened({ id: 't1' }),
      TicketsApiActions.ticketLoaded({ ticket: aTicketDetail() }),
      TicketDetailPageActions.messageSubmitted({ id: 't1', action: 'answer', draft: { body: 'سلام', file: null } }),
    );
    expect(state.detail.pendingAction).toBe('answer');
    const after = reducer(state, TicketsApiActions.actionSucceeded({ action: 'answer', ticket: answered }));
    expect(after.detail.pendingAction).toBeNull();
    expect(after.detail.ticket?.state).toBe('answered');
    expect(after.detail.messagesSent).toBe(1);
  });

  it('when an action is refused, then the error is kept and the buttons come back', () => {
    const state = reduce(
      TicketDetailPageActions.opened({ id: 't1' }),
      TicketDetailPageActions.claimClicked({ id: 't1' }),
      TicketsApiActions.actionFailed({ id: 't1', action: 'claim', error: conflict }),
    );
    expect(state.detail.pendingAction).toBeNull();
    expect(state.detail.actionError?.code).toBe('TICKET_ACTION_NOT_ALLOWED');
  });

  it('when a new ticket is created, then it becomes the ticket on the detail page', () => {
    const created = aTicketDetail({ id: 't9' });
    const state = reduce(
      NewTicketPageActions.submitted({
        draft: { categoryCode: 'device', subject: 's', body: 'b', priority: 'normal', file: null },
      }),
      TicketsApiActions.ticketCreated({ ticket: created }),
    );
    expect(state.newTicket.submitting).toBe(false);
    expect(state.detail.id).toBe('t9');
    expect(state.detail.ticket).toBe(created);
  });
});

describe('tickets selectors', () => {
  it('gives the allowed actions of the open ticket as a set', () => {
    const detail = { ...initialTicketsState.detail, id: 't1', ticket: aTicketDetail({ allowedActions: ['claim'] }) };
    const allowed = selectAllowedActions.projector(detail);
    expect(allowed.has('claim')).toBe(true);
    expect(allowed.has('answer')).toBe(false);
  });

  it('indexes categories by code', () => {
    const names = selectCategoryNames.projector([{ code: 'device', nameFa: 'دستگاه', nameEn: 'Device' }]);
    expect(names.get('device')?.nameEn).toBe('Device');
  });
});
