/** Types of the REST contract in docs/ARCHITECTURE.md. Instants are ISO-8601 UTC strings. */

export interface LocalizedText {
  readonly fa: string;
  readonly en: string;
}

export interface PublicAgent {
  readonly code: string;
  readonly realm: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly isBroker: boolean;
}

export interface MenuItem {
  readonly key: string;
  readonly route: string;
  readonly icon: string;
  readonly labelFa: string;
  readonly labelEn: string;
  /** The module group (menu section) the item belongs to; null for an item outside any group. */
  readonly groupKey?: string | null;
}

/** A menu section (module group) of `GET /api/me` with its items, in the broker's order. */
export interface MenuGroup {
  readonly key: string;
  readonly icon: string;
  readonly labelFa: string;
  readonly labelEn: string;
  readonly items: readonly MenuItem[];
}

/** Menu routes served outside the portal (e.g. `/api/docs`, Swagger UI) open as plain links in a new tab. */
export function isExternalRoute(route: string): boolean {
  return /^(https?:)?\/\//.test(route) || route === '/api' || route.startsWith('/api/');
}

export interface Me {
  readonly user: {
    readonly id: string;
    readonly issuer: string;
    readonly subject: string;
    readonly username: string;
    readonly displayName: string;
    readonly email: string | null;
  };
  readonly agent: {
    readonly id: string;
    readonly code: string;
    readonly nameFa: string;
    readonly nameEn: string;
    readonly isBroker: boolean;
  };
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
  readonly menu: readonly MenuItem[];
  /** The same items as `menu`, in their module groups (an older API may omit it). */
  readonly menuGroups?: readonly MenuGroup[];
}

export interface TicketCategory {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface Attachment {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}

export type TicketState = 'open' | 'waiting_for_support' | 'answered' | 'closed';
export const TICKET_STATES: readonly TicketState[] = ['open', 'waiting_for_support', 'answered', 'closed'];

export type TicketPriority = 'low' | 'normal' | 'high';
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high'];

export type TicketAction = 'claim' | 'release' | 'answer' | 'reply' | 'close' | 'rate';

export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

export interface TicketSummary {
  readonly id: string;
  readonly number: string | number;
  readonly subject: string;
  readonly categoryCode: string;
  readonly priority: TicketPriority;
  readonly state: TicketState;
  readonly agent: { readonly id: string; readonly code: string; readonly nameFa: string; readonly nameEn: string };
  readonly requester: PersonRef;
  readonly assignee: PersonRef | null;
  readonly escalated: boolean;
  readonly firstResponseDueAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly rating: { readonly score: number; readonly comment: string | null } | null;
}

export type MessageSide = 'requester' | 'support';

export interface TicketMessage {
  readonly id: string;
  readonly seq: number;
  readonly author: PersonRef & { readonly side: MessageSide };
  readonly body: string;
  readonly attachments: readonly Attachment[];
  readonly createdAt: string;
}

export type TimelineType =
  'created' | 'claimed' | 'released' | 'answered' | 'replied' | 'sla_breached' | 'escalated' | 'closed' | 'rated';

export interface TimelineEvent {
  readonly seq: number;
  /** A `TimelineType`; kept open so a newer API's event types still render. */
  readonly type: string;
  readonly at: string;
  readonly actor: PersonRef | null;
  readonly data: Readonly<Record<string, unknown>> | null;
}

export interface TicketDetail extends TicketSummary {
  readonly messages: readonly TicketMessage[];
  readonly timeline: readonly TimelineEvent[];
  readonly allowedActions: readonly TicketAction[];
}

export type TicketView = 'mine' | 'agent' | 'inbox' | 'all';

export interface TicketQuery {
  readonly view: TicketView;
  readonly state?: TicketState;
  readonly escalated?: boolean;
  readonly assigned?: 'me' | 'unassigned';
  readonly q?: string;
  readonly page: number;
  readonly pageSize: number;
}

export type TicketCounts = Readonly<Record<TicketState, number>>;

export interface TicketPage {
  readonly items: readonly TicketSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly counts: TicketCounts;
}

export interface NewTicket {
  readonly categoryCode: string;
  readonly subject: string;
  readonly body: string;
  readonly priority?: TicketPriority;
  readonly attachmentIds?: readonly string[];
}
