import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ensureTemporalCli } from '../../infra/setup/ensure';

let runtimeInstalled = false;

/**
 * A local Temporal test server (the project's Temporal CLI) and a worker of every workflow on
 * `taskQueue` with the given (mocked) activities, running until `stop()`.
 */
export async function startWorkflowTestEnv(
  activities: object,
  taskQueue: string,
): Promise<{ env: TestWorkflowEnvironment; stop: () => Promise<void> }> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: await ensureTemporalCli() }, ip: '127.0.0.1' },
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities,
  });
  const running = worker.run();
  return {
    env,
    stop: async () => {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
