import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeNationalCode } from '../../domain/iran';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import { SYSTEM_ACTOR } from '../../db/audit';
import { createStockRepository } from '../../db/repositories/stock';
import { seedDemoPsps } from '../../db/seed';
import { naturalMerchantBody } from '../helpers/merchants';
import { makeTechnician } from '../helpers/people';
import { startStack, type Stack } from './harness';

/**
 * Requests through the real API, Temporal, Keycloak, database and the PSP simulators: the install
 * story from submission to an active terminal, the other request types on that terminal, the inbox
 * (views, counts, bulk, CSV, saved filters), refusals, scope and the audit chain.
 */
let stack: Stack;
let simA: RunningPspSimulator;
let simB: RunningPspSimulator;
let dataDir: string;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

type Body = Record<string, unknown>;

async function call(who: string, method: string, url: string, body?: unknown) {
  return stack.call(method, url, { token: tok[who], body });
}

async function ok(who: string, method: string, url: string, body?: unknown, status = 200) {
  const res = await call(who, method, url, body);
  if (res.status !== status) throw new Error(`${method} ${url} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls the request until `until` holds (the workflow works asynchronously). */
async function waitFor(who: string, id: string, until: (r: Body) => boolean, what: string): Promise<Body> {
  let last: Body = {};
  for (let i = 0; i < 240; i += 1) {
    last = (await ok(who, 'GET', `/api/requests/${id}`)) as Body;
    if (until(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `request ${id} never reached: ${what}; last state ${String(last.state)}, open task ${JSON.stringify(last.openTask)}`,
  );
}

const openTaskOf = (r: Body) => r.openTask as { id: string; kind: string; agentId: string } | null;
const atTask = (kind: string) => (r: Body) => openTaskOf(r)?.kind === kind;

async function act(who: string, id: string, action: string, extra: Body = {}) {
  const r = (await ok(who, 'GET', `/api/requests/${id}`)) as Body;
  const task = openTaskOf(r);
  if (!task) throw new Error(`no open task on ${id} (state ${String(r.state)})`);
  return call(who, 'POST', `/api/requests/${id}/actions`, { action, taskId: task.id, ...extra });
}

/** Review at alpha, approval at the broker (the credential owner of both PSPs). */
async function approveAll(id: string) {
  await waitFor('alpha-admin', id, atTask('review'), 'review');
  expect((await act('alpha-admin', id, 'approve')).status).toBe(200);
  await waitFor('broker-admin', id, atTask('approve'), 'approve');
  expect((await act('broker-admin', id, 'approve')).status).toBe(200);
}

let seed = 0;
async function merchant(): Promise<{
  merchantId: string;
  shopId: string;
  accountId: string;
  accountId2: string;
  sheba2: string;
}> {
  seed += 1;
  const body = naturalMerchantBody(seed, { base: 223450000, accounts: 2 });
  const m = (await ok('alpha-user', 'POST', '/api/merchants', body, 201)) as {
    id: string;
    shops: { id: string }[];
    accounts: { id: string; sheba: string }[];
  };
  return {
    merchantId: m.id,
    shopId: m.shops[0].id,
    accountId: m.accounts[0].id,
    accountId2: m.accounts[1].id,
    sheba2: m.accounts[1].sheba,
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-req-'));
  simA = await startPspSimulator({ psp: 'a', port: 0, dataDir: path.join(dataDir, 'a'), settings: { verdictDelayMs: 200 } });
  simB = await startPspSimulator({ psp: 'b', port: 0, dataDir: path.join(dataDir, 'b'), settings: { verdictDelayMs: 200 } });
  stack = await startStack({
    REQUEST_PSP_POLL_INTERVAL: '300ms',
    REQUEST_PSP_POLL_MAX: '1s',
    PSP_A_URL: simA.url,
    PSP_B_URL: simB.url,
  });
  Object.assign(
    tok,
    await stack.signIn([
      ['kartabl', 'broker-admin'],
      ['kartabl', 'auditor'],
      ['agent-alpha', 'alpha-admin'],
      ['agent-alpha', 'alpha-user'],
      ['agent-alpha', 'alpha-user2'],
      ['agent-beta', 'beta-admin'],
    ]),
  );
  ids.broker = await stack.agentId('broker');
  ids.alpha = await stack.agentId('alpha');
  // The seeded PSPs point at the simulators; the broker (credential owner) holds their demo account.
  await seedDemoPsps(stack.server.db, {
    pspAUrl: simA.url,
    pspBUrl: simB.url,
    credentialsKey: stack.server.config.realms.credentialsKey,
  });
  // alpha-user2 is alpha's technician.
  ids.technician = await makeTechnician(stack.server.db, 'alpha-user2', (method, url, body) =>
    ok('alpha-admin', method, url, body),
  );
  await stockUp('alpha', 'pax-s90', [
    'ALPHA-S90-0001',
    'ALPHA-S90-0002',
    'ALPHA-S90-0003',
    'ALPHA-S90-0004',
    'ALPHA-S90-0005',
    'ALPHA-S90-0006',
  ]);
});

afterAll(async () => {
  await stack?.stop();
  await simA?.stop();
  await simB?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Serials into an agent's warehouse: an entry document, imported as the stock screen does it. */
async function stockUp(agentCode: string, model: string, serials: string[]): Promise<void> {
  const stock = createStockRepository(stack.server.db);
  const warehouse = await stock.warehouseOfAgent(await stack.agentId(agentCode));
  const doc = await stock.createEntry({
    warehouse,
    lines: serials.map((serial, i) => ({ line: i + 1, serial, deviceModel: model })),
    actor: SYSTEM_ACTOR,
  });
  const done = await stock.importEntry(doc.id);
  if (done.status !== 'done') throw new Error(`stock entry ${doc.id} ended ${done.status}`);
}

describe('install request: from the submitter to an active terminal', () => {
  let requestId = '';
  let terminalId = '';

  test('submitting creates one request for one client key, visible in the reviewer’s inbox with counts', async () => {
    const m = await merchant();
    ids.account2 = m.accountId2;
    const body = {
      type: 'install',
      pspCode: 'psp-a',
      clientKey: 'install-story-0001',
      submit: true,
      payload: { ...m, deviceModel: 'pax-s90' },
    };
    delete (body.payload as Body).accountId2;
    delete (body.payload as Body).sheba2;
    const first = await call('alpha-user', 'POST', '/api/requests', body);
    expect(first.status).toBe(201);
    expect(first.body.number).toMatch(/^REQ-\d{4}-\d{6}$/);
    const again = await call('alpha-user', 'POST', '/api/requests', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    requestId = first.body.id;

    const r = await waitFor('alpha-admin', requestId, atTask('review'), 'review at alpha');
    expect(r.state).toBe('in_review');
    expect(r.chain).toEqual([
      { agentId: ids.alpha, kind: 'review' },
      { agentId: ids.broker, kind: 'approve' },
    ]);
    const inbox = await ok('alpha-admin', 'GET', '/api/inbox?view=group');
    expect(inbox.items.map((i: { request: { id: string } }) => i.request.id)).toContain(requestId);
    expect(inbox.counts.byKind.review).toBeGreaterThanOrEqual(1);
    // The submitter has no review permission: the task is not in their inbox.
    const mine = await ok('alpha-user', 'GET', '/api/inbox?view=group');
    expect(mine.items.map((i: { request: { id: string } }) => i.request.id)).not.toContain(requestId);
  });

  test('scope: another agency gets 404; the auditor sees the request read-only', async () => {
    expect((await call('beta-admin', 'GET', `/api/requests/${requestId}`)).status).toBe(404);
    expect((await act('alpha-user', requestId, 'approve')).status).toBe(403);
    const seen = await ok('auditor', 'GET', `/api/requests/${requestId}`);
    expect(seen.allowedActions).toEqual([]);
  });

  test('review, claim/release, approval, PSP registration, serial allocation → technician task', async () => {
    const claimed = await act('alpha-admin', requestId, 'claim');
    expect(claimed.status).toBe(200);
    expect(openTaskOf(claimed.body)).toMatchObject({ kind: 'review' });
    const stale = await call('alpha-admin', 'POST', `/api/requests/${requestId}/actions`, {
      action: 'approve',
      taskId: `${requestId}.t99`,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('TASK_STALE');
    await approveAll(requestId);
    const r = await waitFor('alpha-user2', requestId, atTask('install'), 'installation task');
    expect(r.state).toBe('installing');
    expect(r.serial).toMatch(/^ALPHA-S90-000\d$/);
    expect((r.psp as Body).verdict).toBe('approved');
    terminalId = r.terminalId as string;
    const t = await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`);
    expect(t.state).toBe('awaiting_device');
    expect(t.pspTerminalId).toBeTruthy();
  });

  test('the technician confirms: the PSP binds the device, the terminal is active with the serial', async () => {
    expect((await act('alpha-user2', requestId, 'confirm-install', { reason: 'نصب و آموزش انجام شد' })).status).toBe(200);
    const r = await waitFor('alpha-user', requestId, (x) => x.state === 'done', 'done');
    const types = (r.timeline as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['submitted', 'approved', 'psp_accepted', 'psp_approved', 'serial_allocated', 'installed', 'done']),
    );
    const t = await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`);
    expect(t).toMatchObject({ state: 'active', serial: r.serial });
    const sim = (await (await fetch(`${simA.url}/_control/terminals`)).json()) as {
      terminalId: string;
      status: string;
      serial: string;
    }[];
    expect(sim.find((x) => x.terminalId === t.pspTerminalId)).toMatchObject({ serial: r.serial });
    const dups = (await (await fetch(`${simA.url}/_control/duplicates`)).json()) as unknown[];
    expect(dups).toEqual([]);
    const csv = await call('auditor', 'GET', `/api/requests/${requestId}/timeline.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('psp_approved');
  });

  test('account change on the active terminal: return for correction, resubmit, done; the terminal has the new account', async () => {
    const res = await call('alpha-user', 'POST', '/api/requests', {
      type: 'account',
      pspCode: 'psp-a',
      submit: true,
      payload: { terminalId, accountId: ids.account2 },
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    // A second open request on the same terminal is refused.
    const busy = await call('alpha-user', 'POST', '/api/requests', {
      type: 'collect',
      pspCode: 'psp-a',
      submit: true,
      payload: { terminalId, reason: 'shop-closed' },
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('TERMINAL_BUSY');
    await waitFor('alpha-admin', id, atTask('review'), 'review');
    expect((await act('alpha-admin', id, 'return', { reason: '' })).status).toBe(400);
    expect((await act('alpha-admin', id, 'return', { reason: 'کپی کارت بانکی را پیوست کنید' })).status).toBe(200);
    await waitFor('alpha-user', id, atTask('correction'), 'correction');
    expect((await act('alpha-user', id, 'resubmit', { payload: { terminalId, accountId: ids.account2 } })).status).toBe(200);
    await approveAll(id);
    const done = await waitFor('alpha-user', id, (x) => x.state === 'done', 'done');
    expect(done.round).toBe(1);
    expect((await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).accountId).toBe(ids.account2);
  });

  test('collection: the device goes back to the warehouse and the terminal is collected', async () => {
    const res = await call('alpha-user', 'POST', '/api/requests', {
      type: 'collect',
      pspCode: 'psp-a',
      submit: true,
      payload: { terminalId, reason: 'shop-closed' },
    });
    expect(res.status).toBe(201);
    await approveAll(res.body.id);
    const done = await waitFor('alpha-user', res.body.id, (x) => x.state === 'done', 'done');
    expect((done.timeline as { type: string }[]).map((e) => e.type)).toContain('serial_returned');
    expect((await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).state).toBe('collected');
  });
});

describe('inbox, drafts and settings', () => {
  test('a draft is saved incomplete, edited, and checked in full at submission', async () => {
    const draft = await ok(
      'alpha-user',
      'POST',
      '/api/requests',
      { type: 'install', pspCode: 'psp-b', payload: { deviceModel: 'pax-s90' } },
      201,
    );
    expect(draft.state).toBe('draft');
    const refused = await call('alpha-user', 'POST', `/api/requests/${draft.id}/submit`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['payload.merchantId']),
    );
    const m = await merchant();
    await ok('alpha-user', 'PUT', `/api/requests/${draft.id}`, {
      pspCode: 'psp-b',
      payload: { merchantId: m.merchantId, shopId: m.shopId, accountId: m.accountId, deviceModel: 'pax-s90' },
    });
    const submitted = await ok('alpha-user', 'POST', `/api/requests/${draft.id}/submit`, {});
    expect(submitted.state).toBe('in_review');
    // Bulk reject at alpha with a reason.
    await waitFor('alpha-admin', draft.id, atTask('review'), 'review');
    const r = await ok('alpha-admin', 'GET', `/api/requests/${draft.id}`);
    const bulk = await ok('alpha-admin', 'POST', '/api/inbox/bulk', {
      action: 'reject',
      reason: 'مدارک ناقص است',
      items: [
        { requestId: draft.id, taskId: r.openTask.id },
        { requestId: draft.id, taskId: 'stale.t1' },
      ],
    });
    expect(bulk.results.map((x: { ok: boolean }) => x.ok)).toEqual([true, false]);
    const rejected = await waitFor('alpha-user', draft.id, (x) => x.state === 'rejected', 'rejected');
    expect(rejected.outcomeReason).toBe('مدارک ناقص است');
  });

  test('an agency that switches its review step off sends requests straight to the credential owner', async () => {
    expect((await call('alpha-user', 'PUT', `/api/agents/${ids.alpha}/review-step`, { enabled: false })).status).toBe(403);
    await ok('alpha-admin', 'PUT', `/api/agents/${ids.alpha}/review-step`, { enabled: false });
    try {
      const m = await merchant();
      const r = await ok(
        'alpha-user',
        'POST',
        '/api/requests',
        {
          type: 'install',
          pspCode: 'psp-a',
          submit: true,
          payload: { merchantId: m.merchantId, shopId: m.shopId, accountId: m.accountId, deviceModel: 'pax-s90' },
        },
        201,
      );
      const at = await waitFor('broker-admin', r.id, atTask('approve'), 'approval at the broker');
      expect(at.chain).toEqual([{ agentId: ids.broker, kind: 'approve' }]);
      expect((await act('alpha-user', r.id, 'cancel')).status).toBe(200);
    } finally {
      await ok('alpha-admin', 'PUT', `/api/agents/${ids.alpha}/review-step`, { enabled: true });
    }
  });

  test('SLA: a review left alone is warned at 50 % and 80 %, then breached and escalated to the supervisors’ view', async () => {
    const before = await ok('broker-admin', 'GET', '/api/settings/request-sla');
    await ok('broker-admin', 'PUT', '/api/settings/request-sla', { calendar: 'continuous', minutes: { review: 0.05 } });
    try {
      const m = await merchant();
      const r = await ok(
        'alpha-user',
        'POST',
        '/api/requests',
        {
          type: 'install',
          pspCode: 'psp-b',
          submit: true,
          payload: { merchantId: m.merchantId, shopId: m.shopId, accountId: m.accountId, deviceModel: 'pax-s90' },
        },
        201,
      );
      const breached = await waitFor(
        'alpha-admin',
        r.id,
        (x) => (x.openTask as { sla?: string } | null)?.sla === 'breached',
        'an SLA breach',
      );
      expect((breached.openTask as { escalated: boolean }).escalated).toBe(true);
      const types = (breached.timeline as { type: string }[]).map((e) => e.type);
      expect(types.filter((t) => t === 'sla_warning')).toHaveLength(2);
      expect(types).toEqual(expect.arrayContaining(['sla_breached', 'escalated']));
      const escalated = await ok('alpha-admin', 'GET', '/api/inbox?view=escalated');
      expect(escalated.items.map((i: { request: { id: string } }) => i.request.id)).toContain(r.id);
      expect(escalated.counts.views.escalated).toBeGreaterThanOrEqual(1);
      expect((await act('alpha-user', r.id, 'cancel')).status).toBe(200);
    } finally {
      await ok('broker-admin', 'PUT', '/api/settings/request-sla', before);
    }
  });

  test('saved filters and the CSV export of the inbox', async () => {
    const f = await ok(
      'alpha-admin',
      'POST',
      '/api/inbox/filters',
      { name: 'PSP-A installs', query: { type: 'install', pspCode: 'psp-a' } },
      201,
    );
    expect((await ok('alpha-admin', 'GET', '/api/inbox/filters')).items.map((x: { id: string }) => x.id)).toContain(f.id);
    expect((await call('alpha-user', 'DELETE', `/api/inbox/filters/${f.id}`)).status).toBe(404);
    const csv = await call('alpha-admin', 'GET', '/api/inbox.csv?view=group');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });

  test('bad input: unknown type fields and foreign references are named per field, in Persian and English', async () => {
    const res = await call('alpha-user', 'POST', '/api/requests', {
      type: 'collect',
      pspCode: 'psp-a',
      submit: true,
      payload: { terminalId: '00000000-0000-4000-8000-000000000000', reason: 'shop-closed' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ field: 'payload.terminalId', code: 'not_found' });
    expect(res.body.error.fields[0].message.fa).toMatch(/[\u0600-\u06FF]/);
  });

  test('every request step is in the audit chain, signed by the person who acted, and the chain verifies', async () => {
    const audit = await ok('auditor', 'GET', '/api/audit?entityType=request&pageSize=200');
    const actions = (audit.items as { action: string; actor: { name: string } }[]).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['request.submitted', 'request.approved', 'request.installed', 'request.psp_approved']),
    );
    const verify = await ok('auditor', 'GET', '/api/audit/verify');
    expect(verify).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe('PSP-B (SOAP): merchant change, swap parked on an unmapped reason, Shaparak reactivation, a PSP rejection', () => {
  let terminalId = '';
  let pspTerminalId = '';
  let m: Awaited<ReturnType<typeof merchant>>;
  const submit = async (type: string, payload: Body) => {
    const res = await call('alpha-user', 'POST', '/api/requests', { type, pspCode: 'psp-b', submit: true, payload });
    if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const done = (id: string) => waitFor('alpha-user', id, (x) => x.state === 'done', 'done');

  test('install at PSP-B to an active terminal', async () => {
    m = await merchant();
    const id = await submit('install', {
      merchantId: m.merchantId,
      shopId: m.shopId,
      accountId: m.accountId,
      deviceModel: 'pax-s90',
    });
    await approveAll(id);
    await waitFor('alpha-user2', id, atTask('install'), 'install task');
    expect((await act('alpha-user2', id, 'confirm-install')).status).toBe(200);
    const r = await done(id);
    terminalId = r.terminalId as string;
    const t = await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`);
    expect(t).toMatchObject({ state: 'active', pspCode: 'psp-b' });
    pspTerminalId = t.pspTerminalId;
  });

  test('merchant info change: the shop gets its new name once the PSP agrees', async () => {
    const id = await submit('merchant', { terminalId, changes: { shopNameFa: 'نانوایی بربری نمونه' } });
    await approveAll(id);
    await done(id);
    const merchantView = await ok('alpha-user', 'GET', `/api/merchants/${m.merchantId}`);
    expect(merchantView.shops[0].nameFa).toBe('نانوایی بربری نمونه');
  });

  test('swap with a reason PSP-B has no code for: parked for the broker, mapped, retried, done with a new serial', async () => {
    const before = (await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).serial as string;
    const id = await submit('swap', { terminalId, reason: 'connection-change' });
    await approveAll(id);
    const parked = await waitFor('broker-admin', id, atTask('fix'), 'parked');
    expect(parked.state).toBe('parked');
    expect(openTaskOf(parked)).toMatchObject({ agentId: ids.broker });
    expect((parked.openTask as { problem: { code: string } }).problem.code).toBe('PspUnmappedValue');
    // The failed call says what is missing in Persian and English on the timeline.
    const failed = (parked.pspCalls as { outcome: string; text: { fa: string; en: string } | null }[]).find(
      (c) => c.outcome === 'unmapped',
    );
    expect(failed?.text?.fa).toContain('connection-change');
    expect(failed?.text?.fa).toMatch(/[\u0600-\u06FF]/);
    expect(failed?.text?.en).toContain('has no code at PSP "psp-b"');
    // alpha cannot unblock it; the broker maps the reason and retries from the inbox.
    expect((await act('alpha-admin', id, 'retry')).status).toBe(403);
    await ok('broker-admin', 'PUT', '/api/mappings/psp-b/swap-reason/connection-change', { pspCode: 'U' });
    expect((await act('broker-admin', id, 'retry')).status).toBe(200);
    const r = await done(id);
    const t = await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`);
    expect(t.serial).toBe(r.serial);
    expect(t.serial).not.toBe(before);
    expect((r.timeline as { type: string }[]).map((e) => e.type)).toEqual(
      expect.arrayContaining(['parked', 'retried', 'serial_returned']),
    );
  });

  test('Shaparak deactivates the terminal; a reactivation request brings it back', async () => {
    const res = await fetch(`${simB.url}/_control/deactivate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ terminalId: pspTerminalId, reason: 'کد ملی نامعتبر' }),
    });
    expect(res.status).toBe(200);
    const id = await submit('reactivate', { terminalId, note: 'کد ملی اصلاح شد' });
    await approveAll(id);
    await done(id);
    expect((await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).state).toBe('active');
  });

  test('a PSP rejection (Sheba owner mismatch) returns the request to the submitter with the PSP message', async () => {
    await fetch(`${simB.url}/_control/sheba-owners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sheba: m.sheba2, nationalCode: makeNationalCode('999000111') }),
    });
    const id = await submit('account', { terminalId, accountId: m.accountId2 });
    await approveAll(id);
    const back = await waitFor('alpha-user', id, atTask('correction'), 'returned');
    expect(back.state).toBe('returned');
    const task = back.openTask as { problem: { code: string; details: { pspMessage: string } } };
    expect(task.problem.code).toMatch(/^PSP_REJECTED:/);
    expect(task.problem.details.pspMessage).toMatch(/[\u0600-\u06FF]/);
    expect((await act('alpha-user', id, 'cancel')).status).toBe(200);
    await waitFor('alpha-user', id, (x) => x.state === 'cancelled', 'cancelled');
    expect((await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).accountId).toBe(m.accountId);
  });
});

describe('device definition: a terminal left waiting for a device gets one', () => {
  test('an install cancelled at the technician stage keeps its registered terminal; a define request binds a chosen serial', async () => {
    const m = await merchant();
    const res = await call('alpha-user', 'POST', '/api/requests', {
      type: 'install',
      pspCode: 'psp-a',
      submit: true,
      payload: { merchantId: m.merchantId, shopId: m.shopId, accountId: m.accountId, deviceModel: 'pax-s90' },
    });
    expect(res.status).toBe(201);
    await approveAll(res.body.id);
    const installing = await waitFor('alpha-user', res.body.id, atTask('install'), 'installation task');
    const reserved = installing.serial as string;
    // The technician cannot cancel; the submitter can.
    expect((await act('alpha-user2', res.body.id, 'cancel')).status).toBe(403);
    expect((await act('alpha-user', res.body.id, 'cancel', { reason: 'پذیرنده دستگاه دیگری می‌خواهد' })).status).toBe(200);
    const cancelled = await waitFor('alpha-user', res.body.id, (x) => x.state === 'cancelled', 'cancelled');
    expect((cancelled.timeline as { type: string }[]).map((e) => e.type)).toContain('serial_released');
    const terminalId = cancelled.terminalId as string;
    expect((await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).state).toBe('awaiting_device');

    const define = await call('alpha-user', 'POST', '/api/requests', {
      type: 'define',
      pspCode: 'psp-a',
      submit: true,
      payload: { terminalId, deviceModel: 'pax-s90', serial: reserved },
    });
    expect(define.status).toBe(201);
    await approveAll(define.body.id);
    const done = await waitFor('alpha-user', define.body.id, (x) => x.state === 'done', 'done');
    expect(done.serial).toBe(reserved);
    expect(await ok('alpha-user', 'GET', `/api/terminals/${terminalId}`)).toMatchObject({ state: 'active', serial: reserved });
  });
});
