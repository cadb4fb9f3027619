import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { defaultTerminalQuery } from '../data/queries';
import { Page, TerminalDetail, TerminalQuery, TerminalSummary } from '../data/requests.models';
import { TerminalsApiActions, TerminalsPageActions } from './requests.actions';

export interface TerminalsState {
  readonly query: TerminalQuery;
  readonly page: Page<TerminalSummary> | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly detail: TerminalDetail | null;
  readonly detailLoading: boolean;
  readonly detailError: ApiError | null;
}

export const initialTerminalsState: TerminalsState = {
  query: defaultTerminalQuery(),
  page: null,
  loading: false,
  error: null,
  detail: null,
  detailLoading: false,
  detailError: null,
};

export const terminalsFeature = createFeature({
  name: 'terminals',
  reducer: createReducer(
    initialTerminalsState,
    on(TerminalsPageActions.opened, TerminalsPageActions.queryChanged, (state, { query }) => ({
      ...state,
      query,
      loading: true,
      error: null,
    })),
    on(TerminalsApiActions.listLoaded, (state, { page }) => ({ ...state, page, loading: false })),
    on(TerminalsApiActions.listFailed, (state, { error }) => ({ ...state, loading: false, error })),
    on(TerminalsPageActions.terminalOpened, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
    })),
    on(TerminalsApiActions.detailLoaded, (state, { terminal }) => ({ ...state, detail: terminal, detailLoading: false })),
    on(TerminalsApiActions.detailFailed, (state, { error }) => ({ ...state, detailLoading: false, detailError: error })),
  ),
});
