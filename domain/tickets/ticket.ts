import { bi, type Bilingual } from '../i18n';
import type { Permission } from '../access';

export const TICKET_STATES = ['open', 'waiting_for_support', 'answered', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_ACTIONS = ['claim', 'release', 'answer', 'reply', 'close', 'rate'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export type TimelineType =
  'created' | 'claimed' | 'released' | 'answered' | 'replied' | 'sla_breached' | 'escalated' | 'closed' | 'rated';

export type CloseReason = 'requester' | 'auto';

/** Who does something: resolved by the API from a verified token. */
export interface Actor {
  id: string;
  displayName: string;
  agentId: string;
  permissions: readonly Permission[];
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface TicketMessage {
  id: string;
  seq: number;
  author: PersonRef & { side: 'requester' | 'support' };
  body: string;
  attachments: AttachmentRef[];
  createdAt: string;
}

export interface TimelineEvent {
  seq: number;
  type: TimelineType;
  at: string;
  actor: PersonRef | null;
  data: Record<string, unknown>;
}

/** Everything the ticket workflow knows; projected to the read model after each change. */
export interface TicketSnapshot {
  id: string;
  number: string;
  agentId: string;
  requester: PersonRef;
  categoryCode: string;
  subject: string;
  priority: TicketPriority;
  state: TicketState;
  assignee: PersonRef | null;
  escalated: boolean;
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closeReason: CloseReason | null;
  rating: { score: number; comment: string | null } | null;
  messages: TicketMessage[];
  timeline: TimelineEvent[];
  /** Grows by one with every change; the read model keeps the highest version it has seen. */
  version: number;
}

/** The facts an action check needs; both the workflow snapshot and the read model provide them. */
export interface TicketFacts {
  state: TicketState;
  requesterId: string;
  assigneeId: string | null;
  rated: boolean;
}

export class TicketRuleError extends Error {
  constructor(
    readonly code: string,
    readonly text: Bilingual,
  ) {
    super(text.en);
    this.name = 'TicketRuleError';
  }
}

const isSupport = (actor: Actor): boolean => actor.permissions.includes('tickets.answer');
const isSupervisor = (actor: Actor): boolean => actor.permissions.includes('tickets.escalations');

/**
 * Why `actor` may not do `action` on the ticket, or null when it may. The single rule book used
 * by the workflow's update validators (authoritative) and by the API to offer buttons.
 */
export function whyNot(action: TicketAction, ticket: TicketFacts, actor: Actor): TicketRuleError | null {
  const closed = ticket.state === 'closed';
  const isRequester = ticket.requesterId === actor.id;
  switch (action) {
    case 'claim':
      if (!isSupport(actor)) return notSupport();
      if (closed) return isClosed();
      if (ticket.assigneeId === actor.id)
        return rule('TICKET_ALREADY_CLAIMED', 'این تیکت از قبل به شما سپرده شده است.', 'You already hold this ticket.');
      if (ticket.assigneeId && !isSupervisor(actor)) return heldByOther();
      return null;
    case 'release':
      if (!isSupport(actor)) return notSupport();
      if (closed) return isClosed();
      if (!ticket.assigneeId) return rule('TICKET_NOT_CLAIMED', 'این تیکت به کسی سپرده نشده است.', 'Nobody holds this ticket.');
      if (ticket.assigneeId !== actor.id && !isSupervisor(actor)) return heldByOther();
      return null;
    case 'answer':
      if (!isSupport(actor)) return notSupport();
      if (closed) return isClosed();
      if (ticket.assigneeId && ticket.assigneeId !== actor.id && !isSupervisor(actor)) return heldByOther();
      return null;
    case 'reply':
      if (!isRequester) return notRequester();
      if (closed) return isClosed();
      return null;
    case 'close':
      if (!isRequester) return notRequester();
      if (closed) return isClosed();
      return null;
    case 'rate':
      if (!isRequester) return notRequester();
      if (!closed)
        return rule('TICKET_NOT_CLOSED', 'تنها تیکت بسته‌شده را می‌توان امتیاز داد.', 'Only a closed ticket can be rated.');
      if (ticket.rated)
        return rule('TICKET_ALREADY_RATED', 'این تیکت قبلاً امتیاز گرفته است.', 'This ticket has already been rated.');
      return null;
  }
}

export function allowedActions(ticket: TicketFacts, actor: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => whyNot(a, ticket, actor) === null);
}

/** Works on the workflow snapshot and on read-model records alike. */
export function factsOf(t: Pick<TicketSnapshot, 'state' | 'requester' | 'assignee' | 'rating'>): TicketFacts {
  return { state: t.state, requesterId: t.requester.id, assigneeId: t.assignee?.id ?? null, rated: t.rating !== null };
}

/** The state after a message: an answer waits for the requester, a reply waits for support. */
export function stateAfterMessage(current: TicketState, side: 'requester' | 'support'): TicketState {
  if (side === 'support') return 'answered';
  // Adding detail before anybody answered keeps the ticket "open" (its first-response SLA runs on).
  return current === 'open' ? 'open' : 'waiting_for_support';
}

function rule(code: string, fa: string, en: string): TicketRuleError {
  return new TicketRuleError(code, bi(fa, en));
}
const notSupport = (): TicketRuleError =>
  rule('TICKET_SUPPORT_ONLY', 'این کار تنها از پشتیبان‌ها برمی‌آید.', 'Only support staff can do this.');
const notRequester = (): TicketRuleError =>
  rule('TICKET_REQUESTER_ONLY', 'این کار تنها از ثبت‌کنندهٔ تیکت برمی‌آید.', 'Only the person who opened the ticket can do this.');
const isClosed = (): TicketRuleError => rule('TICKET_CLOSED', 'این تیکت بسته شده است.', 'This ticket is closed.');
const heldByOther = (): TicketRuleError =>
  rule('TICKET_HELD_BY_OTHER', 'این تیکت در دست پشتیبان دیگری است.', 'Another supporter holds this ticket.');
