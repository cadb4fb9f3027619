import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { defaultInboxQuery } from '../data/queries';
import {
  BulkAction,
  BulkResult,
  INBOX_VIEWS,
  InboxCounts,
  InboxItem,
  InboxPage,
  InboxQuery,
  InboxView,
  SavedFilter,
  SLA_FILTERS,
  SlaState,
  TASK_KINDS,
  TaskKind,
} from '../data/requests.models';
import { InboxApiActions, InboxPageActions } from './requests.actions';

export interface InboxState {
  readonly query: InboxQuery;
  readonly page: InboxPage | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
  /** Selected task ids (kept across reloads while the tasks are still listed). */
  readonly selected: readonly string[];
  readonly bulkBusy: BulkAction | null;
  /** The last bulk action's results, with the numbers of its requests as listed when it finished. */
  readonly bulkResults: {
    readonly action: BulkAction;
    readonly results: readonly BulkResult[];
    readonly numbers?: Readonly<Record<string, string>>;
  } | null;
  readonly filters: readonly SavedFilter[];
}

export const initialInboxState: InboxState = {
  query: defaultInboxQuery(),
  page: null,
  loading: false,
  error: null,
  selected: [],
  bulkBusy: null,
  bulkResults: null,
  filters: [],
};

const loading = (state: InboxState): InboxState => ({ ...state, loading: true, error: null });

export const inboxFeature = createFeature({
  name: 'inbox',
  reducer: createReducer(
    initialInboxState,
    on(InboxPageActions.opened, InboxPageActions.queryChanged, (state, { query }) => ({
      ...loading(state),
      query,
      selected: query.view === state.query.view ? state.selected : [],
    })),
    on(InboxApiActions.inboxLoaded, (state, { page }) => {
      const listed = new Set(page.items.map((i) => i.task.id));
      return { ...state, page, loading: false, selected: state.selected.filter((id) => listed.has(id)) };
    }),
    on(InboxApiActions.inboxFailed, (state, { error }) => ({ ...state, loading: false, error })),
    on(InboxPageActions.selectionChanged, (state, { taskIds }) => ({ ...state, selected: taskIds })),
    on(InboxPageActions.bulkRequested, (state, { action }) => ({ ...state, bulkBusy: action, bulkResults: null })),
    on(InboxApiActions.bulkDone, (state, { action, results }) => ({
      ...state,
      bulkBusy: null,
      // The list reloads without the approved requests: their numbers are kept for the results banner.
      bulkResults: {
        action,
        results,
        numbers: Object.fromEntries((state.page?.items ?? []).map((i) => [i.request.id, i.request.number])),
      },
      // The ones that went through leave the selection; the refused stay selected to retry or inspect.
      selected: state.selected.filter((taskId) => {
        const item = state.page?.items.find((i) => i.task.id === taskId);
        return !results.some((r) => r.ok && r.requestId === item?.request.id);
      }),
    })),
    on(InboxApiActions.bulkFailed, (state, { error }) => ({ ...state, bulkBusy: null, error })),
    on(InboxPageActions.bulkResultsDismissed, (state) => ({ ...state, bulkResults: null })),
    on(InboxApiActions.claimFailed, InboxApiActions.filterFailed, (state, { error }) => ({ ...state, error })),
    on(InboxApiActions.filtersLoaded, (state, { filters }) => ({ ...state, filters })),
    on(InboxApiActions.filterSaved, (state, { filter }) => ({
      ...state,
      filters: [...state.filters.filter((f) => f.id !== filter.id), filter],
    })),
    on(InboxApiActions.filterDeleted, (state, { id }) => ({ ...state, filters: state.filters.filter((f) => f.id !== id) })),
  ),
  extraSelectors: ({ selectPage, selectSelected }) => ({
    selectItems: createSelector(selectPage, (page): readonly InboxItem[] => page?.items ?? []),
    selectCounts: createSelector(selectPage, (page): InboxCounts | null => page?.counts ?? null),
    selectSelectedItems: createSelector(selectPage, selectSelected, (page, selected): readonly InboxItem[] =>
      (page?.items ?? []).filter((i) => selected.includes(i.task.id)),
    ),
  }),
});

/** Every view with its count (0 while unknown), in the tab order. */
export const viewCounts = (counts: InboxCounts | null): readonly { view: InboxView; count: number }[] =>
  INBOX_VIEWS.map((view) => ({ view, count: counts?.views[view] ?? 0 }));

/** Every task kind with its count, in the order of the workflow. */
export const kindCounts = (counts: InboxCounts | null): readonly { kind: TaskKind; count: number }[] =>
  TASK_KINDS.map((kind) => ({ kind, count: counts?.byKind[kind] ?? 0 }));

export const slaCounts = (counts: InboxCounts | null): readonly { sla: Exclude<SlaState, 'none'>; count: number }[] =>
  SLA_FILTERS.map((sla) => ({ sla, count: counts?.bySla[sla] ?? 0 }));

export const selectViewCounts = createSelector(inboxFeature.selectCounts, viewCounts);
export const selectKindCounts = createSelector(inboxFeature.selectCounts, kindCounts);
export const selectSlaCounts = createSelector(inboxFeature.selectCounts, slaCounts);

/** Bulk results joined with the request numbers shown in the list. */
export const bulkRows = (
  results: InboxState['bulkResults'],
  items: readonly InboxItem[],
): readonly { requestId: string; number: string; ok: boolean; error: NonNullable<BulkResult['error']> | null }[] =>
  (results?.results ?? []).map((r) => ({
    requestId: r.requestId,
    number: results?.numbers?.[r.requestId] ?? items.find((i) => i.request.id === r.requestId)?.request.number ?? r.requestId,
    ok: r.ok,
    error: r.error ?? null,
  }));
