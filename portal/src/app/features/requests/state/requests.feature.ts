import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { MerchantDetail, MerchantSummary } from '../../merchants/data/merchants.models';
import { BaseDataLists, refreshedList } from '../data/basedata-names';
import { defaultRequestQuery } from '../data/queries';
import { withDocument, withoutDocument } from '../data/request-documents';
import {
  AgentOption,
  Option,
  Page,
  RequestAction,
  RequestDetail,
  RequestQuery,
  RequestSummary,
  TerminalSummary,
  UserOption,
} from '../data/requests.models';
import { NewRequestPageActions, RequestListPageActions, RequestPageActions, RequestsApiActions } from './requests.actions';

export interface RequestsState {
  // The list
  readonly query: RequestQuery;
  readonly page: Page<RequestSummary> | null;
  readonly listLoading: boolean;
  readonly listError: ApiError | null;
  // The request page
  readonly detail: RequestDetail | null;
  readonly detailLoading: boolean;
  readonly detailError: ApiError | null;
  readonly acting: RequestAction | null;
  /** The last refusal of an action (shown above the actions until the next one). */
  readonly actionError: ApiError | null;
  readonly users: readonly UserOption[];
  // The form
  readonly psps: readonly Option[];
  readonly deviceModels: readonly Option[];
  readonly swapReasons: readonly Option[];
  readonly collectReasons: readonly Option[];
  /** Base data `document-type` (the documents of a request). */
  readonly documentTypes: readonly Option[];
  readonly agents: readonly AgentOption[];
  readonly lookupsLoaded: boolean;
  readonly drafts: readonly RequestSummary[];
  /** The request the form was opened with (a draft or a returned request). */
  readonly stored: RequestDetail | null;
  readonly merchants: readonly MerchantSummary[] | null;
  readonly merchant: MerchantDetail | null;
  readonly terminals: readonly TerminalSummary[] | null;
  readonly terminal: TerminalSummary | null;
  readonly lookupError: ApiError | null;
  readonly saving: 'draft' | 'submit' | null;
  readonly formError: ApiError | null;
  /** A document being uploaded or removed (the form's documents section). */
  readonly documentBusy: boolean;
  readonly documentError: ApiError | null;
}

export const initialRequestsState: RequestsState = {
  query: defaultRequestQuery(),
  page: null,
  listLoading: false,
  listError: null,
  detail: null,
  detailLoading: false,
  detailError: null,
  acting: null,
  actionError: null,
  users: [],
  psps: [],
  deviceModels: [],
  swapReasons: [],
  collectReasons: [],
  documentTypes: [],
  agents: [],
  lookupsLoaded: false,
  drafts: [],
  stored: null,
  merchants: null,
  merchant: null,
  terminals: null,
  terminal: null,
  lookupError: null,
  saving: null,
  formError: null,
  documentBusy: false,
  documentError: null,
};

