/** Types of `GET /api/audit`, `/api/audit/verify` and `/api/events` (api/components/audit). */

export interface AuditActor {
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly userId: string | null;
  readonly name: string;
  readonly agentId: string | null;
  readonly ip: string | null;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly scopeAgentId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly hash: string;
  readonly prevHash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly lastSeq: number;
  readonly firstBroken: { readonly seq: number; readonly reason: string } | null;
}

export type Severity = 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export interface SystemEvent {
  readonly id: string;
  readonly at: string;
  readonly type: string;
  /** A `Severity`; kept open so a newer API's levels still render. */
  readonly severity: string;
  readonly agentId: string | null;
  readonly userId: string | null;
  readonly actorName: string | null;
  readonly ip: string | null;
  readonly method: string | null;
  readonly path: string | null;
  readonly status: number | null;
  readonly code: string | null;
  readonly message: string | null;
  readonly details: unknown;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Dates are calendar days (`YYYY-MM-DD`) in Tehran time; the API gets instants. */
export interface DateRange {
  readonly fromDate?: string;
  readonly toDate?: string;
}

export interface AuditQuery extends DateRange {
  readonly entityType?: string;
  readonly entityId?: string;
  readonly action?: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface EventsQuery extends DateRange {
  readonly type?: string;
  readonly severity?: Severity;
  readonly page: number;
  readonly pageSize: number;
}

export const AUDIT_PAGE_SIZE = 25;
