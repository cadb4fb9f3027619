/** The worker process: runs workflows and activities of the `kartabl` task queue. */
import 'dotenv/config';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { dbConfigFromEnv, openDatabase } from '../db';
import { loadConfig } from '../api/lib/config';
import { createKartablWorker } from './worker';
import { ensureTerminalSyncSchedule } from './schedules';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const taskQueue = process.env.TEMPORAL_TASK_QUEUE ?? 'kartabl';
  // The same variables as the API (Keycloak admin, CREDENTIALS_KEY, PORTAL_URL), checked the same way.
  const { realms, pspRateLimitPerSecond, pspCallbackBaseUrl, terminalSyncIntervalMs } = loadConfig(process.env);
  const db = await openDatabase(dbConfigFromEnv());
  const connection = await NativeConnection.connect({ address });
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
  // (through the worker's own connection).
  const state = await ensureTerminalSyncSchedule(new Client({ connection, namespace }), {
    taskQueue,
    intervalMs: terminalSyncIntervalMs,
  });
  console.log(`worker: terminal sync schedule ${state} (every ${terminalSyncIntervalMs} ms; 0 = off)`);
  console.log(`worker: polling task queue "${taskQueue}" on ${address} (namespace ${namespace}, db ${db.dialect})`);
  // Worker.run() shuts down gracefully on SIGINT/SIGTERM.
  await worker.run();
  await connection.close();
  await db.close();
  console.log('worker: stopped');
}

main().catch((err: unknown) => {
  console.error('worker: fatal', err);
  process.exit(1);
});
