import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '../../infra/dev/process';
import { startTemporal, type RunningTemporal } from '../../infra/dev/services';

/**
 * A worker started while Temporal is not answering (a dev server being restarted, a cluster coming up)
 * waits for it, telling why, and polls once it is there: it does not exit and leave requests without
 * a worker (the chaos run found this: a worker restarted during the Temporal restart died).
 */
const ROOT = repoRoot();
let dir: string;
let temporal: RunningTemporal | undefined;
let worker: ChildProcess | undefined;

afterAll(async () => {
  if (worker?.pid && worker.exitCode === null) process.kill(-worker.pid, 'SIGKILL');
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a worker started before Temporal answers waits for it and then polls', async () => {
  dir = mkdtempSync(join(tmpdir(), 'kartabl-worker-start-'));
  const port = await freePort();
  const lines: string[] = [];
  worker = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DB_DIALECT: 'sqlite',
      DB_STORAGE: join(dir, 'kartabl.sqlite'),
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      TEMPORAL_TASK_QUEUE: `startup-${port}`,
      TEMPORAL_CONNECT_PATIENCE: '2m',
      TERMINAL_SYNC_INTERVAL: 'off',
    },
  });
  const exited = new Promise<number | null>((r) => worker?.once('exit', (code) => r(code)));
  for (const s of [worker.stdout, worker.stderr]) s?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n')));
  const seen = async (re: RegExp, ms: number, what: string): Promise<void> => {
    const until = Date.now() + ms;
    while (!lines.some((l) => re.test(l))) {
      if (worker?.exitCode !== null)
        throw new Error(`the worker exited (${String(worker?.exitCode)}) before ${what}:\n${lines.join('\n')}`);
      if (Date.now() > until) throw new Error(`no ${what} within ${ms} ms:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // Nothing listens on the port yet: the worker says so and keeps trying.
  await seen(/worker: Temporal at 127\.0\.0\.1:\d+ not reachable .*again in \d+ ms/, 60_000, 'retry notice');
  await new Promise((r) => setTimeout(r, 2000));
  expect(worker.exitCode).toBeNull();

  temporal = await startTemporal({ port, logFile: join(dir, 'temporal.log') });
  await seen(/worker: polling task queue "startup-\d+"/, 90_000, 'polling');
  expect(lines.some((l) => /worker: fatal/.test(l))).toBe(false);

  process.kill(-worker.pid!, 'SIGTERM');
  expect(await exited).toBe(0);
}, 180_000);
