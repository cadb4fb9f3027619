/**
 * Requests (SPEC §2, R-LIFECYCLE): the vocabulary shared by the request workflow, its activities, the
 * API and the portal. Pure: no clock, no I/O.
 *
 * Lifecycle: draft → (submitted) in_review → at_psp → [installing] → done, with the side roads
 * returned (back to the submitter for correction, then resubmitted), parked (a fixable stop: unmapped
 * code, no stock, PSP switched off; an operator retries it from the inbox), rejected, cancelled.
 */
import type { Permission } from '../access';
import { bi, type Bilingual } from '../i18n';
import type { PspRejection } from '../psp/adapter';

export const REQUEST_TYPES = ['install', 'define', 'swap', 'account', 'merchant', 'collect', 'reactivate'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_TYPE_LABELS: Record<RequestType, Bilingual> = {
  install: bi('نصب (پذیرندهٔ جدید)', 'Install (new merchant terminal)'),
  define: bi('تعریف دستگاه', 'Device definition'),
  swap: bi('تعویض دستگاه', 'Device swap'),
  account: bi('تغییر حساب', 'Account change'),
  merchant: bi('تغییر اطلاعات پذیرنده', 'Merchant info change'),
  collect: bi('جمع‌آوری', 'Collection'),
  reactivate: bi('فعال‌سازی مجدد شاپرک', 'Shaparak reactivation'),
};

export const REQUEST_STATES = [
  'draft',
  'in_review',
  'returned',
  'at_psp',
  'parked',
  'installing',
  'done',
  'rejected',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const FINAL_STATES: ReadonlySet<RequestState> = new Set<RequestState>(['done', 'rejected', 'cancelled']);
/** States in which a request does not hold its terminal (any other state owns it until it ends). */
export const IDLE_STATES: readonly RequestState[] = ['draft', ...FINAL_STATES];

export const REQUEST_STATE_LABELS: Record<RequestState, Bilingual> = {
  draft: bi('پیش‌نویس', 'Draft'),
  in_review: bi('در حال بررسی', 'In review'),
  returned: bi('برگشت برای اصلاح', 'Returned for correction'),
  at_psp: bi('در PSP', 'At the PSP'),
  parked: bi('متوقف (نیازمند رفع)', 'Parked (needs a fix)'),
  installing: bi('در انتظار نصب', 'Awaiting installation'),
  done: bi('انجام شد', 'Done'),
  rejected: bi('رد شد', 'Rejected'),
  cancelled: bi('لغو شد', 'Cancelled'),
};

// ---------------------------------------------------------------------------------------------
// Payloads (what the submitter fills in; ids refer to the merchants area and to terminals)

export interface InstallPayload {
  merchantId: string;
  shopId: string;
  accountId: string;
  /** Internal device model code (base data `device-model`). */
  deviceModel: string;
}
export interface DefinePayload {
  terminalId: string;
  deviceModel: string;
  /** A serial in the requester's warehouse; any free one of the model when absent. */
  serial?: string;
}
export interface SwapPayload {
  terminalId: string;
  /** Internal `swap-reason`. */
  reason: string;
  /** The new device's model; the terminal's current model when absent. */
  deviceModel?: string;
  serial?: string;
}
export interface AccountPayload {
  terminalId: string;
  /** One of the merchant's accounts (merchants area). */
  accountId: string;
}
export interface MerchantChangePayload {
  terminalId: string;
  changes: {
    shopNameFa?: string;
    shopNameEn?: string;
    addressFa?: string;
    postalCode?: string;
    phone?: string;
    mobile?: string;
  };
}
export interface CollectPayload {
  terminalId: string;
  /** Internal `collect-reason`. */
  reason: string;
}
export interface ReactivatePayload {
  terminalId: string;
  /** What was fixed (e.g. the tax file was filed). */
  note?: string;
}

export interface RequestPayloads {
  install: InstallPayload;
  define: DefinePayload;
  swap: SwapPayload;
  account: AccountPayload;
  merchant: MerchantChangePayload;
  collect: CollectPayload;
  reactivate: ReactivatePayload;
}
export type RequestPayload = RequestPayloads[RequestType];

/** The terminal a request is about (all but install name one). */
export function terminalOf(type: RequestType, payload: RequestPayload): string | null {
  return type === 'install' ? null : (payload as { terminalId: string }).terminalId;
}

/** Whether the request takes a device out of the requester's warehouse before the PSP call. */
export const ALLOCATES_BEFORE_PSP: ReadonlySet<RequestType> = new Set<RequestType>(['define', 'swap']);

// ---------------------------------------------------------------------------------------------
// People, tasks, timeline

export interface PersonRef {
  id: string;
  displayName: string;
}

/** Who acts: resolved by the API from a verified token and the database. */
export interface Actor extends PersonRef {
  agentId: string;
  permissions: readonly string[];
}

export const TASK_KINDS = ['review', 'approve', 'correction', 'fix', 'install'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, Bilingual> = {
  review: bi('بررسی نماینده', 'Agent review'),
  approve: bi('تأیید نهایی', 'Final approval'),
  correction: bi('اصلاح توسط ثبت‌کننده', 'Correction by the submitter'),
  fix: bi('رفع توقف', 'Unblock'),
  install: bi('نصب توسط تکنسین', 'Installation by a technician'),
};

/** The permission a user needs to see and act on a task of a kind (besides belonging to its agent). */
export const TASK_PERMISSION: Record<TaskKind, Permission> = {
  review: 'requests.review',
  approve: 'requests.review',
  correction: 'requests.create',
  fix: 'requests.operate',
  install: 'requests.install',
};

export type SlaState = 'none' | 'ok' | 'warning' | 'critical' | 'breached';

export type TaskOutcome = 'approved' | 'rejected' | 'returned' | 'resubmitted' | 'cancelled' | 'retried' | 'installed';

/** Why a request is parked or returned: a stable code and text people can act on. */
export interface Problem {
  code: string;
  text: Bilingual;
  details?: Record<string, unknown>;
}

export interface RequestTask {
  /** `${requestId}.t${seq}` */
  id: string;
  seq: number;
  kind: TaskKind;
  /** Users of this agent holding `permission` may act on it. */
  agentId: string;
  /** TASK_PERMISSION[kind], except fix tasks an agent can solve itself (no stock: `requests.review`). */
  permission: Permission;
  assignee: PersonRef | null;
  createdAt: string;
  /** SLA marks (50 %, 80 %, 100 %); null when the stage has no SLA. */
  warnAt: string | null;
  criticalAt: string | null;
  dueAt: string | null;
  sla: SlaState;
  escalated: boolean;
  closedAt: string | null;
  closedBy: PersonRef | null;
  outcome: TaskOutcome | null;
  /** The reason given with reject/return, or the problem of a fix task / PSP rejection. */
  reason: string | null;
  problem: Problem | null;
}

export const REQUEST_EVENT_TYPES = [
  'created',
  'submitted',
  'task_opened',
  'claimed',
  'released',
  'reassigned',
  'approved',
  'rejected',
  'returned',
  'resubmitted',
  'cancelled',
  'sla_warning',
  'sla_breached',
  'escalated',
  'psp_submitted',
  'psp_accepted',
  'psp_rejected',
  'psp_approved',
  'parked',
  'retried',
  'serial_allocated',
  'serial_released',
  'serial_installed',
  'serial_returned',
  'terminal_updated',
  'installed',
  'done',
] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

export interface RequestEvent {
  seq: number;
  type: RequestEventType;
  at: string;
  actor: PersonRef | null;
  data: Record<string, unknown>;
}

export interface ApprovalStage {
  agentId: string;
  kind: 'review' | 'approve';
}

export interface PspProgress {
  /** The idempotency key of the current submission at the PSP. */
  key: string | null;
  operation: string | null;
  trackingCode: string | null;
  verdict: 'pending' | 'approved' | 'rejected' | null;
  rejection: PspRejection | null;
  pspMerchantId: string | null;
  pspTerminalId: string | null;
}

/** Everything the request workflow knows; projected to the read model after each change. */
export interface RequestSnapshot {
  id: string;
  number: string;
  type: RequestType;
  agentId: string;
  pspCode: string;
  submitter: PersonRef;
  payload: RequestPayload;
  state: RequestState;
  /** Correction rounds so far (0 for the first submission). */
  round: number;
  chain: ApprovalStage[];
  /** The terminal (ours) the request is about, or created (install). */
  terminalId: string | null;
  merchantId: string | null;
  serial: string | null;
  psp: PspProgress;
  tasks: RequestTask[];
  timeline: RequestEvent[];
  /** Final: why it ended (rejection reason, cancellation). */
  outcomeReason: string | null;
  createdAt: string;
  submittedAt: string;
  updatedAt: string;
  closedAt: string | null;
  version: number;
}

export const openTask = (r: Pick<RequestSnapshot, 'tasks'>): RequestTask | null =>
  r.tasks.find((t) => t.closedAt === null) ?? null;

// ---------------------------------------------------------------------------------------------
// Actions and their rules

export const REQUEST_ACTIONS = [
  'claim',
  'release',
  'reassign',
  'approve',
  'reject',
  'return',
  'resubmit',
  'cancel',
  'retry',
  'confirm-install',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export interface ActionCommand {
  action: RequestAction;
  /** The task the actor saw; an action on any other (stale) task is refused. */
  taskId: string;
  actor: Actor;
  reason?: string;
  /** reassign: the new assignee (the API checks they belong to the task's agent). */
  assignee?: PersonRef;
  /** resubmit: the corrected payload (validated by the API). */
  payload?: RequestPayload;
}

export class RequestRuleError extends Error {
  override readonly name = 'RequestRuleError';
  constructor(
    readonly code: string,
    readonly text: Bilingual,
    /** 403 not allowed, 409 state/stale, 400 bad command. */
    readonly status: 403 | 409 | 400,
  ) {
    super(text.en);
  }
}

const ACTION_KINDS: Record<RequestAction, readonly TaskKind[]> = {
  claim: ['review', 'approve', 'fix', 'install'],
  release: ['review', 'approve', 'fix', 'install'],
  reassign: ['review', 'approve', 'fix', 'install'],
  approve: ['review', 'approve'],
  reject: ['review', 'approve'],
  return: ['review', 'approve'],
  resubmit: ['correction'],
  // At the installation stage the PSP has registered the terminal; cancelling leaves it waiting for a device.
  cancel: ['review', 'approve', 'correction', 'install'],
  retry: ['fix'],
  'confirm-install': ['install'],
};

const has = (actor: Actor, p: Permission): boolean => actor.permissions.includes(p);

/**
 * Why `cmd` may not be applied to the request now, or null. Checked by the workflow's update
 * validator (so a stale or unauthorised action never enters history) and by the API for bulk actions.
 */
export function whyNot(
  r: Pick<RequestSnapshot, 'state' | 'tasks' | 'submitter' | 'agentId'>,
  cmd: ActionCommand,
): RequestRuleError | null {
  const task = openTask(r);
  if (!task || task.id !== cmd.taskId) {
    return new RequestRuleError(
      'TASK_STALE',
      bi(
        'این کار دیگر باز نیست؛ درخواست در این فاصله تغییر کرده است. صفحه را تازه کنید.',
        'This task is no longer open; the request has moved on. Refresh the page.',
      ),
      409,
    );
  }
  if (!ACTION_KINDS[cmd.action].includes(task.kind)) {
    return new RequestRuleError(
      'ACTION_NOT_ALLOWED_AT_STAGE',
      bi(
        `این اقدام در مرحلهٔ «${TASK_KIND_LABELS[task.kind].fa}» ممکن نیست.`,
        `This action is not possible at the "${TASK_KIND_LABELS[task.kind].en}" stage.`,
      ),
      409,
    );
  }
  const { actor } = cmd;
  if (cmd.action === 'cancel') {
    const isSubmitter = actor.id === r.submitter.id;
    const supervisorOfSubmitter = actor.agentId === r.agentId && has(actor, 'requests.supervise');
    if (!isSubmitter && !supervisorOfSubmitter) {
      return new RequestRuleError(
        'NOT_SUBMITTER',
        bi(
          'فقط ثبت‌کنندهٔ درخواست (یا سرپرست نمایندگی او) می‌تواند آن را لغو کند.',
          "Only the submitter (or their agency's supervisor) can cancel the request.",
        ),
        403,
      );
    }
    return null;
  }
  if (actor.agentId !== task.agentId) {
    return new RequestRuleError(
      'NOT_YOUR_AGENT',
      bi('این کار در کارتابل نمایندگی دیگری است.', "This task is in another agency's inbox."),
      403,
    );
  }
  const needed = cmd.action === 'reassign' ? 'requests.supervise' : task.permission;
  if (!has(actor, needed)) {
    return new RequestRuleError(
      'MISSING_PERMISSION',
      bi(`برای این اقدام مجوز «${needed}» لازم است.`, `This action needs the "${needed}" permission.`),
      403,
    );
  }
  const takenByOther = task.assignee !== null && task.assignee.id !== actor.id;
  switch (cmd.action) {
    case 'claim':
      if (task.assignee?.id === actor.id) {
        return new RequestRuleError('ALREADY_YOURS', bi('این کار از قبل با شماست.', 'You already hold this task.'), 409);
      }
      if (takenByOther) return taken(task);
      return null;
    case 'release':
      if (!task.assignee) {
        return new RequestRuleError('NOT_ASSIGNED', bi('این کار به کسی واگذار نشده است.', 'Nobody holds this task.'), 409);
      }
      if (takenByOther && !has(actor, 'requests.supervise')) return taken(task);
      return null;
    case 'reassign':
      if (!cmd.assignee) {
        return new RequestRuleError('ASSIGNEE_REQUIRED', bi('کاربر مقصد را انتخاب کنید.', 'Choose whom to assign it to.'), 400);
      }
      return null;
    case 'reject':
    case 'return':
      if (!cmd.reason?.trim()) {
        return new RequestRuleError(
          'REASON_REQUIRED',
          bi('دلیل را بنویسید؛ ثبت‌کننده آن را می‌بیند.', 'Give the reason; the submitter will see it.'),
          400,
        );
      }
      if (takenByOther) return taken(task);
      return null;
    case 'resubmit':
      if (!cmd.payload) {
        return new RequestRuleError(
          'PAYLOAD_REQUIRED',
          bi('اطلاعات اصلاح‌شده لازم است.', 'The corrected details are required.'),
          400,
        );
      }
      return null;
    default:
      if (takenByOther) return taken(task);
      return null;
  }
}

function taken(task: RequestTask): RequestRuleError {
  return new RequestRuleError(
    'TASK_TAKEN',
    bi(
      `این کار در دست ${task.assignee?.displayName ?? ''} است.`,
      `${task.assignee?.displayName ?? 'Someone else'} holds this task.`,
    ),
    409,
  );
}

/** At most this many documents are attached to one request. */
export const MAX_REQUEST_DOCUMENTS = 20;

/**
 * Why `actor` may not attach or remove documents of the request now, or null. Documents change with
 * the request's contents: while it is a draft, by its author (as editing the draft); while it is
 * returned for correction, by whoever may resubmit it (`whyNot` of `resubmit`). Afterwards they are
 * what the reviewers saw, and stay.
 */
export function whyNoDocumentChange(
  r: Pick<RequestSnapshot, 'state' | 'tasks' | 'submitter' | 'agentId'>,
  actor: Actor,
): RequestRuleError | null {
  if (r.state === 'draft') {
    if (actor.id === r.submitter.id) return null;
    return new RequestRuleError(
      'NOT_SUBMITTER',
      bi('فقط ثبت‌کنندهٔ پیش‌نویس می‌تواند مدارک آن را تغییر دهد.', 'Only the author of a draft can change its documents.'),
      403,
    );
  }
  const task = openTask(r);
  if (r.state === 'returned' && task?.kind === 'correction') {
    return whyNot(r, { action: 'resubmit', taskId: task.id, actor, payload: {} as RequestPayload });
  }
  return documentsLocked();
}

/** The refusal of a document change once the request is neither a draft nor returned for correction. */
export const documentsLocked = (): RequestRuleError =>
  new RequestRuleError(
    'DOCUMENTS_LOCKED',
    bi(
      'مدارک درخواست تنها در پیش‌نویس یا هنگام اصلاحِ درخواستِ برگشتی افزودنی یا حذف‌شدنی است.',
      'Documents can only be added or removed while the request is a draft or returned for correction.',
    ),
    409,
  );

/** The actions a person could take on the request now (for the portal's buttons). */
export function allowedActions(
  r: Pick<RequestSnapshot, 'state' | 'tasks' | 'submitter' | 'agentId'>,
  actor: Actor,
): RequestAction[] {
  const task = openTask(r);
  if (!task) return [];
  return REQUEST_ACTIONS.filter(
    (action) =>
      whyNot(r, {
        action,
        taskId: task.id,
        actor,
        reason: 'x',
        payload: {} as RequestPayload,
        assignee: { id: 'x', displayName: 'x' },
      }) === null,
  );
}

// ---------------------------------------------------------------------------------------------
// Approval chain and SLAs

export interface ChainAgent {
  id: string;
  parentId: string | null;
  /** Whether the agent reviews the requests coming up from below (its own switch). */
  reviewStep: boolean;
}

/**
 * The approval chain of a request: every agent from the requester's up to (excluding) the credential
 * owner reviews when its review step is on; the credential owner approves. When the requester's own
 * agent is the owner, it only approves.
 */
export function approvalChain(agents: readonly ChainAgent[], requesterAgentId: string, ownerAgentId: string): ApprovalStage[] {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const stages: ApprovalStage[] = [];
  const seen = new Set<string>();
  let current = byId.get(requesterAgentId);
  while (current && current.id !== ownerAgentId && !seen.has(current.id)) {
    seen.add(current.id);
    if (current.reviewStep) stages.push({ agentId: current.id, kind: 'review' });
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  if (current?.id !== ownerAgentId)
    throw new RangeError(`credential owner ${ownerAgentId} is not above agent ${requesterAgentId}`);
  stages.push({ agentId: ownerAgentId, kind: 'approve' });
  return stages;
}

/** SLA policy: minutes per task kind, optionally per request type (`install.review`), on a calendar. */
export interface SlaPolicy {
  /** `business`: working hours of business days (Tehran); `continuous`: wall-clock minutes. */
  calendar: 'business' | 'continuous';
  minutes: Partial<Record<TaskKind | `${RequestType}.${TaskKind}`, number>>;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  calendar: 'business',
  minutes: { review: 8 * 60, approve: 8 * 60, fix: 8 * 60, install: 16 * 60 },
};

export function slaMinutes(policy: SlaPolicy, type: RequestType, kind: TaskKind): number | null {
  const m = policy.minutes[`${type}.${kind}`] ?? policy.minutes[kind];
  return m === undefined || m <= 0 ? null : m;
}

/** `REQ-` + Jalali day + a sequence, e.g. `REQ-14050902-000123` (built by the API). */
export function requestNumber(jalaliCompactDay: string, seq: number): string {
  return `REQ-${jalaliCompactDay}-${String(seq).padStart(6, '0')}`;
}
