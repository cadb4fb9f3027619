/**
 * The terminal status sync (SPEC R-SHAPARAK, workflows/terminals): pages of terminals to ask their PSP
 * about, and the change the PSP's answer makes. A terminal with an open request is left alone (its
 * request workflow owns it); every change is one transaction with its audit entry (the terminal's
 * history, like applyOutcome's changes).
 */
import { Op } from 'sequelize';
import { IDLE_STATES } from '../../domain/requests/model';
import type { PspTerminalStatus } from '../../domain/psp/adapter';
import { appendAudit, SYSTEM_ACTOR } from '../audit';
import type { Database } from '../index';
import { updateTerminal } from './requests';

/** Terminal states the sync looks at: the only ones Shaparak moves between. */
export const SYNCED_STATES = ['active', 'deactivated'] as const;
export type SyncedState = (typeof SYNCED_STATES)[number];

export interface SyncTerminal {
  id: string;
  agentId: string;
  pspCode: string;
  pspTerminalId: string;
  state: SyncedState;
  /** A request that is neither a draft nor closed names the terminal: the sync does not touch it. */
  busy: boolean;
}

export interface SyncApplyInput {
  terminalId: string;
  /** The state the page saw; a terminal that moved since is left as it is. */
  seenState: SyncedState;
  pspStatus: PspTerminalStatus;
  pspReason?: string;
  /** The sync run (workflow id), recorded with the change. */
  runId: string;
}

/**
 * - `deactivated` / `reactivated`: the terminal was changed;
 * - `unchanged`: Kartabl and the PSP agree (a new deactivation reason is still stored);
 * - `busy`: an open request names it; `moved`: its state changed since the page was read, or it is gone;
 * - `mismatch`: the PSP says something the sync does not apply (e.g. collected) — for a person to look at.
 */
export type SyncApplyOutcome = 'deactivated' | 'reactivated' | 'unchanged' | 'busy' | 'moved' | 'mismatch';

/** Not a request's reason but Shaparak's: the PSP sends it as free text (stored up to the column's size). */
const REASON_MAX = 500;
/** What is stored when the PSP gives no reason. */
export const NO_REASON = 'shaparak';

export function createTerminalSyncRepository(db: Database) {
  const { Terminal, Request } = db.models;
  const open = { [Op.notIn]: [...IDLE_STATES] };

  return {
    /** Up to `limit` active or deactivated terminals after `afterId`, by id. */
    async page(a: { afterId: string | null; limit: number }): Promise<SyncTerminal[]> {
      const rows = await Terminal.findAll({
        where: { state: [...SYNCED_STATES], ...(a.afterId ? { id: { [Op.gt]: a.afterId } } : {}) },
        attributes: ['id', 'agentId', 'pspCode', 'pspTerminalId', 'state'],
        order: [['id', 'ASC']],
        limit: a.limit,
      });
      const ids = rows.map((r) => r.id);
      const busy = ids.length
        ? new Set(
            (await Request.findAll({ where: { terminalId: ids, state: open }, attributes: ['terminalId'], raw: true })).map(
              (r) => r.terminalId,
            ),
          )
        : new Set<string | null>();
      return rows.map((r) => ({
        id: r.id,
        agentId: r.agentId,
        pspCode: r.pspCode,
        pspTerminalId: r.pspTerminalId,
        state: r.state as SyncedState,
        busy: busy.has(r.id),
      }));
    },

    /** Applies what the PSP said; idempotent (a second run finds nothing to change). */
    async apply(a: SyncApplyInput): Promise<SyncApplyOutcome> {
      return db.transaction(async (transaction) => {
        const t = await Terminal.findByPk(a.terminalId, { transaction });
        if (!t || t.state !== a.seenState) return 'moved';
        if (await Request.findOne({ where: { terminalId: t.id, state: open }, attributes: ['id'], transaction })) return 'busy';
        const reason = (a.pspReason?.trim() || NO_REASON).slice(0, REASON_MAX);
        const provenance = { bySync: a.runId, pspStatus: a.pspStatus };
        if (a.pspStatus === 'active') {
          if (t.state === 'active') return 'unchanged';
          await updateTerminal(db, transaction, t, { state: 'active', stateReason: null }, provenance);
          return 'reactivated';
        }
        if (a.pspStatus !== 'deactivated') return 'mismatch'; // collected / awaiting a device: not applied
        // Deactivated (again): the PSP's latest reason is kept.
        const was = t.state;
        await updateTerminal(db, transaction, t, { state: 'deactivated', stateReason: reason }, provenance);
        return was === 'active' ? 'deactivated' : 'unchanged';
      });
    },

    /** The counts of a finished run, in the audit log (who asked is the schedule or an operator). */
    async recordRun(a: { runId: string; counts: Record<string, number> }): Promise<void> {
      await db.transaction(async (transaction) => {
        const seen = await db.models.Audit.findOne({
          where: { action: 'sync', entityType: 'terminal-sync', entityId: a.runId },
          attributes: ['seq'],
          transaction,
        });
        if (seen) return; // a retried activity
        await appendAudit(db, transaction, SYSTEM_ACTOR, {
          action: 'sync',
          entityType: 'terminal-sync',
          entityId: a.runId,
          after: a.counts,
        });
      });
    },
  };
}

export type TerminalSyncRepository = ReturnType<typeof createTerminalSyncRepository>;
