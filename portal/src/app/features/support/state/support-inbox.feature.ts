import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { TICKET_STATES, TicketState } from '../../../core/api/api.models';
import {
  TicketListState,
  initialTicketListState,
  listFailed,
  listLoaded,
  listRequested,
} from '../../tickets/state/ticket-list.state';
import { SupportInboxApiActions, SupportInboxPageActions } from './support-inbox.actions';

export const supportInboxFeature = createFeature({
  name: 'supportInbox',
  reducer: createReducer(
    initialTicketListState,
    on(
      SupportInboxPageActions.opened,
      SupportInboxPageActions.filtersChanged,
      SupportInboxPageActions.refreshClicked,
      (state, { query }): TicketListState => listRequested(state, query),
    ),
    on(SupportInboxApiActions.inboxLoaded, (state, { page }): TicketListState => listLoaded(state, page)),
    on(SupportInboxApiActions.inboxLoadFailed, (state, { error }): TicketListState => listFailed(state, error)),
  ),
  extraSelectors: ({ selectCounts }) => ({
    /** Counts per state in a fixed order, for the state tabs (zero while unknown). */
    selectStateCounts: createSelector(selectCounts, (counts): readonly { state: TicketState; count: number }[] =>
      TICKET_STATES.map((state) => ({ state, count: counts?.[state] ?? 0 })),
    ),
  }),
});

export const { selectStateCounts: selectInboxStateCounts } = supportInboxFeature;
