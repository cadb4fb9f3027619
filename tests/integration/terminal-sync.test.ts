import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import { SYSTEM_ACTOR } from '../../db/audit';
import { createStockRepository } from '../../db/repositories/stock';
import { seedDemoPsps } from '../../db/seed';
import { naturalMerchantBody } from '../helpers/merchants';
import { makeTechnician } from '../helpers/people';
import { startStack, type Stack } from './harness';

/**
 * The terminal status sync (SPEC R-SHAPARAK) through the real API, Temporal, Keycloak, database and
 * both PSP simulators: Shaparak deactivates terminals at the PSPs; an operator runs the sync; the
 * terminal without an open request shows deactivated with Shaparak's reason, the one whose request
 * is open is left to its request; a reactivation request brings the terminal back.
 */
let stack: Stack;
let simA: RunningPspSimulator;
let simB: RunningPspSimulator;
let dataDir: string;
const tok: Record<string, string> = {};

type Body = Record<string, unknown>;

const call = (who: string, method: string, url: string, body?: unknown) => stack.call(method, url, { token: tok[who], body });

async function ok(who: string, method: string, url: string, body?: unknown, status = 200) {
  const res = await call(who, method, url, body);
  if (res.status !== status) throw new Error(`${method} ${url} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 240; i += 1) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`never reached: ${what}; last ${JSON.stringify(last)}`);
}

const request = (id: string) => ok('alpha-user', 'GET', `/api/requests/${id}`) as Promise<Body>;
const openTask = (r: Body) => r.openTask as { id: string; kind: string } | null;
const waitState = (id: string, state: string) =>
  until(
    `request ${state}`,
    () => request(id),
    (r) => r.state === state,
  );
const waitTask = (who: string, id: string, kind: string) =>
  until(
    `${kind} task`,
    () => ok(who, 'GET', `/api/requests/${id}`) as Promise<Body>,
    (r) => openTask(r)?.kind === kind,
  );

async function act(who: string, id: string, action: string, extra: Body = {}) {
  const r = (await ok(who, 'GET', `/api/requests/${id}`)) as Body;
  return ok(who, 'POST', `/api/requests/${id}/actions`, { action, taskId: openTask(r)!.id, ...extra });
}

async function submit(pspCode: string, type: string, payload: Body): Promise<string> {
  return ((await ok('alpha-user', 'POST', '/api/requests', { type, pspCode, submit: true, payload }, 201)) as Body).id as string;
}

async function approveAll(id: string) {
  await waitTask('alpha-admin', id, 'review');
  await act('alpha-admin', id, 'approve');
  await waitTask('broker-admin', id, 'approve');
  await act('broker-admin', id, 'approve');
}

let seed = 0;
/** A merchant, installed at `pspCode` to an active terminal: its Kartabl and PSP ids. */
async function installed(pspCode: string): Promise<{ terminalId: string; pspTerminalId: string }> {
  seed += 1;
  const m = (await ok('alpha-user', 'POST', '/api/merchants', naturalMerchantBody(seed, { base: 334560000 }), 201)) as {
    id: string;
    shops: { id: string }[];
    accounts: { id: string }[];
  };
  const id = await submit(pspCode, 'install', {
    merchantId: m.id,
    shopId: m.shops[0].id,
    accountId: m.accounts[0].id,
    deviceModel: 'pax-s90',
  });
  await approveAll(id);
  await waitTask('alpha-user2', id, 'install');
  await act('alpha-user2', id, 'confirm-install');
  const r = await waitState(id, 'done');
  const t = (await ok('alpha-user', 'GET', `/api/terminals/${String(r.terminalId)}`)) as Body;
  expect(t.state).toBe('active');
  return { terminalId: t.id as string, pspTerminalId: t.pspTerminalId as string };
}

const deactivateAt = async (sim: RunningPspSimulator, terminalId: string, reason: string) => {
  const res = await fetch(`${sim.url}/_control/deactivate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ terminalId, reason }),
  });
  expect(res.status).toBe(200);
};

