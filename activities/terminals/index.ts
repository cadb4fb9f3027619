/**
 * Activities of the terminal status sync (workflows/terminals, SPEC R-SHAPARAK), Temporal samples
 * style: a factory over dependencies. The PSP is asked through the PSP activities' `pspTerminal`
 * (credential owner, the worker's rate limit per PSP, call log); the answer is applied by
 * db/repositories/terminal-sync.ts.
 */
import pino from 'pino';
import type { Database } from '../../db';
import {
  createTerminalSyncRepository,
  type SyncApplyInput,
  type SyncApplyOutcome,
  type SyncTerminal,
} from '../../db/repositories/terminal-sync';
import type { PspTerminalInfo } from '../../domain/psp/adapter';
import { type PspActivityDeps, createPspActivities } from '../psp';

export interface TerminalSyncActivityDeps {
  db: Database;
  psp: PspActivityDeps;
}

export function createTerminalSyncActivities(deps: TerminalSyncActivityDeps) {
  const repo = createTerminalSyncRepository(deps.db);
  const psp = createPspActivities(deps.psp);
  const logger = (deps.psp.logger ?? pino({ name: 'terminal-sync' })).child({ component: 'terminal-sync' });

  return {
    /** Up to `limit` active or deactivated terminals after `afterId` (by id), each marked busy or not. */
    async terminalSyncPage(a: { afterId: string | null; limit: number }): Promise<SyncTerminal[]> {
      return repo.page(a);
    },

    /** What the terminal's PSP says about it (non-retryable failures: see toActivityFailure). */
    async terminalSyncStatus(a: {
      terminalId: string;
      agentId: string;
      pspCode: string;
      pspTerminalId: string;
    }): Promise<PspTerminalInfo> {
      return psp.pspTerminal({
        // The key of the call log; reads are not submissions, so it is the same for every run.
        requestId: `terminal-sync-${a.terminalId}`,
        requesterAgentId: a.agentId,
        pspCode: a.pspCode,
        input: { terminalId: a.pspTerminalId },
      });
    },

    /** Applies the PSP's answer (active ↔ deactivated) unless an open request owns the terminal. */
    async terminalSyncApply(a: SyncApplyInput): Promise<SyncApplyOutcome> {
      const outcome = await repo.apply(a);
      if (outcome === 'deactivated' || outcome === 'reactivated' || outcome === 'mismatch')
        logger.info({ terminalId: a.terminalId, pspStatus: a.pspStatus, outcome, runId: a.runId }, 'terminal sync');
      return outcome;
    },

    /** The counts of a finished run: logged and kept in the audit log (once per run). */
    async terminalSyncFinished(a: { runId: string; counts: Record<string, number> }): Promise<void> {
      logger.info({ runId: a.runId, ...a.counts }, 'terminal sync finished');
      await repo.recordRun(a);
    },
  };
}

export type TerminalSyncActivities = ReturnType<typeof createTerminalSyncActivities>;
