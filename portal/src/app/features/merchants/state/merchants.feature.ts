import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { DocumentType, MerchantDetail, MerchantPage, MerchantQuery } from '../data/merchants.models';
import {
  EditMerchantPageActions,
  MerchantDetailPageActions,
  MerchantListPageActions,
  MerchantsApiActions,
  NewMerchantPageActions,
} from './merchants.actions';

export interface MerchantsState {
  readonly query: MerchantQuery;
  readonly page: MerchantPage | null;
  readonly listLoading: boolean;
  readonly listError: ApiError | null;
  readonly detail: MerchantDetail | null;
  readonly detailLoading: boolean;
  readonly detailError: ApiError | null;
  /** The form on the merchant page that is being saved (`shop`, `account`, `document`, …), and its error. */
  readonly changeBusy: string | null;
  readonly changeError: { readonly kind: string; readonly error: ApiError } | null;
  readonly documentTypes: readonly DocumentType[];
  readonly creating: boolean;
  readonly createError: ApiError | null;
  readonly updating: boolean;
  readonly updateError: ApiError | null;
}

export const initialMerchantsState: MerchantsState = {
  query: { page: 1, pageSize: 20 },
  page: null,
  listLoading: false,
  listError: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  changeBusy: null,
  changeError: null,
  documentTypes: [],
  creating: false,
  createError: null,
  updating: false,
  updateError: null,
};

const busy =
  (kind: string) =>
  (state: MerchantsState): MerchantsState => ({ ...state, changeBusy: kind, changeError: null });

export const merchantsFeature = createFeature({
  name: 'merchants',
  reducer: createReducer(
    initialMerchantsState,
    on(MerchantListPageActions.opened, MerchantListPageActions.queryChanged, (state, { query }) => ({
      ...state,
      query,
      listLoading: true,
      listError: null,
    })),
    on(MerchantsApiActions.listLoaded, (state, { page }) => ({ ...state, page, listLoading: false })),
    on(MerchantsApiActions.listFailed, (state, { error }) => ({ ...state, listLoading: false, listError: error })),
    on(NewMerchantPageActions.opened, (state) => ({ ...state, creating: false, createError: null })),
    on(NewMerchantPageActions.submitted, (state) => ({ ...state, creating: true, createError: null })),
    on(MerchantsApiActions.createSucceeded, (state, { merchant }) => ({ ...state, creating: false, detail: merchant })),
    on(MerchantsApiActions.createFailed, (state, { error }) => ({ ...state, creating: false, createError: error })),
    on(EditMerchantPageActions.opened, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
      updating: false,
      updateError: null,
    })),
    on(EditMerchantPageActions.submitted, (state) => ({ ...state, updating: true, updateError: null })),
    on(MerchantsApiActions.updateSucceeded, (state, { merchant }) => ({ ...state, updating: false, detail: merchant })),
    on(MerchantsApiActions.updateFailed, (state, { error }) => ({ ...state, updating: false, updateError: error })),
    on(MerchantDetailPageActions.opened, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
      changeBusy: null,
      changeError: null,
    })),
    on(MerchantsApiActions.detailLoaded, (state, { merchant }) => ({
      ...state,
      detail: merchant,
      detailLoading: false,
      changeBusy: null,
    })),
    on(MerchantsApiActions.detailFailed, (state, { error }) => ({
      ...state,
      detailLoading: false,
      detailError: error,
      changeBusy: null,
    })),
    on(MerchantsApiActions.documentTypesLoaded, (state, { types }) => ({ ...state, documentTypes: types })),
    on(MerchantDetailPageActions.shopAdded, MerchantDetailPageActions.shopRemoved, busy('shop')),
    on(
      MerchantDetailPageActions.accountAdded,
      MerchantDetailPageActions.accountRemoved,
      MerchantDetailPageActions.primaryChosen,
      busy('account'),
    ),
    on(MerchantDetailPageActions.documentUploaded, busy('document')),
    on(MerchantDetailPageActions.documentReviewed, busy('review')),
    on(MerchantsApiActions.changeFailed, (state, { kind, error }) => ({
      ...state,
      changeBusy: null,
      changeError: { kind, error },
    })),
  ),
});

export const {
  selectQuery: selectMerchantQuery,
  selectPage: selectMerchantPage,
  selectListLoading,
  selectListError,
  selectDetail: selectMerchantDetail,
  selectDetailLoading,
  selectDetailError,
  selectChangeBusy,
  selectChangeError,
  selectDocumentTypes,
  selectCreating,
  selectCreateError,
  selectUpdating,
  selectUpdateError,
} = merchantsFeature;
