import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeNationalCode, makeSheba } from '../../domain/iran';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import { seedDemoPsps } from '../../db/seed';
import { startStack, type Stack } from './harness';

/**
 * Accepted work is never lost: the worker runs in its own process and is killed with SIGKILL while
 * the PSP is still processing the registration. After a restart the request carries on, and the
 * simulator registered it once (the retry is recorded as a duplicate of the same body).
 */
let stack: Stack;
let sim: RunningPspSimulator;
let dir: string;
let worker: ChildProcess | null = null;
let workerLog = '';
const tok: Record<string, string> = {};

function startWorker(): ChildProcess {
  const root = path.join(__dirname, '../..');
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'worker/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      ...stack.env,
      TEMPORAL_ADDRESS: process.env.KARTABL_TEST_TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: SIGKILL reaches node itself, not only the tsx wrapper.
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => (workerLog += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (workerLog += d.toString()));
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}\n--- worker log ---\n${workerLog.slice(-3000)}`);
}

async function api(who: string, method: string, url: string, body?: unknown) {
  const res = await stack.call(method, url, { token: tok[who], body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-crash-'));
  sim = await startPspSimulator({ psp: 'a', port: 0, dataDir: dir, settings: { verdictDelayMs: 200 } });
  stack = await startStack({ REQUEST_PSP_POLL_INTERVAL: '300ms', REQUEST_PSP_POLL_MAX: '1s' }, { worker: false });
  Object.assign(
    tok,
    await stack.signIn([
      ['kartabl', 'broker-admin'],
      ['agent-alpha', 'alpha-admin'],
      ['agent-alpha', 'alpha-user'],
    ]),
  );
  await seedDemoPsps(stack.server.db, { pspAUrl: sim.url, credentialsKey: stack.server.config.realms.credentialsKey });
  worker = startWorker();
});

afterAll(async () => {
  if (worker?.pid && worker.exitCode === null) process.kill(-worker.pid, 'SIGKILL');
  await stack?.stop();
  await sim?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('when the worker is SIGKILLed during the PSP registration, the restarted worker finishes it without a second registration', async () => {
  const m = await api('alpha-user', 'POST', '/api/merchants', {
    kind: 'natural',
    nationalCode: makeNationalCode('334450001'),
    firstNameFa: 'حمید',
    lastNameFa: 'رستمی',
    firstNameEn: 'Hamid',
    lastNameEn: 'Rostami',
    fatherNameFa: 'علی',
    birthDate: '1365/01/20',
    mobile: '09351234567',
    addresses: [{ addressFa: 'شیراز، خیابان زند، پلاک ۳', addressEn: 'No. 3, Zand St, Shiraz', postalCode: '7134567891' }],
    shops: [
      {
        nameFa: 'کتاب‌فروشی رستمی',
        nameEn: 'Rostami Books',
        guildCode: 'supermarket',
        addressFa: 'شیراز، خیابان زند، پلاک ۳',
        addressEn: 'No. 3, Zand St, Shiraz',
        postalCode: '7134567891',
      },
    ],
    accounts: [{ sheba: makeSheba('012', 7770001), ownerNameFa: 'حمید رستمی', isPrimary: true }],
  });
  const created = await api('alpha-user', 'POST', '/api/requests', {
    type: 'install',
    pspCode: 'psp-a',
    submit: true,
    payload: { merchantId: m.id, shopId: m.shops[0].id, accountId: m.accounts[0].id, deviceModel: 'pax-s90' },
  });
  const id = created.id as string;
  const approve = async (who: string, kind: string) => {
    const r = await until(`${kind} task`, async () => {
      const x = await api(who, 'GET', `/api/requests/${id}`);
      return x.openTask?.kind === kind ? x : undefined;
    });
    await api(who, 'POST', `/api/requests/${id}/actions`, { action: 'approve', taskId: r.openTask.id });
  };
  // The registration will take 4 s at the PSP: long enough to kill the worker in the middle of it.
  await fetch(`${sim.url}/_control/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation: 'register', latencyMs: 4000, times: 1 }),
  });
  await approve('alpha-admin', 'review');
  await approve('broker-admin', 'approve');

  // The fault is taken when the call arrives: the worker is now waiting for the PSP's answer.
  await until('the registration call to arrive at the PSP', async () => {
    const faults = (await (await fetch(`${sim.url}/_control/faults`)).json()) as Record<string, unknown>;
    return Object.keys(faults).length === 0 ? true : undefined;
  });
  const exited = new Promise((r) => worker!.once('exit', r));
  process.kill(-worker!.pid!, 'SIGKILL');
  await exited;
  worker = startWorker();

  const done = await until(
    'the PSP verdict after the restart',
    async () => {
      const x = await api('alpha-user', 'GET', `/api/requests/${id}`);
      return x.psp?.verdict === 'approved' ? x : undefined;
    },
    150_000,
  );
  expect(done.psp.trackingCode).toBeTruthy();

  const key = `${id}-0`;
  const requests = (await (await fetch(`${sim.url}/_control/requests`)).json()) as { clientRequestId: string }[];
  expect(requests.filter((r) => r.clientRequestId === key)).toHaveLength(1);
  const duplicates = (await (await fetch(`${sim.url}/_control/duplicates`)).json()) as {
    clientRequestId: string;
    sameBody: boolean;
  }[];
  const ours = duplicates.filter((d) => d.clientRequestId === key);
  expect(ours.length).toBeGreaterThanOrEqual(1); // the retry after the crash…
  expect(ours.every((d) => d.sameBody)).toBe(true); // …was the same submission, answered from the first one
});
