import { LocalizedText } from '../../../core/api/api.models';
import { MessageKey, isMessageKey } from '../../../core/i18n/messages.fa';
import { BaseDataLists, NO_BASE_DATA, baseDataName } from './basedata-names';
import {
  PersonRef,
  PspCall,
  REQUEST_STATE_LABELS,
  REQUEST_TYPE_LABELS,
  RequestEvent,
  RequestEventType,
  RequestState,
  RequestType,
  TASK_KIND_LABELS,
  TaskKind,
} from './requests.models';

export type { RequestEventType };

/**
 * One detail of an event, ready to show: its label (a message key, or the raw key when the timeline
 * meets a field it does not know) and its value — plain text, a bilingual text, a message key, or an
 * instant (shown as a Jalali date).
 */
export interface TimelineDetail {
  readonly key: string;
  readonly label: MessageKey | null;
  readonly value:
    | { readonly text: string }
    /** A code as the system or the PSP wrote it (serial, tracking code): Latin, left to right, digits kept. */
    | { readonly code: string }
    | { readonly localized: LocalizedText }
    | { readonly message: MessageKey; readonly params?: Readonly<Record<string, string | number>> }
    /** A base-data item's code (a swap reason, a device model, a PSP) with its name. */
    | { readonly item: { readonly code: string; readonly name: LocalizedText } }
    /** A task's problem code with its short label (the code in the tooltip); `sub` is the PSP's own code. */
    | { readonly problem: ProblemLabel }
    | { readonly date: string };
}

/** A problem code (workflows/requests/request.workflow.ts) as a short label, and the PSP's own code it carries. */
export interface ProblemLabel {
  readonly code: string;
  readonly key: MessageKey;
  /** The PSP's code after `PSP_REJECTED:` (`A104`), shown as written; null for the others. */
  readonly sub: string | null;
}

/**
 * The short label of a known problem code (`PSP_REJECTED:A104` → "rejected by the PSP" + `A104`); null
 * for an unknown one. The problems a fix or correction task may carry (parking errors, a silent PSP, a
 * rejection) each have a `requests.problem.<code>` message.
 */
export function problemLabel(code: string): ProblemLabel | null {
  const colon = code.indexOf(':');
  const head = colon < 0 ? code : code.slice(0, colon);
  const key = `requests.problem.${head}`;
  if (!isMessageKey(key)) return null;
  const sub = colon < 0 ? null : code.slice(colon + 1).trim();
  return { code, key, sub: sub || null };
}

/** One line of the auditors' timeline: a workflow event or a PSP call, in time order. */
export interface TimelineEntry {
  readonly key: string;
  readonly at: string;
  readonly source: 'event' | 'psp';
  /** The event type, or `psp_call` for a call of the PSP log. */
  readonly type: RequestEventType | 'psp_call';
  readonly actor: PersonRef | null;
  /** Reasons, serials, codes…, labelled; internal ids left out. */
  readonly details: readonly TimelineDetail[];
  readonly call: PspCall | null;
  /**
   * A failed call's meaning in both languages: the call's own `text`, or, for calls recorded before
   * calls carried it (English message only), the same text of the event the failure caused (`parked`).
   */
  readonly callText: LocalizedText | null;
}

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && typeof (v as LocalizedText).fa === 'string' && typeof (v as LocalizedText).en === 'string';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Internal references nobody reads in a timeline (the task, agent and warehouse ids, the idempotency key). */
const HIDDEN = new Set(['taskId', 'agentId', 'warehouseId', 'key', 'toPermission', 'operation']);

/** Fields whose values are codes (kept as written, left to right). */
const CODES = new Set(['serial', 'trackingCode', 'code', 'problem', 'merchantId', 'terminalId', 'pspCode']);

/** Labels of the fields the workflow writes into its events (workflows/requests/request.workflow.ts). */
const LABELS: Readonly<Record<string, MessageKey>> = {
  kind: 'requests.detail.kind',
  reason: 'requests.detail.reason',
  note: 'requests.detail.note',
  serial: 'requests.detail.serial',
  trackingCode: 'requests.detail.trackingCode',
  pspMessage: 'requests.detail.pspMessage',
  code: 'requests.detail.code',
  problem: 'requests.detail.problem',
  text: 'requests.detail.problem',
  round: 'requests.detail.round',
  previous: 'requests.detail.previous',
  to: 'requests.detail.to',
  dueAt: 'requests.detail.dueAt',
  percent: 'requests.detail.percent',
  type: 'requests.type',
  pspCode: 'requests.psp',
  state: 'requests.state',
  merchantId: 'terminals.pspMerchantId',
  terminalId: 'terminals.pspTerminalId',
};