/** Starts the sync as an operator and waits for its counts in the audit log. */
async function sync(): Promise<Record<string, number>> {
  const started = (await ok('broker-admin', 'POST', '/api/terminals/sync', {}, 202)) as { workflowId: string };
  expect(started.workflowId).toMatch(/^terminal-sync-manual-/);
  const page = await until(
    'the sync recorded its counts',
    () => ok('auditor', 'GET', `/api/audit?entityType=terminal-sync&action=sync&entityId=${started.workflowId}`),
    (b) => (b as { items: unknown[] }).items.length === 1,
  );
  return (page as { items: { after: Record<string, number> }[] }).items[0].after;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-sync-'));
  simA = await startPspSimulator({ psp: 'a', port: 0, dataDir: path.join(dataDir, 'a'), settings: { verdictDelayMs: 200 } });
  simB = await startPspSimulator({ psp: 'b', port: 0, dataDir: path.join(dataDir, 'b'), settings: { verdictDelayMs: 200 } });
  stack = await startStack({ REQUEST_PSP_POLL_INTERVAL: '300ms', REQUEST_PSP_POLL_MAX: '1s' });
  Object.assign(
    tok,
    await stack.signIn([
      ['kartabl', 'broker-admin'],
      ['kartabl', 'auditor'],
      ['agent-alpha', 'alpha-admin'],
      ['agent-alpha', 'alpha-user'],
      ['agent-alpha', 'alpha-user2'],
    ]),
  );
  await seedDemoPsps(stack.server.db, {
    pspAUrl: simA.url,
    pspBUrl: simB.url,
    credentialsKey: stack.server.config.realms.credentialsKey,
  });
  await makeTechnician(stack.server.db, 'alpha-user2', (method, url, body) => ok('alpha-admin', method, url, body));
  const stock = createStockRepository(stack.server.db);
  const doc = await stock.createEntry({
    warehouse: await stock.warehouseOfAgent(await stack.agentId('alpha')),
    lines: ['SYNC-S90-0001', 'SYNC-S90-0002', 'SYNC-S90-0003'].map((serial, i) => ({
      line: i + 1,
      serial,
      deviceModel: 'pax-s90',
    })),
    actor: SYSTEM_ACTOR,
  });
  expect((await stock.importEntry(doc.id)).status).toBe('done');
});

afterAll(async () => {
  await stack?.stop();
  await simA?.stop();
  await simB?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('terminal status sync', () => {
  test('Shaparak deactivates two terminals; the sync marks the free one deactivated with the reason, leaves the busy one to its request; a reactivation request brings it back', async () => {
    const a = await installed('psp-a');
    const b = await installed('psp-b');
    // b has an open request (a merchant change waiting for review): its request workflow owns it.
    const busy = await submit('psp-b', 'merchant', { terminalId: b.terminalId, changes: { shopNameFa: 'سوپرمارکت تازه' } });
    await waitTask('alpha-admin', busy, 'review');
    await deactivateAt(simA, a.pspTerminalId, 'نداشتن پرونده مالیاتی');
    await deactivateAt(simB, b.pspTerminalId, 'کد ملی نامعتبر');

    // Only the main broker's operators may run it.
    expect((await call('alpha-admin', 'POST', '/api/terminals/sync', {})).status).toBe(403);
    expect(await sync()).toEqual({ checked: 1, deactivated: 1, reactivated: 0, skipped: 1, mismatched: 0, failed: 0, pages: 1 });

    expect(await ok('alpha-user', 'GET', `/api/terminals/${a.terminalId}`)).toMatchObject({
      state: 'deactivated',
      stateReason: 'نداشتن پرونده مالیاتی',
    });
    expect(await ok('alpha-user', 'GET', `/api/terminals/${b.terminalId}`)).toMatchObject({ state: 'active', stateReason: null });
    const deactivated = (await ok('alpha-user', 'GET', '/api/terminals?state=deactivated')) as { items: { id: string }[] };
    expect(deactivated.items.map((t) => t.id)).toEqual([a.terminalId]);
    // The change is in the terminal's audit history, by the system, naming the sync.
    const history = (await ok('auditor', 'GET', `/api/audit?entityType=terminal&entityId=${a.terminalId}`)) as {
      items: { action: string; actor: { name: string }; before: Body; after: Body }[];
    };
    const change = history.items.find((e) => e.after.state === 'deactivated');
    expect(change).toMatchObject({ action: 'update', actor: { name: 'system' }, before: { state: 'active' } });
    expect(String(change?.after.bySync)).toMatch(/^terminal-sync-manual-/);

    // A second run changes nothing for a; b is still busy.
    expect(await sync()).toMatchObject({ checked: 1, deactivated: 0, skipped: 1, failed: 0 });

    // The merchant fixes the problem: a reactivation request brings the terminal back.
    const reactivation = await submit('psp-a', 'reactivate', { terminalId: a.terminalId, note: 'پرونده مالیاتی تشکیل شد' });
    await approveAll(reactivation);
    await waitState(reactivation, 'done');
    expect(await ok('alpha-user', 'GET', `/api/terminals/${a.terminalId}`)).toMatchObject({ state: 'active', stateReason: null });

    // Once b's request is closed, the next sync applies Shaparak's deactivation to it too.
    await act('alpha-user', busy, 'cancel');
    await waitState(busy, 'cancelled');
    expect(await sync()).toMatchObject({ checked: 2, deactivated: 1, skipped: 0, failed: 0 });
    expect(await ok('alpha-user', 'GET', `/api/terminals/${b.terminalId}`)).toMatchObject({
      state: 'deactivated',
      stateReason: 'کد ملی نامعتبر',
    });
  });

  test('a PSP that fails for a terminal is counted, the run goes on', async () => {
    await fetch(`${simB.url}/_control/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'terminal', failure: 'error', status: 503 }),
    });
    try {
      // b (deactivated) is asked at PSP-B, which is down; a (active) at PSP-A answers.
      expect(await sync()).toMatchObject({ checked: 1, failed: 1, deactivated: 0, reactivated: 0 });
    } finally {
      await fetch(`${simB.url}/_control/faults`, { method: 'DELETE' });
    }
  });
});
