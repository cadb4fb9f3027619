/**
 * Request throughput: N install requests through the API (created, approved in bulk at the agency and
 * at the broker, registered at PSP-A with a fixed latency, confirmed by the technician, device bound at
 * the PSP) to an active terminal; then a bare workflow of the same shape on the same dev server.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { requestWorkflowId } from '../workflows/requests/definitions';
import { actUpdate, type BaselineShape, type baselineWorkflow } from './baseline/workflows';
import { driveOnce, finalCount, newStats, statesOf } from './lib/drive';
import { createMerchant, killChild, log, percentile, pool, sleep, spawnChild, startWorld, stockUp } from './lib/world';
import type { BenchOptions } from './run';

export interface ThroughputResult {
  count: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  states: Record<string, number>;
  /** What one install request did in Temporal (from a history), the baseline's shape. */
  shape?: BaselineShape & { signals: number; workflowTasks: number; historyEvents: number };
}

/**
 * An update whose RPC timed out on a busy server (or found it unavailable) is sent again under the same
 * update id (Temporal runs it once), as the API's callers retry with their keys.
 */
async function untilAnswered<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (err) {
      const code = (err as { cause?: { code?: number }; code?: number }).cause?.code ?? (err as { code?: number }).code;
      const busy = err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || code === 4 || code === 14;
      if (!busy || attempt >= 20) throw err;
      await sleep(Math.min(5_000, 200 * attempt));
    }
  }
}

