import { ApiError } from '../../../core/api/api-error';
import { TicketCounts, TicketPage, TicketQuery, TicketSummary } from '../../../core/api/api.models';

/** One paged, filtered list of tickets (used by "My tickets", "All tickets" and the support inbox). */
export interface TicketListState {
  readonly query: TicketQuery | null;
  readonly items: readonly TicketSummary[];
  readonly total: number;
  readonly counts: TicketCounts | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

export const DEFAULT_PAGE_SIZE = 20;

export const initialTicketListState: TicketListState = {
  query: null,
  items: [],
  total: 0,
  counts: null,
  loading: false,
  error: null,
};

export function listRequested(state: TicketListState, query: TicketQuery): TicketListState {
  // Another view's rows would be misleading while the new ones load.
  const sameView = state.query?.view === query.view;
  return {
    ...state,
    query,
    items: sameView ? state.items : [],
    total: sameView ? state.total : 0,
    counts: sameView ? state.counts : null,
    loading: true,
    error: null,
  };
}

export function listLoaded(state: TicketListState, page: TicketPage): TicketListState {
  return { ...state, items: page.items, total: page.total, counts: page.counts ?? null, loading: false, error: null };
}

export function listFailed(state: TicketListState, error: ApiError): TicketListState {
  return { ...state, loading: false, error };
}
