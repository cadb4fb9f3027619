/**
 * The terminal status sync workflow with mocked activities: pages by id with continue-as-new after
 * each page, busy terminals left alone, a PSP failure for one terminal counted and skipped, the
 * counts of all pages; and the worker's schedule put in place idempotently.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TerminalSyncActivities } from '../../activities/terminals';
import type { SyncApplyInput, SyncTerminal } from '../../db/repositories/terminal-sync';
import type { PspTerminalInfo } from '../../domain/psp/adapter';
import { ensureTerminalSyncSchedule } from '../../worker/schedules';
import { TERMINAL_SYNC_WORKFLOW_TYPE, type TerminalSyncInput } from '../../workflows/terminals/definitions';
import type { terminalSyncWorkflow } from '../../workflows/terminals/terminal-sync.workflow';
import { startWorkflowTestEnv } from '../helpers/workflow-env';

/** The mocked world: Kartabl's terminals and what their PSP says. */
interface World {
  terminals: SyncTerminal[];
  psp: Map<string, PspTerminalInfo | 'refused' | 'down' | 'slow'>;
  /** Whether a slow PSP's answer came after every other terminal of its page had been asked. */
  slowSawAll?: boolean;
  /** Terminals that got an open request between the page and the apply. */
  busyLate: Set<string>;
  pages: { afterId: string | null; limit: number }[];
  asked: Map<string, number>;
  applied: SyncApplyInput[];
  finished: { runId: string; counts: Record<string, number> }[];
}
let w: World;

const activities: TerminalSyncActivities = {
  terminalSyncPage(a) {
    w.pages.push(a);
    const after = w.terminals.filter((t) => a.afterId === null || t.id > a.afterId).sort((x, y) => x.id.localeCompare(y.id));
    return Promise.resolve(after.slice(0, a.limit));
  },
  terminalSyncStatus(a) {
    w.asked.set(a.terminalId, (w.asked.get(a.terminalId) ?? 0) + 1);
    const answer = w.psp.get(a.terminalId);
    if (answer === 'refused')
      return Promise.reject(
        ApplicationFailure.create({ type: 'PspBusinessRejection', message: 'terminal not found', nonRetryable: true }),
      );
    if (answer === 'down') return Promise.reject(new Error('PSP answered 503'));
    if (answer === 'slow') {
      // Answers once all the others were asked (they are not held up by it), or gives up after 5 s.
      const others = w.terminals.length - 1;
      return (async () => {
        const until = Date.now() + 5000;
        while (w.asked.size - 1 < others && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        w.slowSawAll = w.asked.size - 1 >= others;
        return { terminalId: a.pspTerminalId, status: 'active' as const };
      })();
    }
    return Promise.resolve(answer ?? { terminalId: a.pspTerminalId, status: 'active' });
  },
  terminalSyncApply(a) {
    w.applied.push(a);
    if (w.busyLate.has(a.terminalId)) return Promise.resolve('busy');
    if (a.seenState === 'active' && a.pspStatus === 'deactivated') return Promise.resolve('deactivated');
    if (a.seenState === 'deactivated' && a.pspStatus === 'active') return Promise.resolve('reactivated');
    if (a.seenState !== a.pspStatus) return Promise.resolve('mismatch');
    return Promise.resolve('unchanged');
  },
  terminalSyncFinished(a) {
    w.finished.push(a);
    return Promise.resolve();
  },
};

let env: TestWorkflowEnvironment;
let stop: (() => Promise<void>) | undefined;
const taskQueue = `terminal-sync-test-${randomUUID()}`;

beforeAll(async () => {
  ({ env, stop } = await startWorkflowTestEnv(activities, taskQueue));
});

afterAll(async () => {
  await stop?.();
});

const terminal = (n: number, state: SyncTerminal['state'] = 'active', busy = false): SyncTerminal => ({
  id: `t-${String(n).padStart(3, '0')}`,
  agentId: 'agent-alpha',
  pspCode: n % 2 ? 'psp-a' : 'psp-b',
  pspTerminalId: `${10_000_000 + n}`,
  state,
  busy,
});

async function run(input: TerminalSyncInput) {
  const workflowId = `terminal-sync-test-${randomUUID()}`;
  const handle = await env.client.workflow.start<typeof terminalSyncWorkflow>(TERMINAL_SYNC_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [input],
  });
  const firstRunId = handle.firstExecutionRunId;
  const counts = await handle.result();
  return { counts, workflowId, firstRunId };
}

