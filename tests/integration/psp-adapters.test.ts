import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../api/app';
import { loadConfig } from '../../api/lib/config';
import { createPspActivities } from '../../activities/psp';
import { createDefaultAdapterRegistry } from '../../activities/psp/registry';
import { createPspRepository } from '../../db/repositories/psp';
import { seedDemoPsps } from '../../db/seed';
import { makeNationalCode, makeSheba } from '../../domain/iran';
import type { RegisterMerchantInput } from '../../domain/psp/adapter';
import { REJECTION_TEXTS } from '../../domain/psp/rejections';
import { manualClock, startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import type { ManualClock } from '../../psp-sim/core/clock';
import { startStack, type Stack } from './harness';

/**
 * The real adapters through the PSP activities and the API: the seeded PSP items pointed at the
 * two simulators (seedDemoPsps, as `npm start` does), credentials resolved by the credential-owner
 * rule from the real DB, the call log, metrics and the connection test.
 */
let stack: Stack;
let admin: string;
let auditor: string;
let dataDir: string;
const clock: ManualClock = manualClock();
const sims: Record<'a' | 'b', RunningPspSimulator> = {} as Record<'a' | 'b', RunningPspSimulator>;
let ids: { broker: string; alpha: string };

const DELAY = 1000;
const verdicts = async () => {
  clock.advance(DELAY);
  await Promise.all([sims.a.control.drain(), sims.b.control.drain()]);
};

let seq = 0;
const merchant = (nationalCode?: string): RegisterMerchantInput => {
  seq += 1;
  return {
    person: {
      personType: 'natural',
      nationalCode: nationalCode ?? makeNationalCode(String(7_100_000 + seq * 11)),
      firstName: 'مریم',
      lastName: 'احمدی',
      mobile: '09121234567',
    },
    shop: { nameFa: 'نانوایی نمونه', guild: 'bakery', postalCode: String(1_193_700_000 + seq * 17), address: 'اصفهان' },
    account: { sheba: makeSheba('012', 5_000_000 + seq), bank: '012' },
    deviceModel: 'pax-s90',
    documents: [],
  };
};

const setEndpoint = async (psp: string, endpointUrl: string) => {
  const item = await stack.call('GET', `/api/basedata/psp/${psp}`, { token: admin });
  expect(item.status).toBe(200);
  const { nameFa, nameEn, attributes } = item.body as { nameFa: string; nameEn: string; attributes: Record<string, unknown> };
  const res = await stack.call('PUT', `/api/basedata/psp/${psp}`, {
    token: admin,
    body: { nameFa, nameEn, attributes: { ...attributes, endpointUrl } },
  });
  expect(res.status).toBe(200);
};
const testConnection = (psp: string) =>
  stack.call('POST', `/api/basedata/psps/${psp}/test-connection`, { token: admin, body: {} });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'psp-adapters-'));
  for (const psp of ['a', 'b'] as const) {
    sims[psp] = await startPspSimulator({
      psp,
      port: 0,
      dataDir: join(dataDir, psp),
      clock,
      settings: { verdictDelayMs: DELAY },
      users: { 'alpha-b': 'Alpha-B-pass' },
      tickMs: 20,
    });
  }
  stack = await startStack();
  [admin, auditor] = await Promise.all([stack.token('kartabl', 'broker-admin'), stack.token('kartabl', 'auditor')]);
  ids = { broker: await stack.agentId('broker'), alpha: await stack.agentId('alpha') };
  await seedDemoPsps(stack.server.db, {
    pspAUrl: sims.a.url,
    pspBUrl: sims.b.url,
    credentialsKey: stack.server.config.realms.credentialsKey,
  });
});

afterAll(async () => {
  await stack?.stop();
  for (const s of Object.values(sims)) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo seed', () => {
  it("points the seeded PSPs at the simulators and stores the demo account as the broker's credentials, once", async () => {
    const a = await stack.call('GET', '/api/basedata/psp/psp-a', { token: admin });
    const b = await stack.call('GET', '/api/basedata/psp/psp-b', { token: admin });
    expect(a.body.attributes).toEqual({ protocol: 'rest', endpointUrl: sims.a.url });
    expect(b.body.attributes).toEqual({ protocol: 'soap', endpointUrl: `${sims.b.url}/soap` });
    // A second run keeps what is there.
    await seedDemoPsps(stack.server.db, {
      pspAUrl: 'http://elsewhere:1',
      credentialsKey: stack.server.config.realms.credentialsKey,
    });
    expect((await stack.call('GET', '/api/basedata/psp/psp-a', { token: admin })).body.attributes.endpointUrl).toBe(sims.a.url);
    const broker = await stack.call('GET', `/api/agents/${ids.broker}`, { token: admin });
    expect(broker.status).toBe(200);
    expect(broker.body.psps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pspCode: 'psp-a', credentials: expect.objectContaining({ stored: true, setBy: 'demo seed' }) }),
        expect.objectContaining({ pspCode: 'psp-b', credentials: expect.objectContaining({ stored: true }) }),
      ]),
    );
    expect(JSON.stringify(broker.body)).not.toContain('kartabl-demo');
  });
});

