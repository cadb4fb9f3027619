/**
 * The audit chain: every change is one entry whose hash covers its content and the previous
 * entry's hash, so editing, deleting or reordering an entry breaks every link after it.
 * Pure helpers; hashing itself happens in the data layer.
 */

/** JSON with object keys sorted at every depth, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  at: string;
  actorIssuer: string | null;
  actorSubject: string | null;
  actorUserId: string | null;
  actorName: string;
  actorAgentId: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  scopeAgentId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

/** The text an entry's hash is computed over: the previous hash, then the entry's fields. */
export function auditHashInput(prevHash: string, entry: AuditEntryContent): string {
  return `${prevHash}\n${canonicalJson(entry)}`;
}

/** Which fields differ between two snapshots (for "before/after" displays). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => canonicalJson(before?.[k]) !== canonicalJson(after?.[k])).sort();
}