describe('terminal sync workflow', () => {
  test('pages by id with continue-as-new; applies Shaparak changes, skips busy terminals, counts PSP failures and goes on', async () => {
    const terminals = Array.from({ length: 25 }, (_, i) => terminal(i + 1));
    terminals[2] = terminal(3, 'active', true); // an open request owns it
    terminals[4] = terminal(5, 'deactivated'); // the PSP says active again
    terminals[20] = terminal(21, 'deactivated'); // still deactivated, another reason
    w = {
      terminals,
      psp: new Map<string, PspTerminalInfo | 'refused' | 'down'>([
        ['t-002', { terminalId: '10000002', status: 'deactivated', statusReason: 'کد ملی نامعتبر' }],
        ['t-003', { terminalId: '10000003', status: 'deactivated' }],
        ['t-005', { terminalId: '10000005', status: 'active' }],
        ['t-012', { terminalId: '10000012', status: 'deactivated', statusReason: 'نداشتن پرونده مالیاتی' }],
        ['t-013', 'refused'],
        ['t-018', 'down'],
        ['t-019', { terminalId: '10000019', status: 'collected', statusReason: '1' }],
        ['t-021', { terminalId: '10000021', status: 'deactivated', statusReason: 'کم‌تراکنش' }],
        ['t-024', { terminalId: '10000024', status: 'deactivated', statusReason: 'x' }],
      ]),
      busyLate: new Set(['t-024']),
      pages: [],
      asked: new Map(),
      applied: [],
      finished: [],
    };
    const { counts, workflowId, firstRunId } = await run({ pageSize: 10, concurrency: 4 });

    // 25 terminals, 10 a page: three runs of the same workflow id, each one page.
    expect(w.pages).toEqual([
      { afterId: null, limit: 10 },
      { afterId: 't-010', limit: 10 },
      { afterId: 't-020', limit: 10 },
    ]);
    const first = await env.client.workflow.getHandle(workflowId, firstRunId).describe();
    expect(first.status.name).toBe('CONTINUED_AS_NEW');
    const firstHistory = await env.client.workflow.getHandle(workflowId, firstRunId).fetchHistory();
    const events = firstHistory.events ?? [];
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(200);
    if (process.env.SAVE_HISTORIES === '1')
      // terminal-sync-page.json was saved before the lane pool (patch terminal-sync-pool): it replays the slices.
      fs.writeFileSync(path.join(__dirname, 'histories', 'terminal-sync-page-pool.json'), historyToJSON(firstHistory));

    expect(counts).toEqual({
      checked: 22, // 25 − busy t-003 − refused t-013 − down t-018
      deactivated: 2, // t-002, t-012
      reactivated: 1, // t-005
      skipped: 2, // t-003 (busy at the page), t-024 (busy at the apply)
      mismatched: 1, // t-019 collected at the PSP
      failed: 2, // t-013, t-018
    });
    // The busy terminal was never asked about; the PSP that was down was asked three times (retries), then skipped.
    expect(w.asked.has('t-003')).toBe(false);
    expect(w.asked.get('t-018')).toBe(3);
    expect(w.asked.get('t-013')).toBe(1);
    expect(w.applied.find((a) => a.terminalId === 't-002')).toMatchObject({
      seenState: 'active',
      pspStatus: 'deactivated',
      pspReason: 'کد ملی نامعتبر',
      runId: workflowId,
    });
    expect(w.applied.some((a) => ['t-003', 't-013', 't-018'].includes(a.terminalId))).toBe(false);
    // Recorded once, at the end, with the counts of every page.
    expect(w.finished).toEqual([{ runId: workflowId, counts: { ...counts, pages: 3 } }]);
  });

  test('a slow PSP holds one lane, not the others: the rest of the page is asked while it answers', async () => {
    const terminals = Array.from({ length: 8 }, (_, i) => terminal(i + 1));
    w = {
      terminals,
      psp: new Map([['t-001', 'slow']]),
      busyLate: new Set(),
      pages: [],
      asked: new Map(),
      applied: [],
      finished: [],
    };
    const { counts } = await run({ pageSize: 10, concurrency: 2 });
    expect(w.slowSawAll).toBe(true);
    expect(counts).toMatchObject({ checked: 8, failed: 0 });
  });

  test('no terminals: one empty page, zero counts', async () => {
    w = { terminals: [], psp: new Map(), busyLate: new Set(), pages: [], asked: new Map(), applied: [], finished: [] };
    const { counts } = await run({});
    expect(w.pages).toEqual([{ afterId: null, limit: 100 }]);
    expect(counts).toEqual({ checked: 0, deactivated: 0, reactivated: 0, skipped: 0, mismatched: 0, failed: 0 });
  });
});

describe('the worker keeps the schedule', () => {
  test('created once, updated on the next start, deleted when switched off', async () => {
    const scheduleId = `terminal-sync-${randomUUID()}`;
    const o = { taskQueue, scheduleId };
    expect(await ensureTerminalSyncSchedule(env.client, { ...o, intervalMs: 6 * 3_600_000 })).toBe('created');
    expect(await ensureTerminalSyncSchedule(env.client, { ...o, intervalMs: 3_600_000 })).toBe('updated');
    const d = await env.client.schedule.getHandle(scheduleId).describe();
    expect(d.spec.intervals?.[0]?.every).toBe(3_600_000);
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: TERMINAL_SYNC_WORKFLOW_TYPE, taskQueue });
    expect(await ensureTerminalSyncSchedule(env.client, { ...o, intervalMs: 0 })).toBe('deleted');
    expect(await ensureTerminalSyncSchedule(env.client, { ...o, intervalMs: 0 })).toBe('off');
  });
});
