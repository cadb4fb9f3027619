import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { Agreement, AgreementPage, AgreementQuery } from '../data/agreements-api.service';
import {
  AgreementDetailPageActions,
  AgreementListPageActions,
  AgreementsApiActions,
  EditAgreementPageActions,
  NewAgreementPageActions,
} from './agreements.actions';

export interface AgreementsState {
  readonly query: AgreementQuery;
  readonly page: AgreementPage | null;
  readonly listLoading: boolean;
  readonly listError: ApiError | null;
  readonly detail: Agreement | null;
  readonly detailLoading: boolean;
  readonly detailError: ApiError | null;
  readonly busy: boolean;
  readonly formError: ApiError | null;
}

export const initialAgreementsState: AgreementsState = {
  query: { status: '', agentId: '', current: false, page: 1 },
  page: null,
  listLoading: false,
  listError: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  busy: false,
  formError: null,
};

export const agreementsFeature = createFeature({
  name: 'agreements',
  reducer: createReducer(
    initialAgreementsState,
    on(AgreementListPageActions.opened, AgreementListPageActions.queryChanged, (state, { query }) => ({
      ...state,
      query,
      listLoading: true,
      listError: null,
    })),
    on(AgreementsApiActions.listLoaded, (state, { page }) => ({ ...state, page, listLoading: false })),
    on(AgreementsApiActions.listFailed, (state, { error }) => ({ ...state, listError: error, listLoading: false })),
    on(AgreementDetailPageActions.opened, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
    })),
    on(EditAgreementPageActions.opened, EditAgreementPageActions.reloadClicked, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
      busy: false,
      formError: null,
    })),
    on(EditAgreementPageActions.submitted, (state) => ({ ...state, busy: true, formError: null })),
    on(AgreementsApiActions.updated, (state, { agreement }) => ({ ...state, busy: false, detail: agreement })),
    on(AgreementsApiActions.updateFailed, (state, { error }) => ({ ...state, busy: false, formError: error })),
    on(
      AgreementDetailPageActions.statusChosen,
      AgreementDetailPageActions.fileChosen,
      AgreementDetailPageActions.fileRemoved,
      (state) => ({
        ...state,
        busy: true,
        detailError: null,
      }),
    ),
    on(AgreementsApiActions.loaded, (state, { agreement }) => ({
      ...state,
      detail: agreement,
      detailLoading: false,
      busy: false,
    })),
    on(AgreementsApiActions.loadFailed, AgreementsApiActions.changeFailed, (state, { error }) => ({
      ...state,
      detailError: error,
      detailLoading: false,
      busy: false,
    })),
    on(NewAgreementPageActions.opened, (state) => ({ ...state, formError: null, busy: false })),
    on(NewAgreementPageActions.submitted, (state) => ({ ...state, busy: true, formError: null })),
    on(AgreementsApiActions.created, (state, { agreement }) => ({ ...state, busy: false, detail: agreement })),
    on(AgreementsApiActions.createFailed, (state, { error }) => ({ ...state, busy: false, formError: error })),
  ),
  extraSelectors: ({ selectFormError }) => ({
    /** Someone else saved the agreement since the form was filled (optimistic version check). */
    selectVersionConflict: createSelector(selectFormError, (e) => e?.code === 'AGREEMENT_VERSION_CONFLICT'),
  }),
});