const TERMINAL_STATES = new Set(['pending', 'awaiting_device', 'active', 'deactivated', 'collected']);

function valueOf(key: string, value: unknown, lists: BaseDataLists): TimelineDetail['value'] | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    if (UUID.test(text)) return null; // our own ids (terminal, merchant…): the page links them already
    // A base-data code (the swap reason of `serial_returned`, the PSP of `submitted`…) by its name.
    const name = baseDataName(key, text, lists);
    if (name) return { item: { code: text, name } };
    if (key === 'kind' && text in TASK_KIND_LABELS) return { localized: TASK_KIND_LABELS[text as TaskKind] };
    if (key === 'type' && text in REQUEST_TYPE_LABELS) return { localized: REQUEST_TYPE_LABELS[text as RequestType] };
    if (key === 'state' && text in REQUEST_STATE_LABELS) return { localized: REQUEST_STATE_LABELS[text as RequestState] };
    if (key === 'state' && TERMINAL_STATES.has(text)) return { message: `terminals.state.${text}` as MessageKey };
    if (key === 'dueAt' && !Number.isNaN(Date.parse(text))) return { date: text };
    if (key === 'percent') return { message: 'requests.detail.percentValue', params: { n: text } };
    if (key === 'problem') {
      const problem = problemLabel(text);
      if (problem) return { problem };
    }
    if (CODES.has(key)) return { code: text };
    return { text };
  }
  if (isText(value)) return { localized: value };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o['displayName'] === 'string') return { text: o['displayName'] };
    if (isText(o['text'])) return { localized: o['text'] };
    if (typeof o['code'] === 'string') return { text: o['code'] };
  }
  return null;
}

/**
 * The readable details of an event's data: labelled, internal ids left out, base-data codes named by
 * `lists`, one level deep (`problem.text`).
 */
export function detailsOf(
  data: Readonly<Record<string, unknown>>,
  lists: BaseDataLists = NO_BASE_DATA,
): readonly TimelineDetail[] {
  const out: TimelineDetail[] = [];
  for (const [key, raw] of Object.entries(data)) {
    if (HIDDEN.has(key)) continue;
    const value = valueOf(key, raw, lists);
    if (value) out.push({ key, label: LABELS[key] ?? null, value });
  }
  // A parked event carries the problem's code and its text: the text says it.
  if (out.some((d) => d.key === 'text')) return out.filter((d) => d.key !== 'problem');
  return out;
}

/** The bilingual texts the events carry (`text` of a parked event, a problem's `text`), by their English. */
function textsOf(events: readonly RequestEvent[]): ReadonlyMap<string, LocalizedText> {
  const out = new Map<string, LocalizedText>();
  for (const e of events) {
    for (const value of Object.values(e.data ?? {})) {
      const text = isText(value) ? value : typeof value === 'object' && value !== null ? (value as { text?: unknown }).text : null;
      if (isText(text) && text.en) out.set(text.en, text);
    }
  }
  return out;
}

/**
 * Events and PSP calls merged by time (events first on a tie: the call follows its cause); base-data
 * codes named by `lists`, a call's failure in the reader's language (its text, or the event's).
 */
export function mergeTimeline(
  events: readonly RequestEvent[],
  calls: readonly PspCall[],
  lists: BaseDataLists = NO_BASE_DATA,
): readonly TimelineEntry[] {
  const texts = textsOf(events);
  const entries: (TimelineEntry & { order: number })[] = [
    ...events.map((e) => ({
      key: `e${e.seq}`,
      at: e.at,
      source: 'event' as const,
      type: e.type,
      actor: e.actor,
      details: detailsOf(e.data ?? {}, lists),
      call: null,
      callText: null,
      order: 0,
    })),
    ...calls.map((c, i) => ({
      key: `p${i}`,
      at: c.at,
      source: 'psp' as const,
      type: 'psp_call' as const,
      actor: null,
      details: [],
      call: c,
      callText: c.text ?? ((c.message && texts.get(c.message)) || null),
      order: 1,
    })),
  ];
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  return entries.map(({ order: _order, ...e }) => e);
}
