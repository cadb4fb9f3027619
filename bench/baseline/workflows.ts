/**
 * The baseline of the request-throughput benchmark: a workflow with the same number of activities,
 * updates and timers as an install request, doing no work (registered only in the bench worker).
 */
import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

export interface BaselineShape {
  activities: number;
  /** Updates the client sends after the start (each waits for its "task" to open, as our actions do). */
  updates: number;
  timers: number;
  timerMs: number;
}

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

/** Acts on "task" n: waits until it is open, then lets the workflow go on. */
export const actUpdate = defineUpdate<number, [number]>('act');

export async function baselineWorkflow(shape: BaselineShape): Promise<number> {
  let opened = 0;
  let acted = 0;
  setHandler(actUpdate, async (n: number) => {
    await condition(() => opened >= n);
    acted = Math.max(acted, n);
    return acted;
  });
  const phases = shape.updates + 1;
  const share = (total: number, p: number) => Math.floor((total * (p + 1)) / phases) - Math.floor((total * p) / phases);
  for (let p = 0; p < phases; p += 1) {
    for (let i = 0; i < share(shape.activities, p); i += 1) await noop();
    for (let i = 0; i < share(shape.timers, p); i += 1) await sleep(shape.timerMs);
    if (p < shape.updates) {
      opened = p + 1;
      await condition(() => acted >= p + 1);
    }
  }
  return acted;
}
