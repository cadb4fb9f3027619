import pino from 'pino';
import { startServer, type RunningServer } from '../../api/server';
import { startTestWorker } from '../helpers/app';
import { startStack, type Stack } from './harness';

/**
 * An API stopped while a call waits on a workflow whose worker is down (as in a chaos run) stops within
 * its grace period instead of holding on for minutes; the call's work is not lost: once a worker and a
 * new API are up, the client's retry with the same Idempotency-Key finds one ticket.
 */
let stack: Stack;
let second: RunningServer | undefined;
let worker: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  stack = await startStack({ SHUTDOWN_GRACE: '1s' }, { worker: false });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await second?.stop();
  await stack?.stop();
});

test('a call stuck on a stopped worker does not hold the shutdown; its retry with the same key finds one ticket', async () => {
  const token = await stack.token('agent-alpha', 'alpha-user');
  await stack.agentOf(token);
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'idempotency-key': `shutdown-${Date.now()}-abcdef`,
  };
  const body = JSON.stringify({ categoryCode: 'technical', subject: 'دستگاه روشن نمی‌شود', body: 'از صبح امروز.' });
  // No worker polls this stack's task queue: the creation waits on its workflow.
  const stuck = fetch(`${stack.server.url}/api/tickets`, { method: 'POST', headers, body }).then(
    (res) => res.status,
    () => 'connection closed',
  );
  await new Promise((r) => setTimeout(r, 1500));
  const started = Date.now();
  await stack.server.stop();
  const seconds = (Date.now() - started) / 1000;
  expect(seconds).toBeLessThan(15); // grace 1 s; without it, until the workflow answers
  expect(await stuck).toBe('connection closed');

  // A worker and a new API on the same database and task queue: the client retries.
  second = await startServer({ ...stack.env, PORT: '0' }, pino({ level: 'silent' }));
  worker = await startTestWorker(stack.env.TEMPORAL_ADDRESS!, stack.taskQueue, second.db, second.config.realms);
  const retry = await fetch(`${second.url}/api/tickets`, { method: 'POST', headers, body });
  expect(retry.status).toBe(201);
  const created = (await retry.json()) as { id: string };
  const again = await fetch(`${second.url}/api/tickets`, { method: 'POST', headers, body });
  expect(((await again.json()) as { id: string }).id).toBe(created.id);
  const mine = (await (await fetch(`${second.url}/api/tickets?view=mine`, { headers })).json()) as { items: { id: string }[] };
  expect(mine.items.map((t) => t.id)).toEqual([created.id]);
}, 120_000);
