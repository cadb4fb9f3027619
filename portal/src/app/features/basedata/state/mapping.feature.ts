import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { BaseItem, BaseKind, MappingChange, MappingItem, MappingReport, UnmappedKind } from '../data/basedata-api.service';
import { ImportProblem, importProblems } from '../data/basedata-drafts';
import { MappingApiActions, MappingPageActions } from './basedata.actions';

export interface MappingState {
  readonly psps: readonly BaseItem[];
  readonly psp: string;
  readonly kind: BaseKind;
  readonly items: readonly MappingItem[];
  readonly unmapped: readonly UnmappedKind[];
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly saving: boolean;
  /** The last refused batch, to name its rows in the report. */
  readonly refused: readonly MappingChange[];
  readonly importing: boolean;
  readonly report: MappingReport | null;
}

export const initialMappingState: MappingState = {
  psps: [],
  psp: '',
  kind: 'guild',
  items: [],
  unmapped: [],
  loading: false,
  error: null,
  saving: false,
  refused: [],
  importing: false,
  report: null,
};

const reloading = (state: MappingState): MappingState => ({ ...state, loading: true });

export const mappingFeature = createFeature({
  name: 'mapping',
  reducer: createReducer(
    initialMappingState,
    on(MappingPageActions.opened, (state, { psp, kind }) => ({
      ...reloading(state),
      psp: psp ?? state.psp,
      kind: kind ?? state.kind,
      items: psp || kind ? [] : state.items,
      error: null,
      report: null,
      refused: [],
    })),
    on(MappingApiActions.pspsLoaded, (state, { psps }) => ({
      ...state,
      psps,
      psp: psps.some((p) => p.code === state.psp) ? state.psp : (psps[0]?.code ?? ''),
      loading: psps.length > 0,
    })),
    on(MappingPageActions.pspChosen, (state, { psp }) => ({ ...reloading(state), psp, error: null, report: null })),
    on(MappingPageActions.kindChosen, (state, { kind }) => ({ ...reloading(state), kind, items: [], error: null })),
    on(MappingApiActions.mappingsLoaded, (state, { items }) => ({ ...state, items, loading: false })),
    on(MappingApiActions.unmappedLoaded, (state, { kinds }) => ({ ...state, unmapped: kinds.filter((k) => k.unmapped > 0) })),
    on(MappingApiActions.loadFailed, (state, { error }) => ({ ...state, loading: false, error })),
    on(MappingPageActions.changesSubmitted, (state) => ({ ...state, saving: true, error: null, report: null, refused: [] })),
    on(MappingApiActions.changesSaved, (state, { report }) => ({ ...reloading(state), saving: false, report })),
    on(MappingApiActions.changesFailed, (state, { error, changes }) => ({
      ...state,
      saving: false,
      error,
      refused: changes,
    })),
    on(MappingPageActions.importChosen, (state) => ({ ...state, importing: true, error: null, report: null, refused: [] })),
    on(MappingApiActions.importSucceeded, (state, { report }) => ({ ...reloading(state), importing: false, report })),
    on(MappingApiActions.importFailed, (state, { error }) => ({ ...state, importing: false, error })),
  ),
  extraSelectors: ({ selectError, selectRefused }) => ({
    /** Row-level problems of a refused import or batch (CSV line or item code, column, message). */
    selectProblems: createSelector(selectError, selectRefused, (error, refused): ImportProblem[] =>
      error ? importProblems(error, refused).filter((p) => p.line !== '') : [],
    ),
  }),
});