describe('the PSP activities with the real adapters', () => {
  it('an accepted submission, its approved verdict, the call log row with the owner and the tracking code', async () => {
    const psp = createPspActivities({
      db: stack.server.db,
      credentialsKey: stack.server.config.realms.credentialsKey,
      adapters: createDefaultAdapterRegistry(),
      logger: pino({ level: 'silent' }),
    });
    for (const [code, sim, trackingPattern, guild] of [
      ['psp-a', sims.a, /^A-\d{8}$/, '5462'],
      ['psp-b', sims.b, /^\d{9}$/, '11-031'],
    ] as const) {
      const requestId = `it-${code}-register`;
      const accepted = await psp.pspRegisterMerchant({
        requestId,
        requesterAgentId: ids.alpha,
        pspCode: code,
        input: merchant(),
      });
      expect(accepted).toEqual({ outcome: 'accepted', trackingCode: expect.stringMatching(trackingPattern) });
      const trackingCode = (accepted as { trackingCode: string }).trackingCode;
      await verdicts();
      const verdict = await psp.pspStatus({ requestId, requesterAgentId: ids.alpha, pspCode: code, input: { trackingCode } });
      expect(verdict).toMatchObject({ state: 'approved', trackingCode, terminalId: expect.stringMatching(/^\d{8}$/) });
      // The simulator holds the PSP's own guild code and the broker's (demo) account as the sender.
      const atSim = sim.control.requests.find((r) => r.clientRequestId === requestId);
      expect(atSim).toMatchObject({ username: 'kartabl', body: expect.objectContaining({ guildCode: guild }) });

      const calls = await createPspRepository(stack.server.db).callsOf(requestId);
      expect(calls).toEqual([
        expect.objectContaining({ operation: 'registerMerchant', outcome: 'ok', trackingCode, ownerAgentId: ids.broker }),
        expect.objectContaining({ operation: 'status', outcome: 'ok', ownerAgentId: ids.broker }),
      ]);
    }
  });

  it("a direct broker's own PSP account is used for its subtree", async () => {
    const put = await stack.call('PUT', `/api/agents/${ids.alpha}/psps/psp-b`, {
      token: admin,
      body: { direct: true, credentials: { username: 'alpha-b', password: 'Alpha-B-pass' } },
    });
    expect(put.status).toBe(200);
    const psp = createPspActivities({
      db: stack.server.db,
      credentialsKey: stack.server.config.realms.credentialsKey,
      adapters: createDefaultAdapterRegistry(),
      logger: pino({ level: 'silent' }),
    });
    const accepted = await psp.pspRegisterMerchant({
      requestId: 'it-alpha-own',
      requesterAgentId: ids.alpha,
      pspCode: 'psp-b',
      input: merchant(),
    });
    expect(accepted.outcome).toBe('accepted');
    expect(sims.b.control.requests.find((r) => r.clientRequestId === 'it-alpha-own')?.username).toBe('alpha-b');
    expect((await createPspRepository(stack.server.db).callsOf('it-alpha-own'))[0]).toMatchObject({ ownerAgentId: ids.alpha });
  });

  it('a rejection is data: immediate (request id reused) from the submission, verdict-time from status', async () => {
    const psp = createPspActivities({
      db: stack.server.db,
      credentialsKey: stack.server.config.realms.credentialsKey,
      adapters: createDefaultAdapterRegistry(),
      logger: pino({ level: 'silent' }),
    });
    const req = { requestId: 'it-reject', requesterAgentId: ids.broker, pspCode: 'psp-a' };
    const bad = await psp.pspRegisterMerchant({ ...req, input: merchant('1111111111') });
    expect(bad.outcome).toBe('accepted');
    const reused = await psp.pspRegisterMerchant({ ...req, input: merchant() });
    expect(reused).toEqual({
      outcome: 'rejected',
      rejection: {
        code: 'A409',
        pspMessage: expect.stringContaining('شناسهٔ درخواست'),
        text: REJECTION_TEXTS['request-id-reused'],
      },
    });
    await verdicts();
    const verdict = await psp.pspStatus({ ...req, input: { trackingCode: (bad as { trackingCode: string }).trackingCode } });
    expect(verdict).toMatchObject({
      state: 'rejected',
      rejection: { code: 'A101', pspMessage: expect.stringContaining('کد ملی'), text: REJECTION_TEXTS['invalid-national-code'] },
    });
    const calls = await createPspRepository(stack.server.db).callsOf('it-reject');
    expect(calls.map((c) => [c.operation, c.outcome, c.errorCode])).toEqual([
      ['registerMerchant', 'ok', null],
      ['registerMerchant', 'rejected', 'A409'],
      ['status', 'ok', null],
    ]);
  });

  it('the metrics count the real calls per PSP', async () => {
    const res = await fetch(`${stack.server.url}/api/metrics`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/kartabl_psp_calls_total\{psp="psp-a",operation="registerMerchant",outcome="ok"\} [2-9]/);
    expect(text).toMatch(/kartabl_psp_calls_total\{psp="psp-b",operation="status",outcome="ok"\} 1/);
    expect(text).toContain('kartabl_psp_call_errors_total{psp="psp-a",class="rejected"} 1');
    expect(text).toMatch(/kartabl_psp_call_duration_seconds_count\{psp="psp-b"\} [1-9]/);
  });
});

