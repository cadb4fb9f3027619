import { createHash, randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { GENESIS_HASH, auditHashInput, canonicalJson, type AuditEntryContent } from '../domain/audit';
import type { Database } from './index';

/** Who did something, and from where: written into every audit entry and event. */
export interface Actor {
  issuer: string | null;
  subject: string | null;
  userId: string | null;
  name: string;
  agentId: string | null;
  ip: string | null;
}

/** The system itself (seeding, workers, migrations). */
export const SYSTEM_ACTOR: Actor = { issuer: null, subject: null, userId: null, name: 'system', agentId: null, ip: null };

export interface AuditChange {
  /** e.g. create, update, delete, suspend, grant, revoke, import. */
  action: string;
  entityType: string;
  entityId: string;
  /** The agent whose subtree may read this entry (null: broker only). */
  scopeAgentId?: string | null;
  before?: unknown;
  after?: unknown;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Secrets never reach the audit log, whatever a caller passes. */
const SECRET_KEYS = /password|secret|credential|token|apikey|api_key/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? (v == null ? v : '***') : redact(v);
    return out;
  }
  return value;
}

const snapshot = (v: unknown): string | null => (v === undefined || v === null ? null : canonicalJson(redact(v)));

function contentOf(row: {
  seq: number | string;
  at: Date;
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
}): AuditEntryContent {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorIssuer: row.actorIssuer ?? null,
    actorSubject: row.actorSubject ?? null,
    actorUserId: row.actorUserId ?? null,
    actorName: row.actorName,
    actorAgentId: row.actorAgentId ?? null,
    ip: row.ip ?? null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    scopeAgentId: row.scopeAgentId ?? null,
    beforeJson: row.beforeJson ?? null,
    afterJson: row.afterJson ?? null,
  };
}

/**
 * Appends entries to the audit chain inside the caller's transaction, so a change and its
 * audit entry are written together or not at all. The head row is updated first: that takes
 * the write lock (row lock on PostgreSQL/SQL Server, the database lock on SQLite) and
 * serialises writers across processes.
 */
export async function appendAudit(
  db: Database,
  tx: Transaction,
  actor: Actor,
  changes: AuditChange | AuditChange[],
): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes];
  if (!list.length) return;
  const { Audit, AuditHead } = db.models;
  const [affected] = await AuditHead.update(
    { seq: db.sequelize.literal(`seq + ${list.length}`) },
    { where: { id: 1 }, transaction: tx },
  );
  if (!affected) throw new Error('audit_head is missing: run the seed (db:seed) first');
  const head = await AuditHead.findByPk(1, { transaction: tx });
  if (!head) throw new Error('audit_head is missing');
  let seq = Number(head.seq) - list.length;
  // The head hash is that of the last entry written (its seq is head.seq - list.length).
  let prevHash = head.hash;
  const at = new Date();
  const rows = list.map((c) => {
    seq += 1;
    const content = contentOf({
      seq,
      at,
      actorIssuer: actor.issuer,
      actorSubject: actor.subject,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorAgentId: actor.agentId,
      ip: actor.ip,
      action: c.action,
      entityType: c.entityType,
      entityId: c.entityId,
      scopeAgentId: c.scopeAgentId ?? null,
      beforeJson: snapshot(c.before),
      afterJson: snapshot(c.after),
    });
    const hash = sha256(auditHashInput(prevHash, content));
    const row = { ...content, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await Audit.bulkCreate(rows, { transaction: tx });
  await AuditHead.update({ hash: prevHash }, { where: { id: 1 }, transaction: tx });
}

/** Creates the chain's head row (idempotent). */
export async function ensureAuditHead(db: Database): Promise<void> {
  const { AuditHead } = db.models;
  if (!(await AuditHead.findByPk(1))) {
    try {
      await AuditHead.create({ id: 1, seq: 0, hash: GENESIS_HASH });
    } catch {
      // created concurrently
    }
  }
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: number;
  firstBroken: null | {
    seq: number;
    reason: 'hash-mismatch' | 'broken-link' | 'missing-entry' | 'head-mismatch';
  };
}

/** Walks the whole chain in order and reports the first entry whose link does not hold. */
export async function verifyAuditChain(db: Database, batch = 500): Promise<AuditVerification> {
  const { Audit, AuditHead } = db.models;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await Audit.findAll({ where: { seq: { [Op.gt]: after } }, order: [['seq', 'ASC']], limit: batch, raw: true });
    if (!rows.length) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { ok: false, checked, lastSeq: seq, firstBroken: { seq: expectedSeq, reason: 'missing-entry' } };
      if (row.prevHash !== prevHash) return { ok: false, checked, lastSeq: seq, firstBroken: { seq, reason: 'broken-link' } };
      if (sha256(auditHashInput(prevHash, contentOf(row))) !== row.hash) {
        return { ok: false, checked, lastSeq: seq, firstBroken: { seq, reason: 'hash-mismatch' } };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
      after = seq;
    }
  }
  const head = await AuditHead.findByPk(1, { raw: true });
  if (head && (Number(head.seq) !== checked || head.hash !== prevHash)) {
    return { ok: false, checked, lastSeq: checked, firstBroken: { seq: checked + 1, reason: 'head-mismatch' } };
  }
  return { ok: true, checked, lastSeq: checked, firstBroken: null };
}

export interface SystemEventInput {
  type: string;
  severity?: 'info' | 'warning' | 'error';
  actor?: Partial<Actor> | null;
  method?: string | null;
  path?: string | null;
  status?: number | null;
  code?: string | null;
  message?: string | null;
  details?: unknown;
}

/** Records a system event; an event that cannot be written is reported, never thrown. */
export async function recordEvent(db: Database, e: SystemEventInput, onError?: (err: unknown) => void): Promise<void> {
  try {
    await db.models.SystemEvent.create({
      id: randomUUID(),
      at: new Date(),
      type: e.type,
      severity: e.severity ?? 'info',
      agentId: e.actor?.agentId ?? null,
      userId: e.actor?.userId ?? null,
      actorName: e.actor?.name ?? null,
      ip: e.actor?.ip ?? null,
      method: e.method ?? null,
      path: e.path ? e.path.slice(0, 300) : null,
      status: e.status ?? null,
      code: e.code ?? null,
      message: e.message ? e.message.slice(0, 1000) : null,
      details: e.details === undefined ? null : canonicalJson(redact(e.details)),
    });
  } catch (err) {
    onError?.(err);
  }
}
