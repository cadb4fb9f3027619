import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AUDIT_PAGE_SIZE, EventsQuery, Page, SystemEvent } from '../data/audit.models';
import { EventsApiActions, EventsPageActions } from './audit.actions';

export interface SystemEventsState {
  readonly query: EventsQuery;
  readonly page: Page<SystemEvent> | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

export const initialSystemEventsState: SystemEventsState = {
  query: { page: 1, pageSize: AUDIT_PAGE_SIZE },
  page: null,
  loading: false,
  error: null,
};

export const systemEventsFeature = createFeature({
  name: 'systemEvents',
  reducer: createReducer(
    initialSystemEventsState,
    on(
      EventsPageActions.opened,
      EventsPageActions.queryChanged,
      EventsPageActions.refreshClicked,
      (state, { query }): SystemEventsState => ({ ...state, query, loading: true, error: null }),
    ),
    on(EventsApiActions.eventsLoaded, (state, { page }): SystemEventsState => ({ ...state, page, loading: false })),
    on(EventsApiActions.eventsLoadFailed, (state, { error }): SystemEventsState => ({ ...state, loading: false, error })),
  ),
  extraSelectors: ({ selectPage }) => ({
    selectEvents: createSelector(selectPage, (page): readonly SystemEvent[] => page?.items ?? []),
    selectTotal: createSelector(selectPage, (page) => page?.total ?? 0),
  }),
});
