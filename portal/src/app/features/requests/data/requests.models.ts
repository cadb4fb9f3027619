/**
 * The requests, inbox and terminals part of the REST contract (docs/REQUESTS.md). The vocabulary
 * (types, states, tasks, actions, payloads) is domain/requests/model.ts, shared with the API and the
 * workflow; this file adds the JSON shapes the API answers with.
 */
import type {
  ApprovalStage,
  PersonRef,
  PspProgress,
  RequestAction,
  RequestEvent,
  RequestEventType,
  RequestPayload,
  RequestState,
  RequestTask,
  RequestType,
  SlaState,
  TaskKind,
} from '../../../../../../domain/requests/model';
import { LocalizedText } from '../../../core/api/api.models';

export {
  REQUEST_ACTIONS,
  REQUEST_STATES,
  REQUEST_TYPES,
  TASK_KINDS,
  FINAL_STATES,
  REQUEST_EVENT_TYPES,
  REQUEST_TYPE_LABELS,
  REQUEST_STATE_LABELS,
  TASK_KIND_LABELS,
  TASK_PERMISSION,
} from '../../../../../../domain/requests/model';
export type {
  AccountPayload,
  CollectPayload,
  DefinePayload,
  InstallPayload,
  MerchantChangePayload,
  ReactivatePayload,
  RequestPayloads,
  SwapPayload,
} from '../../../../../../domain/requests/model';
export type {
  ApprovalStage,
  PersonRef,
  PspProgress,
  RequestAction,
  RequestEvent,
  RequestEventType,
  RequestPayload,
  RequestState,
  RequestTask,
  RequestType,
  SlaState,
  TaskKind,
};

export type TerminalState = 'pending' | 'awaiting_device' | 'active' | 'deactivated' | 'collected';
/** The states the terminals list filters by (`pending` is only a moment inside an install). */
export const TERMINAL_STATES: readonly TerminalState[] = ['awaiting_device', 'active', 'deactivated', 'collected'];

export const INBOX_VIEWS = ['mine', 'group', 'unassigned', 'escalated'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const SLA_FILTERS: readonly Exclude<SlaState, 'none'>[] = ['ok', 'warning', 'critical', 'breached'];

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface RequestSummary {
  readonly id: string;
  readonly number: string;
  readonly type: RequestType;
  readonly state: RequestState;
  readonly agentId: string;
  readonly agentName: LocalizedText;
  readonly pspCode: string;
  readonly submitter: PersonRef;
  readonly merchantId: string | null;
  readonly merchantName: LocalizedText | null;
  readonly terminalId: string | null;
  readonly serial: string | null;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly openTask: RequestTask | null;
}

export interface PspCall {
  readonly at: string;
  readonly operation: string;
  readonly outcome: string;
  readonly latencyMs: number | null;
  readonly errorCode: string | null;
  /** The technical detail (English), or the PSP's own message of a rejection. */
  readonly message: string | null;
  /** What happened, for people (fa/en); null when the call went well or was recorded before it existed. */
  readonly text: LocalizedText | null;
  readonly trackingCode: string | null;
}

/** The requesting agent's agreements as the request page shows them (a reviewer's context). */
export interface AgreementView {
  readonly id: string;
  readonly title: string;
  /** Days `YYYY-MM-DD` (Gregorian). */
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly terms?: { readonly allowedPsps?: readonly string[]; readonly allowedDeviceModels?: readonly string[] };
}

export interface TerminalSummary {
  readonly id: string;
  readonly pspCode: string;
  readonly pspTerminalId: string | null;
  readonly pspMerchantId: string | null;
  readonly merchantId: string | null;
  readonly merchantName: LocalizedText | null;
  readonly shopId: string | null;
  readonly shopName: LocalizedText | null;
  readonly accountId: string | null;
  readonly agentId: string;
  readonly deviceModel: string | null;
  readonly serial: string | null;
  readonly state: TerminalState;
  /** Shaparak's reason when deactivated (from the terminal status sync). */
  readonly stateReason?: string | null;
  readonly updatedAt: string;
}

export interface TerminalDetail extends TerminalSummary {
  readonly requests: readonly RequestSummary[];
}

export interface RequestDetail extends RequestSummary {
  readonly payload: RequestPayload;
  readonly round: number;
  readonly chain: readonly ApprovalStage[];
  readonly psp: PspProgress;
  readonly tasks: readonly RequestTask[];
  readonly timeline: readonly RequestEvent[];
  readonly outcomeReason: string | null;
  readonly allowedActions: readonly RequestAction[];
  readonly pspCalls: readonly PspCall[];
  readonly agreements: readonly AgreementView[];
  readonly merchant: {
    readonly id: string;
    readonly displayName: LocalizedText;
    readonly identifier: string;
    readonly kind: string;
  } | null;
  readonly terminal: TerminalSummary | null;
  /** Documents attached to the request, oldest first. */
  readonly documents: readonly RequestDocument[];
}

/** A document attached to a request (`/requests/:id/documents`). */
export interface RequestDocument {
  readonly id: string;
  /** Base data kind `document-type`. */
  readonly typeCode: string;
  readonly typeName: LocalizedText;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly uploadedBy: PersonRef;
  readonly createdAt: string;
}

export interface InboxItem {
  readonly task: RequestTask;
  readonly request: RequestSummary;
}

export interface InboxCounts {
  readonly byKind: Readonly<Partial<Record<TaskKind, number>>>;
  readonly bySla: Readonly<Partial<Record<SlaState, number>>>;
  readonly views: Readonly<Partial<Record<InboxView, number>>>;
}

export interface InboxPage extends Page<InboxItem> {
  readonly counts: InboxCounts;
}

/** The inbox's filters (all optional but the view and the page). */
export interface InboxQuery {
  readonly view: InboxView;
  readonly type?: RequestType;
  readonly kind?: TaskKind;
  readonly pspCode?: string;
  readonly agentId?: string;
  readonly sla?: Exclude<SlaState, 'none'>;
  /** Tehran days `YYYY-MM-DD` (Gregorian), from the date inputs. */
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface RequestQuery {
  /** `true`: only the caller's own requests (their drafts). */
  readonly mine?: 'true';
  readonly terminalId?: string;
  readonly type?: RequestType;
  readonly state?: RequestState;
  readonly pspCode?: string;
  readonly agentId?: string;
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface TerminalQuery {
  readonly q?: string;
  readonly state?: TerminalState;
  readonly pspCode?: string;
  readonly agentId?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface SavedFilter {
  readonly id: string;
  readonly name: string;
  readonly query: Partial<InboxQuery>;
}

export type BulkAction = 'approve' | 'reject' | 'claim';
export interface BulkResult {
  readonly requestId: string;
  readonly ok: boolean;
  readonly error?: { readonly code: string; readonly message: LocalizedText };
}

/** `POST /requests` */
export interface CreateRequestBody {
  readonly type: RequestType;
  readonly pspCode: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly clientKey?: string;
  readonly submit?: boolean;
}

/** `POST /requests/:id/actions` */
export interface ActionBody {
  readonly action: RequestAction;
  readonly taskId: string;
  readonly reason?: string;
  readonly assigneeUserId?: string;
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** An item of base data (PSPs, device models, reasons) as the forms offer it. */
export interface Option {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface UserOption {
  readonly id: string;
  readonly displayName: string;
  readonly username: string;
}

export interface AgentOption {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}
