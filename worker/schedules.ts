/**
 * Temporal Schedules the worker keeps in place when it starts (idempotent: created when missing,
 * brought in line with the configuration when present, deleted when switched off).
 */
import { type Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import {
  TERMINAL_SYNC_SCHEDULE_ID,
  TERMINAL_SYNC_WORKFLOW_ID,
  TERMINAL_SYNC_WORKFLOW_TYPE,
  type TerminalSyncInput,
} from '../workflows/terminals/definitions';

export type ScheduleState = 'created' | 'updated' | 'deleted' | 'off';

/**
 * The terminal status sync every `intervalMs` (TERMINAL_SYNC_INTERVAL; 0 = off). A run still going
 * when the next is due is not doubled (overlap SKIP); runs missed while Temporal was down are not
 * caught up beyond one interval.
 */
export async function ensureTerminalSyncSchedule(
  client: Client,
  o: { taskQueue: string; intervalMs: number; scheduleId?: string },
): Promise<ScheduleState> {
  const scheduleId = o.scheduleId ?? TERMINAL_SYNC_SCHEDULE_ID;
  const handle = client.schedule.getHandle(scheduleId);
  if (!(o.intervalMs > 0)) {
    try {
      await handle.delete();
      return 'deleted';
    } catch (err) {
      if (err instanceof ScheduleNotFoundError) return 'off';
      throw err;
    }
  }
  const spec = { intervals: [{ every: o.intervalMs }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: TERMINAL_SYNC_WORKFLOW_TYPE,
    workflowId: TERMINAL_SYNC_WORKFLOW_ID,
    taskQueue: o.taskQueue,
    args: [{} satisfies TerminalSyncInput],
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: Math.max(60_000, o.intervalMs) };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies, memo: { purpose: 'Shaparak terminal status sync' } });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await handle.update((prev) => ({ ...prev, spec, action, policies: { ...prev.policies, ...policies } }));
  return 'updated';
}