/** At most `n` of the calls given to it run at once (the API's callers are bounded the same way). */
function limiter(n: number): <T>(call: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(call: () => Promise<T>): Promise<T> => {
    while (running >= n) await new Promise<void>((r) => waiting.push(r));
    running += 1;
    try {
      return await call();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

export async function requestThroughput(
  o: BenchOptions,
  versions: Record<string, string>,
): Promise<{ ours: ThroughputResult; baseline: ThroughputResult & { description: string } }> {
  const world = await startWorld({ dialect: 'sqlite', sim: { verdictDelayMs: 200 } });
  Object.assign(versions, world.versions);
  try {
    const n = o.requests;
    await stockUp(world, n, 'TPUT');
    const merchants = await pool(
      Array.from({ length: n }, (_, i) => i),
      4,
      (i) => createMerchant(world, i + 1),
    );
    for (const operation of ['register', 'defineDevice'] as const)
      world.sim.control.setFault(operation, { latencyMs: o.pspLatencyMs });
    const worker = world.startWorker();
    while (worker.readyMs === null) await sleep(200);
    log(`throughput: ${n} merchants and serials ready, worker up; go`);

    const started = Date.now();
    const startOf = new Map<string, number>();
    const create = pool(merchants, 8, async (m) => {
      const t = Date.now();
      const body = (await world.ok('alpha-user', 'POST', '/api/requests', {
        type: 'install',
        pspCode: 'psp-a',
        submit: true,
        payload: { ...m, deviceModel: 'pax-s90' },
      })) as { id: string };
      startOf.set(body.id, t);
    });
    const stats = newStats();
    let creating = true;
    void create.finally(() => (creating = false));
    const deadline = started + Math.max(300_000, n * 1500);
    let states: Record<string, number> = {};
    for (;;) {
      await driveOnce(world, stats, { batch: 200, concurrency: 8 });
      states = await statesOf(world, [...startOf.keys()]);
      if (!creating && finalCount(states) === n) break;
      if (Date.now() > deadline) {
        log(`throughput: deadline with ${JSON.stringify(states)}`);
        break;
      }
      await sleep(200);
    }
    await create;
    const rows = await world.db.models.Request.findAll({ attributes: ['id', 'state', 'closedAt'], raw: true });
    const e2e = rows
      .filter((r) => r.state === 'done' && r.closedAt && startOf.has(r.id))
      .map((r) => new Date(r.closedAt!).getTime() - startOf.get(r.id)!)
      .sort((a, b) => a - b);
    const lastClosed = Math.max(...rows.filter((r) => r.closedAt).map((r) => new Date(r.closedAt!).getTime()));
    const seconds = (lastClosed - started) / 1000;
    const shape = await shapeOf(world.temporalAddress, rows.find((r) => r.state === 'done')!.id);
    log(`throughput: ${e2e.length}/${n} done in ${seconds.toFixed(1)} s; shape ${JSON.stringify(shape)}`);
    const ours = {
      count: e2e.length,
      seconds,
      perSecond: e2e.length / seconds,
      p50Ms: percentile(e2e, 50),
      p95Ms: percentile(e2e, 95),
      states,
      shape,
    };
    await world.killWorker();
    return { ours, baseline: await baselineThroughput(o, shape, world.temporalAddress) };
  } finally {
    await world.stop();
  }
}

/** Activities, updates, timers and signals of one request's history. */
async function shapeOf(address: string, requestId: string): Promise<NonNullable<ThroughputResult['shape']>> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const history = await client.workflow.getHandle(requestWorkflowId(requestId)).fetchHistory();
    const events = history.events ?? [];
    const count = (key: string) => events.filter((e) => (e as Record<string, unknown>)[key] != null).length;
    return {
      activities: count('activityTaskScheduledEventAttributes'),
      // The start is an update-with-start; the client sends the others one by one.
      updates: Math.max(0, count('workflowExecutionUpdateAcceptedEventAttributes') - 1),
      timers: count('timerStartedEventAttributes'),
      timerMs: 1,
      signals: count('workflowExecutionSignaledEventAttributes'),
      workflowTasks: count('workflowTaskCompletedEventAttributes'),
      historyEvents: events.length,
    };
  } finally {
    await connection.close();
  }
}

/** The bare workflow: same activities, updates and timers, no work, driven the same way (all in flight). */
export async function baselineThroughput(
  o: BenchOptions,
  shape: BaselineShape,
  address: string,
): Promise<ThroughputResult & { description: string }> {
  const taskQueue = `bench-baseline-${randomUUID().slice(0, 8)}`;
  const worker = spawnChild(
    'baseline-worker',
    'bench/baseline/worker.ts',
    {
      ...process.env,
      TEMPORAL_ADDRESS: address,
      BENCH_TASK_QUEUE: taskQueue,
    },
    false,
    /polling/,
  );
  const connection = await Connection.connect({ address });
  try {
    while (worker.readyMs === null) {
      if (worker.proc.exitCode !== null) throw new Error(`baseline worker exited: ${worker.log.join('\n')}`);
      await sleep(200);
    }
    const client = new Client({ connection });
    const started = Date.now();
    const e2e: number[] = [];
    // Started by 8 clients, as ours are created; then every workflow is in flight at once, as ours are.
    const inFlight: Promise<void>[] = [];
    const failures: unknown[] = [];
    // Update calls wait until the workflow has run them: 2,000 at once time out on the dev server, so
    // they are sent 64 at a time, as the API sends a bulk action's items.
    const rpc = limiter(64);
    await pool(
      Array.from({ length: o.requests }, (_, i) => i),
      8,
      async (i) => {
        const t = Date.now();
        const workflowId = `baseline-${taskQueue}-${i}`;
        await untilAnswered(() =>
          client.workflow.executeUpdateWithStart(actUpdate, {
            args: [0],
            updateId: 'u0',
            startWorkflowOperation: new WithStartWorkflowOperation<typeof baselineWorkflow>('baselineWorkflow', {
              workflowId,
              taskQueue,
              args: [shape],
              workflowIdConflictPolicy: 'USE_EXISTING',
            }),
          }),
        );
        const handle = client.workflow.getHandle<typeof baselineWorkflow>(workflowId);
        inFlight.push(
          (async () => {
            for (let k = 1; k <= shape.updates; k += 1)
              await untilAnswered(() => rpc(() => handle.executeUpdate(actUpdate, { args: [k], updateId: `u${k}` })));
            await untilAnswered(() => handle.result());
            e2e.push(Date.now() - t);
          })().catch((err: unknown) => {
            failures.push(err);
          }),
        );
      },
    );
    await Promise.all(inFlight);
    if (failures.length) throw new Error(`baseline: ${failures.length} workflows failed; first: ${String(failures[0])}`);
    const seconds = (Date.now() - started) / 1000;
    e2e.sort((a, b) => a - b);
    log(`baseline: ${o.requests} workflows in ${seconds.toFixed(1)} s`);
    return {
      count: o.requests,
      seconds,
      perSecond: o.requests / seconds,
      p50Ms: percentile(e2e, 50),
      p95Ms: percentile(e2e, 95),
      states: { done: o.requests },
      description: `${shape.activities} activities, ${shape.updates} updates + update-with-start, ${shape.timers} timers of ${shape.timerMs} ms`,
    };
  } finally {
    await connection.close();
    await killChild(worker, 'SIGTERM');
  }
}
