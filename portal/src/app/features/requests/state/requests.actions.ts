import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { MerchantDetail, MerchantSummary } from '../../merchants/data/merchants.models';
import {
  ActionBody,
  AgentOption,
  BulkAction,
  BulkResult,
  CreateRequestBody,
  InboxPage,
  InboxQuery,
  Option,
  Page,
  RequestDetail,
  RequestDocument,
  RequestQuery,
  RequestSummary,
  SavedFilter,
  TerminalDetail,
  TerminalQuery,
  TerminalSummary,
  UserOption,
} from '../data/requests.models';

export const InboxPageActions = createActionGroup({
  source: 'Inbox Page',
  events: {
    Opened: props<{ query: InboxQuery }>(),
    'Query Changed': props<{ query: InboxQuery }>(),
    'Selection Changed': props<{ taskIds: readonly string[] }>(),
    'Bulk Requested': props<{ action: BulkAction; reason?: string }>(),
    'Bulk Results Dismissed': emptyProps(),
    'Claim Clicked': props<{ requestId: string; taskId: string }>(),
    'Filter Saved': props<{ name: string }>(),
    'Filter Deleted': props<{ id: string }>(),
  },
});

export const InboxApiActions = createActionGroup({
  source: 'Inbox API',
  events: {
    'Inbox Loaded': props<{ page: InboxPage }>(),
    'Inbox Failed': props<{ error: ApiError }>(),
    'Bulk Done': props<{ action: BulkAction; results: readonly BulkResult[] }>(),
    'Bulk Failed': props<{ error: ApiError }>(),
    'Claim Done': props<{ request: RequestDetail }>(),
    'Claim Failed': props<{ error: ApiError }>(),
    'Filters Loaded': props<{ filters: readonly SavedFilter[] }>(),
    'Filter Saved': props<{ filter: SavedFilter }>(),
    'Filter Deleted': props<{ id: string }>(),
    'Filter Failed': props<{ error: ApiError }>(),
  },
});

export const RequestListPageActions = createActionGroup({
  source: 'Request List Page',
  events: {
    Opened: props<{ query: RequestQuery }>(),
    'Query Changed': props<{ query: RequestQuery }>(),
  },
});

export const RequestPageActions = createActionGroup({
  source: 'Request Page',
  events: {
    Opened: props<{ id: string }>(),
    'Action Requested': props<{ id: string; body: ActionBody }>(),
    'Reassign Opened': props<{ agentId: string }>(),
    'Document Download Clicked': props<{ id: string; document: RequestDocument }>(),
  },
});

export const NewRequestPageActions = createActionGroup({
  source: 'New Request Page',
  events: {
    /** A fresh form, or a stored request (`requestId`: a draft to reopen or a returned request to correct). */
    Opened: props<{ requestId: string | null; terminalId: string | null }>(),
    'Merchant Searched': props<{ q: string }>(),
    'Merchant Chosen': props<{ id: string }>(),
    'Terminal Searched': props<{ q: string }>(),
    'Terminal Chosen': props<{ id: string }>(),
    'Draft Saved': props<{ draftId: string | null; body: CreateRequestBody }>(),
    'Draft Deleted': props<{ id: string }>(),
    Submitted: props<{ draftId: string | null; body: CreateRequestBody }>(),
    Resubmitted: props<{ id: string; body: ActionBody }>(),
    /**
     * A document to attach: to `requestId`, or, when the form was never saved (`requestId` null), to
     * the draft `draft` is saved as first.
     */
    'Document Added': props<{ requestId: string | null; draft: CreateRequestBody; typeCode: string; file: File }>(),
    'Document Removed': props<{ requestId: string; documentId: string }>(),
  },
});

export const RequestsApiActions = createActionGroup({
  source: 'Requests API',
  events: {
    'List Loaded': props<{ page: Page<RequestSummary> }>(),
    'List Failed': props<{ error: ApiError }>(),
    'Detail Loaded': props<{ request: RequestDetail }>(),
    'Detail Failed': props<{ error: ApiError }>(),
    'Action Done': props<{ request: RequestDetail }>(),
    /** Refused (stale task, taken, not allowed…): the message shows and the request is read again. */
    'Action Refused': props<{ id: string; error: ApiError }>(),
    'Users Loaded': props<{ users: readonly UserOption[] }>(),
    'Lookups Loaded': props<{
      psps: readonly Option[];
      deviceModels: readonly Option[];
      swapReasons: readonly Option[];
      collectReasons: readonly Option[];
      documentTypes: readonly Option[];
      agents: readonly AgentOption[];
    }>(),
    'Drafts Loaded': props<{ drafts: readonly RequestSummary[] }>(),
    'Stored Request Loaded': props<{ request: RequestDetail }>(),
    'Merchants Found': props<{ merchants: readonly MerchantSummary[] }>(),
    'Merchant Loaded': props<{ merchant: MerchantDetail }>(),
    'Terminals Found': props<{ terminals: readonly TerminalSummary[] }>(),
    'Terminal Loaded': props<{ terminal: TerminalDetail }>(),
    'Lookup Failed': props<{ error: ApiError }>(),
    'Draft Saved': props<{ request: RequestDetail }>(),
    'Draft Deleted': props<{ id: string }>(),
    'Submit Succeeded': props<{ request: RequestDetail }>(),
    'Submit Failed': props<{ error: ApiError }>(),
    'Document Uploaded': props<{ requestId: string; document: RequestDocument }>(),
    'Document Removed': props<{ requestId: string; documentId: string }>(),
    'Document Failed': props<{ error: ApiError }>(),
  },
});

export const TerminalsPageActions = createActionGroup({
  source: 'Terminals Page',
  events: {
    Opened: props<{ query: TerminalQuery }>(),
    'Query Changed': props<{ query: TerminalQuery }>(),
    'Terminal Opened': props<{ id: string }>(),
  },
});

export const TerminalsApiActions = createActionGroup({
  source: 'Terminals API',
  events: {
    'List Loaded': props<{ page: Page<TerminalSummary> }>(),
    'List Failed': props<{ error: ApiError }>(),
    'Detail Loaded': props<{ terminal: TerminalDetail }>(),
    'Detail Failed': props<{ error: ApiError }>(),
  },
});