export const requestsFeature = createFeature({
  name: 'requests',
  reducer: createReducer(
    initialRequestsState,
    on(RequestListPageActions.opened, RequestListPageActions.queryChanged, (state, { query }) => ({
      ...state,
      query,
      listLoading: true,
      listError: null,
    })),
    on(RequestsApiActions.listLoaded, (state, { page }) => ({ ...state, page, listLoading: false })),
    on(RequestsApiActions.listFailed, (state, { error }) => ({ ...state, listLoading: false, listError: error })),

    on(RequestPageActions.opened, (state, { id }) => ({
      ...state,
      detail: state.detail?.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
      acting: null,
      actionError: null,
    })),
    on(RequestsApiActions.detailLoaded, (state, { request }) => ({
      ...state,
      detail: request,
      detailLoading: false,
      acting: null,
    })),
    on(RequestsApiActions.detailFailed, (state, { error }) => ({
      ...state,
      detailLoading: false,
      detailError: error,
      acting: null,
    })),
    on(RequestPageActions.actionRequested, (state, { body }) => ({ ...state, acting: body.action, actionError: null })),
    on(RequestsApiActions.actionDone, (state, { request }) => ({
      ...state,
      acting: null,
      actionError: null,
      detail: state.detail?.id === request.id ? request : state.detail,
    })),
    on(RequestsApiActions.actionRefused, (state, { error }) => ({
      ...state,
      acting: null,
      actionError: error,
      detailLoading: true,
    })),
    on(RequestPageActions.reassignOpened, (state) => ({ ...state, users: [] })),
    on(RequestsApiActions.usersLoaded, (state, { users }) => ({ ...state, users })),

    on(NewRequestPageActions.opened, (state) => ({
      ...state,
      stored: null,
      merchants: null,
      merchant: null,
      terminals: null,
      terminal: null,
      lookupError: null,
      saving: null,
      formError: null,
      documentBusy: false,
      documentError: null,
    })),
    // Read again when a form opens: unchanged lists stay the same arrays (the form's selects are left alone).
    on(RequestsApiActions.lookupsLoaded, (state, lookups) => ({
      ...state,
      psps: refreshedList(state.psps, lookups.psps),
      deviceModels: refreshedList(state.deviceModels, lookups.deviceModels),
      swapReasons: refreshedList(state.swapReasons, lookups.swapReasons),
      collectReasons: refreshedList(state.collectReasons, lookups.collectReasons),
      documentTypes: refreshedList(state.documentTypes, lookups.documentTypes),
      agents: lookups.agents,
      lookupsLoaded: true,
    })),
    on(RequestsApiActions.draftsLoaded, (state, { drafts }) => ({ ...state, drafts })),
    on(RequestsApiActions.storedRequestLoaded, (state, { request }) => ({ ...state, stored: request })),
    on(NewRequestPageActions.merchantSearched, (state) => ({ ...state, merchants: null, lookupError: null })),
    on(RequestsApiActions.merchantsFound, (state, { merchants }) => ({ ...state, merchants })),
    on(NewRequestPageActions.merchantChosen, (state, { id }) => ({
      ...state,
      merchant: state.merchant?.id === id ? state.merchant : null,
    })),
    on(RequestsApiActions.merchantLoaded, (state, { merchant }) => ({ ...state, merchant })),
    on(NewRequestPageActions.terminalSearched, (state) => ({ ...state, terminals: null, lookupError: null })),
    on(RequestsApiActions.terminalsFound, (state, { terminals }) => ({ ...state, terminals })),
    on(NewRequestPageActions.terminalChosen, (state, { id }) => ({
      ...state,
      terminal: state.terminal?.id === id ? state.terminal : null,
    })),
    on(RequestsApiActions.terminalLoaded, (state, { terminal }) => ({ ...state, terminal })),
    on(RequestsApiActions.lookupFailed, (state, { error }) => ({ ...state, lookupError: error })),
    on(NewRequestPageActions.draftSaved, (state) => ({ ...state, saving: 'draft' as const, formError: null })),
    on(NewRequestPageActions.submitted, NewRequestPageActions.resubmitted, (state) => ({
      ...state,
      saving: 'submit' as const,
      formError: null,
    })),
    on(RequestsApiActions.draftSaved, (state, { request }) => ({
      ...state,
      saving: null,
      stored: request,
      drafts: [request, ...state.drafts.filter((d) => d.id !== request.id)],
    })),
    on(RequestsApiActions.draftDeleted, (state, { id }) => ({
      ...state,
      drafts: state.drafts.filter((d) => d.id !== id),
      stored: state.stored?.id === id ? null : state.stored,
    })),
    on(RequestsApiActions.submitSucceeded, (state, { request }) => ({
      ...state,
      saving: null,
      detail: request,
      drafts: state.drafts.filter((d) => d.id !== request.id),
    })),
    // A failed save also ends a document upload that needed the draft first.
    on(RequestsApiActions.submitFailed, (state, { error }) => ({
      ...state,
      saving: null,
      formError: error,
      documentBusy: false,
    })),
    on(NewRequestPageActions.documentAdded, NewRequestPageActions.documentRemoved, (state) => ({
      ...state,
      documentBusy: true,
      documentError: null,
    })),
    on(RequestsApiActions.documentUploaded, (state, { requestId, document }) => ({
      ...state,
      documentBusy: false,
      stored: withDocument(state.stored, requestId, document),
      detail: withDocument(state.detail, requestId, document),
    })),
    on(RequestsApiActions.documentRemoved, (state, { requestId, documentId }) => ({
      ...state,
      documentBusy: false,
      stored: withoutDocument(state.stored, requestId, documentId),
      detail: withoutDocument(state.detail, requestId, documentId),
    })),
    on(RequestsApiActions.documentFailed, (state, { error }) => ({ ...state, documentBusy: false, documentError: error })),
  ),
  extraSelectors: ({ selectPsps, selectDeviceModels, selectSwapReasons, selectCollectReasons }) => ({
    /** The lists that name base-data codes on the request pages (data/basedata-names.ts). */
    selectBaseDataLists: createSelector(
      selectPsps,
      selectDeviceModels,
      selectSwapReasons,
      selectCollectReasons,
      (psps, deviceModels, swapReasons, collectReasons): BaseDataLists => ({ psps, deviceModels, swapReasons, collectReasons }),
    ),
  }),
});
