import pino from 'pino';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { Database } from '../../db';
import { ensureAgent, type AgentSeed } from '../../db/seed';
import type { RealmProvisioningConfig } from '../../api/lib/config';
import { createKartablWorker } from '../../worker/worker';

/** The agents whose realms the test world provisions (the broker is seeded by the API itself). */
export const TEST_AGENTS: AgentSeed[] = [
  { code: 'alpha', realm: 'agent-alpha', nameFa: 'نمایندگی آلفا', nameEn: 'Alpha agency', parentCode: 'broker' },
  { code: 'beta', realm: 'agent-beta', nameFa: 'نمایندگی بتا', nameEn: 'Beta agency', parentCode: 'broker' },
];

export async function seedTestAgents(db: Database): Promise<void> {
  for (const agent of TEST_AGENTS) await ensureAgent(db, agent);
}

export interface TestWorker {
  /** Rejects if the worker stops with an error. */
  running: Promise<void>;
  stop(): Promise<void>;
}

/** A worker in this process, on its own task queue, writing to the API's database. */
export async function startTestWorker(
  address: string,
  taskQueue: string,
  db: Database,
  realms: RealmProvisioningConfig,
  opts: { pspCallbackBaseUrl?: string } = {},
): Promise<TestWorker> {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
  const connection = await NativeConnection.connect({ address });
  try {
    const worker = await createKartablWorker({
      connection,
      namespace: 'default',
      taskQueue,
      db,
      realms,
      logger: pino({ level: 'silent' }),
      pspCallbackBaseUrl: opts.pspCallbackBaseUrl,
    });
    const running = worker.run();
    return {
      running,
      async stop() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running.catch(() => undefined);
        await connection.close();
      },
    };
  } catch (err) {
    await connection.close();
    throw err;
  }
}
