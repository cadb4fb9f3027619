import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeNationalCode, makeSheba } from '../../domain/iran';
import { seedDemoPsps } from '../../db/seed';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import { startStack, type Stack } from './harness';

/**
 * PSP-A's verdict callback: with polling set to once in ten minutes, a reactivation-free install
 * still gets its verdict within seconds, because the PSP posts it to /api/psp-callbacks/psp-a and
 * the request polls at once. The callback's body is never trusted: an unknown code changes nothing.
 */
let stack: Stack;
let sim: RunningPspSimulator;
let dir: string;
const tok: Record<string, string> = {};

async function api(who: string, method: string, url: string, body?: unknown) {
  const res = await stack.call(method, url, { token: tok[who], body });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-cb-'));
  sim = await startPspSimulator({ psp: 'a', port: 0, dataDir: dir, settings: { verdictDelayMs: 200 } });
  stack = await startStack({ REQUEST_PSP_POLL_INTERVAL: '10m', REQUEST_PSP_POLL_MAX: '10m' });
  await seedDemoPsps(stack.server.db, { pspAUrl: sim.url, credentialsKey: stack.server.config.realms.credentialsKey });
  Object.assign(
    tok,
    await stack.signIn([
      ['kartabl', 'broker-admin'],
      ['agent-alpha', 'alpha-admin'],
      ['agent-alpha', 'alpha-user'],
    ]),
  );
});

afterAll(async () => {
  await stack?.stop();
  await sim?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the PSP-A callback brings the verdict at once although polling is ten minutes apart', async () => {
  const unknown = await stack.call('POST', '/api/psp-callbacks/psp-a', { body: { trackingCode: 'A-99999999', status: 'DONE' } });
  expect(unknown.status).toBe(200);

  const m = await api('alpha-user', 'POST', '/api/merchants', {
    kind: 'natural',
    nationalCode: makeNationalCode('445560001'),
    firstNameFa: 'نسرین',
    lastNameFa: 'امینی',
    firstNameEn: 'Nasrin',
    lastNameEn: 'Amini',
    fatherNameFa: 'جواد',
    birthDate: '1370/07/01',
    mobile: '09131234567',
    addresses: [
      { addressFa: 'اصفهان، خیابان چهارباغ، پلاک ۸', addressEn: 'No. 8, Chaharbagh St, Isfahan', postalCode: '8134567890' },
    ],
    shops: [
      {
        nameFa: 'گل‌فروشی امینی',
        nameEn: 'Amini Flowers',
        guildCode: 'supermarket',
        addressFa: 'اصفهان، خیابان چهارباغ، پلاک ۸',
        addressEn: 'No. 8, Chaharbagh St, Isfahan',
        postalCode: '8134567890',
      },
    ],
    accounts: [{ sheba: makeSheba('012', 9990001), ownerNameFa: 'نسرین امینی', isPrimary: true }],
  });
  const { id } = await api('alpha-user', 'POST', '/api/requests', {
    type: 'install',
    pspCode: 'psp-a',
    submit: true,
    payload: { merchantId: m.id, shopId: m.shops[0].id, accountId: m.accounts[0].id, deviceModel: 'pax-s90' },
  });
  const approve = async (who: string, kind: string) => {
    for (let i = 0; i < 100; i += 1) {
      const r = await api(who, 'GET', `/api/requests/${id}`);
      if (r.openTask?.kind === kind)
        return api(who, 'POST', `/api/requests/${id}/actions`, { action: 'approve', taskId: r.openTask.id });
      await new Promise((res) => setTimeout(res, 200));
    }
    throw new Error(`no ${kind} task`);
  };
  await approve('alpha-admin', 'review');
  await approve('broker-admin', 'approve');
  const started = Date.now();
  let verdict: string | null = null;
  while (Date.now() - started < 60_000 && verdict !== 'approved') {
    verdict = (await api('alpha-user', 'GET', `/api/requests/${id}`)).psp?.verdict ?? null;
    await new Promise((res) => setTimeout(res, 250));
  }
  expect(verdict).toBe('approved');
  const calls = (await api('broker-admin', 'GET', `/api/requests/${id}`)).pspCalls as { operation: string }[];
  // One submission and one status query: the callback, not a timer, triggered the query.
  expect(calls.map((c) => c.operation)).toEqual(['registerMerchant', 'status']);
});
