/** The worker process: runs workflows and activities of the `kartabl` task queue. */
import 'dotenv/config';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { dbConfigFromEnv, openDatabase } from '../db';
import { loadConfig } from '../api/lib/config';
import { withPatience } from '../api/lib/patience';
import { createKartablWorker } from './worker';
import { ensureTerminalSyncSchedule } from './schedules';

async function main(): Promise<void> {
  // The same variables as the API (Temporal, Keycloak admin, CREDENTIALS_KEY, PORTAL_URL), checked the same way.
  const { realms, pspRateLimitPerSecond, pspCallbackBaseUrl, terminalSyncIntervalMs, temporal } = loadConfig(process.env);
  const { address, namespace, taskQueue } = temporal;
  const db = await openDatabase(dbConfigFromEnv());
  // Temporal may be restarting or still coming up: keep trying for TEMPORAL_CONNECT_PATIENCE.
  const connection = await withPatience(`Temporal at ${address}`, () => NativeConnection.connect({ address }), {
    patienceMs: temporal.connectPatienceMs,
    onRetry: ({ what, why, nextInMs }) => console.warn(`worker: ${what} not reachable (${why}); again in ${nextInMs} ms`),
  });
  const worker = await createKartablWorker({
    connection,
    namespace,
    taskQueue,
    db,
    realms,
    pspRateLimitPerSecond,
    pspCallbackBaseUrl,
    workflowBundlePath: process.env.WORKFLOW_BUNDLE_PATH,
    pspTimeoutMs: Number(process.env.PSP_HTTP_TIMEOUT_MS) || undefined,
  });
  // The terminal status sync's schedule (TERMINAL_SYNC_INTERVAL), put in place by every worker start
  // (through the worker's own connection). It does not hold up polling: a failure is told and tried
  // again while the worker runs (pauses doubling up to a minute), until it works or the worker stops.
  const stopSchedule = new AbortController();
  withPatience(
    'terminal sync schedule',
    () => ensureTerminalSyncSchedule(new Client({ connection, namespace }), { taskQueue, intervalMs: terminalSyncIntervalMs }),
    {
      patienceMs: Number.POSITIVE_INFINITY,
      firstDelayMs: 2_000,
      maxDelayMs: 60_000,
      signal: stopSchedule.signal,
      onRetry: ({ why, nextInMs }) => console.warn(`worker: terminal sync schedule not set (${why}); again in ${nextInMs} ms`),
    },
  ).then(
    (state) => console.log(`worker: terminal sync schedule ${state} (every ${terminalSyncIntervalMs} ms; 0 = off)`),
    () => undefined, // stopped with the worker
  );
  console.log(`worker: polling task queue "${taskQueue}" on ${address} (namespace ${namespace}, db ${db.dialect})`);
  // Worker.run() shuts down gracefully on SIGINT/SIGTERM.
  await worker.run();
  stopSchedule.abort();
  await connection.close();
  await db.close();
  console.log('worker: stopped');
}

main().catch((err: unknown) => {
  console.error('worker: fatal', err);
  process.exit(1);
});
