import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { ATTRIBUTE_FIELDS, BaseItem, BaseKind, ImportReport, PspConnectionTest } from '../data/basedata-api.service';
import { BaseItemDraft, ImportProblem, draftFromItem, emptyDraft, importProblems } from '../data/basedata-drafts';
import { BaseDataApiActions, BaseDataPageActions } from './basedata.actions';

/** A PSP's connection test: running, its answer, or the API's refusal (no credentials, no endpoint…). */
export interface ConnectionTestState {
  readonly running: boolean;
  readonly result: PspConnectionTest | null;
  readonly error: ApiError | null;
}

export interface BaseDataState {
  readonly kind: BaseKind;
  readonly q: string;
  readonly includeInactive: boolean;
  readonly items: readonly BaseItem[];
  readonly loading: boolean;
  readonly listError: ApiError | null;
  /** The form: a draft, and the code being edited (null for a new item). */
  readonly draft: BaseItemDraft | null;
  readonly editing: string | null;
  readonly saving: boolean;
  readonly formError: ApiError | null;
  readonly importing: boolean;
  readonly importReport: ImportReport | null;
  readonly importError: ApiError | null;
  /** Connection tests by PSP code (base-data kind `psp`). */
  readonly connectionTests: Readonly<Record<string, ConnectionTestState>>;
}

export const initialBaseDataState: BaseDataState = {
  kind: 'guild',
  q: '',
  includeInactive: false,
  items: [],
  loading: false,
  listError: null,
  draft: null,
  editing: null,
  saving: false,
  formError: null,
  importing: false,
  importReport: null,
  importError: null,
  connectionTests: {},
};

const loading = (state: BaseDataState): BaseDataState => ({ ...state, loading: true, listError: null });

export const basedataFeature = createFeature({
  name: 'basedata',
  reducer: createReducer(
    initialBaseDataState,
    on(BaseDataPageActions.opened, loading),
    on(BaseDataPageActions.kindChosen, (state, { kind }) => ({
      ...loading(state),
      kind,
      items: kind === state.kind ? state.items : [],
      draft: null,
      editing: null,
      formError: null,
      importReport: null,
      importError: null,
    })),
    on(BaseDataPageActions.searchChanged, (state, { q }) => ({ ...loading(state), q })),
    on(BaseDataPageActions.inactiveToggled, (state, { includeInactive }) => ({ ...loading(state), includeInactive })),
    on(BaseDataApiActions.listLoaded, (state, { kind, items }) =>
      kind === state.kind ? { ...state, items, loading: false } : state,
    ),
    on(BaseDataApiActions.listFailed, (state, { error }) => ({ ...state, loading: false, listError: error })),
    on(BaseDataPageActions.newStarted, (state) => ({
      ...state,
      draft: emptyDraft(state.kind),
      editing: null,
      formError: null,
    })),
    on(BaseDataPageActions.editStarted, (state, { item }) => ({
      ...state,
      draft: draftFromItem(item),
      editing: item.code,
      formError: null,
    })),
    on(BaseDataPageActions.formCancelled, (state) => ({ ...state, draft: null, editing: null, formError: null })),
    on(BaseDataPageActions.saveSubmitted, (state) => ({ ...state, saving: true, formError: null })),
    on(BaseDataApiActions.saveSucceeded, (state) => ({ ...loading(state), saving: false, draft: null, editing: null })),
    on(BaseDataApiActions.saveFailed, (state, { error }) => ({ ...state, saving: false, formError: error })),
    on(BaseDataApiActions.toggleSucceeded, (state, { item }) => ({
      ...state,
      items: state.items.map((i) => (i.code === item.code ? item : i)).filter((i) => state.includeInactive || i.active),
    })),
    on(BaseDataApiActions.toggleFailed, BaseDataApiActions.exportFailed, (state, { error }) => ({
      ...state,
      listError: error,
    })),
    on(BaseDataPageActions.importChosen, (state) => ({
      ...state,
      importing: true,
      importReport: null,
      importError: null,
    })),
    on(BaseDataApiActions.importSucceeded, (state, { report }) => ({
      ...loading(state),
      importing: false,
      importReport: report,
    })),
    on(BaseDataApiActions.importFailed, (state, { error }) => ({ ...state, importing: false, importError: error })),
    on(BaseDataPageActions.connectionTestClicked, (state, { psp }) => ({
      ...state,
      connectionTests: { ...state.connectionTests, [psp]: { running: true, result: null, error: null } },
    })),
    on(BaseDataApiActions.connectionTested, (state, { psp, result }) => ({
      ...state,
      connectionTests: { ...state.connectionTests, [psp]: { running: false, result, error: null } },
    })),
    on(BaseDataApiActions.connectionTestFailed, (state, { psp, error }) => ({
      ...state,
      connectionTests: { ...state.connectionTests, [psp]: { running: false, result: null, error } },
    })),
  ),
  extraSelectors: ({ selectKind, selectImportError }) => ({
    /** The kind-specific fields of the form. */
    selectFields: createSelector(selectKind, (kind) => ATTRIBUTE_FIELDS[kind]),
    /** The import's problems line by line (the header is line 1). */
    selectImportProblems: createSelector(selectImportError, (error): ImportProblem[] => (error ? importProblems(error) : [])),
  }),
});
