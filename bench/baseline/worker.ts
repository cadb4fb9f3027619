/** The bench worker: only the baseline workflow and its no-op activity, on BENCH_TASK_QUEUE. */
import { NativeConnection, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: process.env.BENCH_TASK_QUEUE ?? 'bench-baseline',
    workflowsPath: require.resolve('./workflows'),
    activities: { noop: () => Promise.resolve() },
  });
  console.log('baseline worker: polling task queue');
  await worker.run();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
