/** Pure helpers of the audit screens: before/after diffs, realms of issuers, day ranges. No Angular. */

export interface DiffRow {
  readonly field: string;
  /** JSON text of the value, or null when the side does not have the field. */
  readonly before: string | null;
  readonly after: string | null;
  readonly changed: boolean;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Before and after of an audit entry field by field, in the order fields first appear (before, then
 * after). A create has no before, a delete no after: every field counts as changed. Values that are
 * not objects compare as one field named `""`.
 */
export function diffFields(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    const x = before === null || before === undefined ? null : show(before);
    const y = after === null || after === undefined ? null : show(after);
    return [{ field: '', before: x, after: y, changed: x !== y }];
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return fields.map((field) => {
    const x = b && field in b ? show(b[field]) : null;
    const y = a && field in a ? show(a[field]) : null;
    return { field, before: x, after: y, changed: x !== y };
  });
}

/** The realm of a token issuer (`…/realms/agent-alpha` → `agent-alpha`); the issuer itself otherwise. */
export function realmOf(issuer: string | null | undefined): string {
  if (!issuer) return '';
  const match = /\/realms\/([^/?#]+)/.exec(issuer);
  return match ? decodeURIComponent(match[1]) : issuer;
}

/** Tehran has had no daylight saving time since 2022: +03:30 all year. */
const TEHRAN_OFFSET = '+03:30';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Start of a calendar day (`YYYY-MM-DD`) in Tehran as an ISO instant; undefined for anything else. */
export function dayStart(day: string | undefined): string | undefined {
  return day && DAY.test(day) ? `${day}T00:00:00${TEHRAN_OFFSET}` : undefined;
}

/** Last second of a calendar day in Tehran as an ISO instant; undefined for anything else. */
export function dayEnd(day: string | undefined): string | undefined {
  return day && DAY.test(day) ? `${day}T23:59:59${TEHRAN_OFFSET}` : undefined;
}

/** A query without empty strings (filters left blank do not filter). */
export function compact<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as T;
}
