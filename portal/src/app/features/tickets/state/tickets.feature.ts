import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { TicketAction, TicketCategory, TicketDetail } from '../../../core/api/api.models';
import { MeApiActions } from '../../../core/session/session.actions';
import { TicketListState, initialTicketListState, listFailed, listLoaded, listRequested } from './ticket-list.state';
import { NewTicketPageActions, TicketDetailPageActions, TicketsApiActions, TicketsPageActions } from './tickets.actions';

export interface TicketDetailState {
  readonly id: string | null;
  readonly ticket: TicketDetail | null;
  readonly loading: boolean;
  readonly loadError: ApiError | null;
  /** The action being sent (buttons show busy and are disabled meanwhile). */
  readonly pendingAction: TicketAction | null;
  readonly actionError: ApiError | null;
  /** Counts messages sent from this page, so the composer knows when to clear itself. */
  readonly messagesSent: number;
}

export interface NewTicketState {
  readonly submitting: boolean;
  readonly error: ApiError | null;
}

export interface TicketsState {
  readonly categories: readonly TicketCategory[];
  readonly categoriesLoaded: boolean;
  readonly list: TicketListState;
  readonly detail: TicketDetailState;
  readonly newTicket: NewTicketState;
}

export const initialDetailState: TicketDetailState = {
  id: null,
  ticket: null,
  loading: false,
  loadError: null,
  pendingAction: null,
  actionError: null,
  messagesSent: 0,
};

export const initialTicketsState: TicketsState = {
  categories: [],
  categoriesLoaded: false,
  list: initialTicketListState,
  detail: initialDetailState,
  newTicket: { submitting: false, error: null },
};

function startAction(state: TicketsState, action: TicketAction): TicketsState {
  return { ...state, detail: { ...state.detail, pendingAction: action, actionError: null } };
}

export const ticketsFeature = createFeature({
  name: 'tickets',
  reducer: createReducer(
    initialTicketsState,
    on(MeApiActions.meLoaded, (state): TicketsState => ({ ...state, categoriesLoaded: false })),
    on(TicketsApiActions.categoriesLoaded, (state, { categories }): TicketsState => ({
      ...state,
      categories,
      categoriesLoaded: true,
    })),

    on(
      TicketsPageActions.opened,
      TicketsPageActions.queryChanged,
      TicketsPageActions.refreshClicked,
      (state, { query }): TicketsState => ({
        ...state,
        list: listRequested(state.list, query),
      }),
    ),
    on(TicketsApiActions.listLoaded, (state, { page }): TicketsState => ({ ...state, list: listLoaded(state.list, page) })),
    on(TicketsApiActions.listLoadFailed, (state, { error }): TicketsState => ({ ...state, list: listFailed(state.list, error) })),

    on(TicketDetailPageActions.opened, (state, { id }): TicketsState => ({
      ...state,
      detail: {
        ...initialDetailState,
        id,
        // Keep showing the ticket when the same one is opened again; never show another one.
        ticket: state.detail.ticket?.id === id ? state.detail.ticket : null,
        loading: true,
      },
    })),
    on(TicketDetailPageActions.refreshClicked, (state): TicketsState => ({
      ...state,
      detail: { ...state.detail, loading: true, loadError: null },
    })),
    on(TicketsApiActions.ticketLoaded, (state, { ticket }): TicketsState =>
      ticket.id !== state.detail.id ? state : { ...state, detail: { ...state.detail, ticket, loading: false, loadError: null } },
    ),
    on(TicketsApiActions.ticketLoadFailed, (state, { id, error }): TicketsState =>
      id !== state.detail.id ? state : { ...state, detail: { ...state.detail, loading: false, loadError: error } },
    ),

    on(TicketDetailPageActions.claimClicked, (state) => startAction(state, 'claim')),
    on(TicketDetailPageActions.releaseClicked, (state) => startAction(state, 'release')),
    on(TicketDetailPageActions.closeClicked, (state) => startAction(state, 'close')),
    on(TicketDetailPageActions.ratingSubmitted, (state) => startAction(state, 'rate')),
    on(TicketDetailPageActions.messageSubmitted, (state, { action }) => startAction(state, action)),
    on(TicketsApiActions.actionSucceeded, (state, { action, ticket }): TicketsState => ({
      ...state,
      detail: {
        ...state.detail,
        ticket: ticket.id === state.detail.id ? ticket : state.detail.ticket,
        pendingAction: null,
        actionError: null,
        messagesSent: state.detail.messagesSent + (action === 'answer' || action === 'reply' ? 1 : 0),
      },
    })),
    on(TicketsApiActions.actionFailed, (state, { error }): TicketsState => ({
      ...state,
      detail: { ...state.detail, pendingAction: null, actionError: error },
    })),

    on(NewTicketPageActions.opened, (state): TicketsState => ({ ...state, newTicket: { submitting: false, error: null } })),
    on(NewTicketPageActions.submitted, (state): TicketsState => ({ ...state, newTicket: { submitting: true, error: null } })),
    on(TicketsApiActions.ticketCreated, (state, { ticket }): TicketsState => ({
      ...state,
      newTicket: { submitting: false, error: null },
      detail: { ...initialDetailState, id: ticket.id, ticket },
    })),
    on(TicketsApiActions.ticketCreateFailed, (state, { error }): TicketsState => ({
      ...state,
      newTicket: { submitting: false, error },
    })),
  ),
  extraSelectors: ({ selectCategories, selectDetail }) => ({
    selectCategoryNames: createSelector(selectCategories, (categories) => new Map(categories.map((c) => [c.code, c]))),
    selectAllowedActions: createSelector(
      selectDetail,
      (detail): ReadonlySet<TicketAction> => new Set(detail.ticket?.allowedActions ?? []),
    ),
  }),
});

export const {
  selectCategories,
  selectCategoriesLoaded,
  selectCategoryNames,
  selectList: selectTicketList,
  selectDetail: selectTicketDetail,
  selectAllowedActions,
  selectNewTicket,
} = ticketsFeature;