describe('test connection through the API with the registered adapters', () => {
  it("succeeds with the broker's stored credentials on both PSPs", async () => {
    const a = await testConnection('psp-a');
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ ok: true, pspCode: 'psp-a', failure: null, detail: expect.stringContaining('kartabl') });
    const b = await testConnection('psp-b');
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ ok: true, pspCode: 'psp-b', failure: null });
    const calls = await createPspRepository(stack.server.db).callsOf(String(a.body.requestId));
    expect(calls).toEqual([expect.objectContaining({ operation: 'ping', outcome: 'ok', ownerAgentId: ids.broker })]);
  });

  it('says clearly that the PSP refused wrong credentials', async () => {
    const put = await stack.call('PUT', `/api/agents/${ids.broker}/psps/psp-a`, {
      token: admin,
      body: { direct: true, credentials: { username: 'kartabl', password: 'not-the-password' } },
    });
    expect(put.status).toBe(200);
    const res = await testConnection('psp-a');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, failure: { class: 'credentials', code: 'refused' } });
    expect(res.body.failure.message.fa).toContain('گذرواژه');
    expect(res.body.failure.message.en).toContain('refused');
  });

  it('says clearly that the PSP cannot be reached, and 503 when it has no address', async () => {
    await setEndpoint('psp-b', 'http://127.0.0.1:9/soap');
    const down = await testConnection('psp-b');
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ ok: false, failure: { class: 'retryable', code: 'network' } });
    expect(down.body.failure.message.en).toContain('Could not reach the PSP');
    await setEndpoint('psp-b', '');
    const none = await testConnection('psp-b');
    expect(none.status).toBe(503);
    expect(none.body.error.code).toBe('PSP_ADAPTER_MISSING');
    expect(none.body.error.message.en).toContain('no endpoint URL');
    await setEndpoint('psp-b', `${sims.b.url}/soap`);
    expect((await testConnection('psp-b')).body.ok).toBe(true);
  });
});

describe('metrics for a scraper (METRICS_TOKEN)', () => {
  const TOKEN = 'scrape-4f1d9c2b7a0e6d35c8b1';

  it('is accepted as bearer token when configured; a wrong one or none is 401; users with events.read still work', async () => {
    const { app } = createApp({
      config: { ...stack.server.config, metricsToken: TOKEN },
      db: stack.server.db,
      temporal: stack.server.temporal,
      logger: pino({ level: 'silent' }),
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/metrics`;
      const get = (authorization?: string) => fetch(url, { headers: authorization ? { authorization } : {} });
      const ok = await get(`Bearer ${TOKEN}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/plain');
      expect(await ok.text()).toContain('kartabl_psp_calls_total{psp="psp-a",operation="registerMerchant",outcome="ok"}');
      expect((await get(`Bearer ${TOKEN}x`)).status).toBe(401);
      expect((await get(`Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
      expect((await get()).status).toBe(401);
      expect((await get(`Bearer ${auditor}`)).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
    // Without METRICS_TOKEN (the stack's own API) the token means nothing.
    expect((await fetch(`${stack.server.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401);
  });

  it('refuses a short METRICS_TOKEN at start-up and reads a good one', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
  });
});
