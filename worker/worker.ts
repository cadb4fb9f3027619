import type { Logger } from 'pino';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { AgentActivityDeps } from '../activities/agents';
import type { Database } from '../db';
import { createTicketRepository } from '../db/repositories/tickets';
import { createDefaultAdapterRegistry } from '../activities/psp/registry';
import { PspRateLimiter } from '../activities/psp/rate-limit';
import type { StockPort } from '../activities/requests';
import { createStockRepository } from '../db/repositories/stock';

export interface KartablWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Database;
  /** Keycloak admin, credentials key and portal URLs for agent realm provisioning. */
  realms: AgentActivityDeps['realms'];
  /** Prebundled workflow code for production; otherwise the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** The device stock the request workflows move serials in (db/repositories/stock.ts). */
  stock?: StockPort;
  /** Where PSP calls are logged (pino; default: info to stdout). */
  logger?: Logger;
  /** Calls per second to each PSP from this worker (default 20; 0 = unlimited). */
  pspRateLimitPerSecond?: number;
  /** PSP_CALLBACK_BASE_URL: where REST PSPs POST their verdicts (the API). */
  pspCallbackBaseUrl?: string;
  /** Per-call timeout of the PSP adapters, ms (default: the adapters' 15 s). */
  pspTimeoutMs?: number;
}

export async function createKartablWorker(o: KartablWorkerOptions): Promise<Worker> {
  const psp = {
    db: o.db,
    credentialsKey: o.realms.credentialsKey,
    adapters: createDefaultAdapterRegistry({
      callbackBaseUrl: o.pspCallbackBaseUrl,
      rest: { timeoutMs: o.pspTimeoutMs },
      soap: { timeoutMs: o.pspTimeoutMs },
    }),
    logger: o.logger,
    // One limiter for every PSP caller of this worker (PSP, request and terminal-sync activities).
    limiter: new PspRateLimiter(o.pspRateLimitPerSecond ?? 20),
  };
  const activities = createActivities({
    readModel: createTicketRepository(o.db),
    agents: { db: o.db, realms: o.realms },
    psp,
    requests: { db: o.db, psp, stock: o.stock ?? createStockRepository(o.db) },
    terminalSync: { db: o.db, psp },
  });
  const workflowSource: Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle'> = o.workflowBundlePath
    ? { workflowBundle: { codePath: o.workflowBundlePath } }
    : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    activities,
    ...workflowSource,
  });
}
