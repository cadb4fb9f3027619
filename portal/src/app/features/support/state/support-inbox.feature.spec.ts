import { TicketQuery } from '../../../core/api/api.models';
import { aTicketPage, aTicketSummary } from '../../../testing/ticket-fixtures';
import { SupportInboxApiActions, SupportInboxPageActions } from './support-inbox.actions';
import { selectInboxStateCounts, supportInboxFeature } from './support-inbox.feature';

describe('support inbox', () => {
  const inbox: TicketQuery = { view: 'inbox', page: 1, pageSize: 20, assigned: 'unassigned' };

  it('when filters change, then loads with the new query', () => {
    const state = supportInboxFeature.reducer(undefined, SupportInboxPageActions.filtersChanged({ query: inbox }));
    expect(state.query?.assigned).toBe('unassigned');
    expect(state.loading).toBe(true);
  });

  it('when the inbox arrives, then the counts per state follow the API', () => {
    const page = aTicketPage([aTicketSummary()], { counts: { open: 3, waiting_for_support: 2, answered: 1, closed: 9 } });
    const state = supportInboxFeature.reducer(
      supportInboxFeature.reducer(undefined, SupportInboxPageActions.opened({ query: inbox })),
      SupportInboxApiActions.inboxLoaded({ page }),
    );
    expect(selectInboxStateCounts.projector(state.counts)).toEqual([
      { state: 'open', count: 3 },
      { state: 'waiting_for_support', count: 2 },
      { state: 'answered', count: 1 },
      { state: 'closed', count: 9 },
    ]);
  });

  it('when no counts are known yet, then every state counts zero', () => {
    expect(selectInboxStateCounts.projector(null).every((c) => c.count === 0)).toBe(true);
  });
});
