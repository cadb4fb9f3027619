import { ActivityFailure, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../../activities/terminals';
import {
  NO_COUNTS,
  type TerminalSyncCounts,
  type TerminalSyncInput,
  type TerminalSyncProgress,
  terminalSyncProgressQuery,
} from './definitions';

/** Database work: short, retried until the database is back. */
const db = proxyActivities<activities.TerminalSyncActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The PSP question: a read, retried a few times (5xx, timeouts, a lost answer); then that terminal
 * counts as failed and the run goes on. Refusals and configuration problems are not retried.
 */
const psp = proxyActivities<activities.TerminalSyncActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 3,
    nonRetryableErrorTypes: [
      'PspBusinessRejection',
      'PspUnmappedValue',
      'PspCredentialsUnavailable',
      'PspAdapterMissing',
      'PspServiceDisabled',
    ],
  },
});

/** Patch: terminals asked by a pool of lanes instead of fixed slices (replay of older runs keeps slices). */
const TERMINAL_SYNC_POOL_PATCH = 'terminal-sync-pool';

const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_CONCURRENCY = 5;

/**
 * Terminal status sync (SPEC R-SHAPARAK): asks each active or deactivated terminal's PSP for its
 * state and applies Shaparak's changes (active → deactivated with the reason, deactivated → active).
 * A terminal with an open request is skipped (its request workflow owns it). One page of terminals
 * per run, then continue-as-new, so the history stays bounded however many terminals there are.
 * Returns the counts of the whole sync (all pages).
 */
export async function terminalSyncWorkflow(input: TerminalSyncInput = {}): Promise<TerminalSyncCounts> {
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const concurrency = Math.max(1, input.concurrency ?? DEFAULT_CONCURRENCY);
  const counts: TerminalSyncCounts = { ...NO_COUNTS, ...input.counts };
  const progress: TerminalSyncProgress = { afterId: input.afterId ?? null, pages: input.pages ?? 0, counts };
  setHandler(terminalSyncProgressQuery, () => progress);
  // The first run's id: continue-as-new keeps it, so it names the whole sync.
  const runId = workflowInfo().workflowId;

  const page = await db.terminalSyncPage({ afterId: input.afterId ?? null, limit: pageSize });

  const one = async (t: (typeof page)[number]): Promise<void> => {
    if (t.busy) {
      counts.skipped += 1;
      return;
    }
    let info;
    try {
      info = await psp.terminalSyncStatus({
        terminalId: t.id,
        agentId: t.agentId,
        pspCode: t.pspCode,
        pspTerminalId: t.pspTerminalId,
      });
    } catch (err) {
      if (err instanceof ActivityFailure) {
        counts.failed += 1;
        return;
      }
      throw err;
    }
    counts.checked += 1;
    const outcome = await db.terminalSyncApply({
      terminalId: t.id,
      seenState: t.state,
      pspStatus: info.status,
      ...(info.statusReason ? { pspReason: info.statusReason } : {}),
      runId,
    });
    if (outcome === 'deactivated') counts.deactivated += 1;
    else if (outcome === 'reactivated') counts.reactivated += 1;
    else if (outcome === 'busy' || outcome === 'moved') counts.skipped += 1;
    else if (outcome === 'mismatch') counts.mismatched += 1;
  };

  if (patched(TERMINAL_SYNC_POOL_PATCH)) {
    // `concurrency` terminals in flight; each next one starts as soon as any finishes, so a slow PSP
    // holds one lane, not a whole slice.
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < page.length) {
        const t = page[next];
        next += 1;
        if (t) await one(t);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, lane));
  } else {
    // Runs started before the pool: slices of `concurrency`, as their histories recorded.
    for (let i = 0; i < page.length; i += concurrency) await Promise.all(page.slice(i, i + concurrency).map(one));
  }
  progress.pages += 1;
  progress.afterId = page.at(-1)?.id ?? progress.afterId;

  if (page.length === pageSize) {
    await continueAsNew<typeof terminalSyncWorkflow>({
      ...input,
      afterId: progress.afterId,
      counts,
      pages: progress.pages,
    });
  }
  await db.terminalSyncFinished({ runId, counts: { ...counts, pages: progress.pages } });
  return counts;
}
