import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ApplicationFailure } from '@temporalio/common';
import pino from 'pino';
import { createPspActivities, createPspCaller, type PspActivityDeps } from '../../activities/psp';
import { PspAdapterRegistry } from '../../activities/psp/registry';
import { createApp } from '../../api/app';
import { ensureAgent } from '../../db/seed';
import { createPspRepository } from '../../db/repositories/psp';
import type { PspAdapter, PspCallContext, RegisterMerchantInput } from '../../domain/psp/adapter';
import { PspBusinessRejection, PspCredentialsUnavailable, PspRetryableError, PspUnmappedValue } from '../../domain/psp/errors';
import { bi } from '../../domain/i18n';
import { startStack, type Stack } from './harness';

/**
 * The PSP core through the real DB of DB_DIALECT and the real API: credentials stored (sealed) by
 * the agents API and resolved by the credential-owner rule on broker → alpha → alpha-sub, outbound
 * mapping from base data, the call log and metrics, the connection test.
 */
let stack: Stack;
let admin: string;
let auditor: string;
let alphaAdmin: string;
let ids: { broker: string; alpha: string; sub: string };
const logLines: string[] = [];
let deps: PspActivityDeps;

/** A fake adapter that records the context it got and answers by the input. */
const seen: { op: string; requestId: string; credentials: Record<string, string>; mapped?: Record<string, string> }[] = [];
let behaviour: 'accept' | 'reject' | 'down' = 'accept';
const fakeAdapter = (pspCode: string): PspAdapter => {
  const submit = (op: string) => (ctx: PspCallContext, input: unknown) => {
    const i = input as RegisterMerchantInput;
    const mapped =
      op === 'registerMerchant'
        ? ctx.map.codes({ model: ['device-model', i.deviceModel], guild: ['guild', i.shop.guild] })
        : undefined;
    seen.push({ op, requestId: ctx.requestId, credentials: { ...ctx.credentials }, mapped });
    if (behaviour === 'reject')
      return Promise.reject(
        new PspBusinessRejection(pspCode, 'E17', 'فروشگاه تکراری است', bi('فروشگاه تکراری است.', 'Duplicate shop.')),
      );
    if (behaviour === 'down') return Promise.reject(new PspRetryableError('http-5xx', 'the PSP answered HTTP 503', 503));
    return Promise.resolve({ outcome: 'accepted' as const, trackingCode: `TRK-${ctx.requestId}` });
  };
  const none = () => Promise.reject(new Error('not used'));
  return {
    pspCode,
    ping: (ctx) => {
      seen.push({ op: 'ping', requestId: ctx.requestId, credentials: { ...ctx.credentials } });
      return Promise.resolve({ ok: true, detail: `logged in as ${ctx.credentials.username}` });
    },
    registerMerchant: submit('registerMerchant'),
    defineDevice: submit('defineDevice'),
    swap: submit('swap'),
    changeAccount: submit('changeAccount'),
    changeMerchantInfo: submit('changeMerchantInfo'),
    collect: submit('collect'),
    reactivate: submit('reactivate'),
    status: none,
    terminal: none,
    transactions: none,
  };
};
const registry = () =>
  new PspAdapterRegistry()
    .registerProtocol('rest', (e) => fakeAdapter(e.pspCode))
    .registerProtocol('soap', (e) => fakeAdapter(e.pspCode));

const merchant = (deviceModel: string, guild = 'supermarket'): RegisterMerchantInput => ({
  person: { personType: 'natural', nationalCode: '0499370899', firstName: 'علی', lastName: 'رضایی', mobile: '09121234567' },
  shop: { nameFa: 'فروشگاه نمونه', guild, postalCode: '1968913111', address: 'تهران' },
  account: { sheba: 'IR820540102680020817909002', bank: 'melli' },
  deviceModel,
  documents: [],
});

const putPsp = (agentId: string, psp: string, body: unknown) =>
  stack.call('PUT', `/api/agents/${agentId}/psps/${psp}`, { token: admin, body });

beforeAll(async () => {
  stack = await startStack();
  [admin, auditor, alphaAdmin] = await Promise.all([
    stack.token('kartabl', 'broker-admin'),
    stack.token('kartabl', 'auditor'),
    stack.token('agent-alpha', 'alpha-admin'),
  ]);
  const { Agent } = stack.server.db.models;
  const broker = await Agent.findOne({ where: { isBroker: true }, raw: true });
  const alpha = await Agent.findOne({ where: { code: 'alpha' }, raw: true });
  const sub = await ensureAgent(stack.server.db, {
    code: 'alpha-sub',
    realm: 'agent-alpha-sub',
    nameFa: 'زیرنمایندگی',
    nameEn: 'Alpha sub',
    parentCode: 'alpha',
  });
  ids = { broker: broker!.id, alpha: alpha!.id, sub };
  // Credentials through the real API (sealed at rest): the broker for both PSPs; alpha is a direct broker of psp-a.
  for (const [agent, psp, user] of [
    [ids.broker, 'psp-a', 'broker-a'],
    [ids.broker, 'psp-b', 'broker-b'],
    [ids.alpha, 'psp-a', 'alpha-a'],
  ] as const) {
    const res = await putPsp(agent, psp, { direct: true, credentials: { username: user, password: `P@ss-${user}-secret` } });
    expect(res.status).toBe(200);
  }
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  deps = {
    db: stack.server.db,
    credentialsKey: stack.server.config.realms.credentialsKey,
    adapters: registry(),
    logger: pino({ level: 'info' }, sink),
  };
});

afterAll(async () => {
  await stack?.stop();
});

const failureOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('did not fail');
};

describe('credential-owner rule on the real tree', () => {
  it("a sub-agent's psp-a request goes out under alpha's credentials, psp-b under the broker's", async () => {
    const psp = createPspActivities(deps);
    const a = await psp.pspRegisterMerchant({
      requestId: 'req-a-1',
      requesterAgentId: ids.sub,
      pspCode: 'psp-a',
      input: merchant('pax-s90'),
    });
    expect(a).toEqual({ outcome: 'accepted', trackingCode: 'TRK-req-a-1' });
    expect(seen.at(-1)?.credentials).toEqual({ username: 'alpha-a', password: 'P@ss-alpha-a-secret' });
    const b = await psp.pspRegisterMerchant({
      requestId: 'req-b-1',
      requesterAgentId: ids.sub,
      pspCode: 'psp-b',
      input: merchant('pax-s90'),
    });
    expect(b.outcome).toBe('accepted');
    expect(seen.at(-1)?.credentials.username).toBe('broker-b');
    // beta (no direct link) uses the broker's psp-a credentials
    const beta = await stack.server.db.models.Agent.findOne({ where: { code: 'beta' }, raw: true });
    await psp.pspCollect({
      requestId: 'req-beta',
      requesterAgentId: beta!.id,
      pspCode: 'psp-a',
      input: { terminalId: 'T1', reason: 'x' },
    });
    expect(seen.at(-1)?.credentials.username).toBe('broker-a');
  });

  it('a direct broker with no credentials stops its subtree (non-retryable), it does not fall back to the broker', async () => {
    expect((await putPsp(ids.alpha, 'psp-b', { direct: true, credentials: null })).status).toBe(200);
    const e = await failureOf(
      createPspCaller(deps).call(
        { requestId: 'req-nocred', requesterAgentId: ids.sub, pspCode: 'psp-b', operation: 'collect' },
        (a, c) => a.collect(c, { terminalId: 'T', reason: 'r' }),
      ),
    );
    expect(e).toBeInstanceOf(PspCredentialsUnavailable);
    expect(e).toMatchObject({ problem: 'no-credentials', ownerAgentId: ids.alpha, pspCode: 'psp-b' });
    const f = await failureOf(
      createPspActivities(deps).pspCollect({
        requestId: 'req-nocred-2',
        requesterAgentId: ids.sub,
        pspCode: 'psp-b',
        input: { terminalId: 'T', reason: 'r' },
      }),
    );
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f).toMatchObject({ type: 'PspCredentialsUnavailable', nonRetryable: true });
    expect((await stack.call('DELETE', `/api/agents/${ids.alpha}/psps/psp-b`, { token: admin })).status).toBeLessThan(300);
  });

  it("a suspended direct broker blocks its subtree's requests for that PSP only", async () => {
    const { Agent } = stack.server.db.models;
    await Agent.update({ status: 'suspended' }, { where: { id: ids.alpha } });
    try {
      const caller = createPspCaller(deps);
      const collect = (psp: string, requestId: string) =>
        caller.call({ requestId, requesterAgentId: ids.sub, pspCode: psp, operation: 'collect' }, (a, c) =>
          a.collect(c, { terminalId: 'T', reason: 'r' }),
        );
      expect(await failureOf(collect('psp-a', 'req-susp-a'))).toMatchObject({
        name: 'PspCredentialsUnavailable',
        problem: 'owner-suspended',
        ownerAgentId: ids.alpha,
      });
      expect(await collect('psp-b', 'req-susp-b')).toEqual({ outcome: 'accepted', trackingCode: 'TRK-req-susp-b' });
      expect(seen.at(-1)?.credentials.username).toBe('broker-b');
    } finally {
      await Agent.update({ status: 'active' }, { where: { id: ids.alpha } });
    }
  });
});

describe('outbound mapping from base data', () => {
  it("translates internal codes to each PSP's own codes", async () => {
    const psp = createPspActivities(deps);
    await psp.pspRegisterMerchant({
      requestId: 'req-map-a',
      requesterAgentId: ids.broker,
      pspCode: 'psp-a',
      input: merchant('pax-s90'),
    });
    const a = seen.at(-1)?.mapped;
    await psp.pspRegisterMerchant({
      requestId: 'req-map-b',
      requesterAgentId: ids.broker,
      pspCode: 'psp-b',
      input: merchant('pax-s90'),
    });
    const b = seen.at(-1)?.mapped;
    expect(a?.model).toBe('S90');
    expect(b?.model).toBe('101');
    expect(a?.guild).toBeTruthy();
    expect(a?.guild).not.toBe(b?.guild);
  });

  it('an unmapped value is a named, non-retryable failure; after the admin maps it the same request goes through', async () => {
    const psp = createPspActivities(deps);
    const req = { requestId: 'req-unmapped', requesterAgentId: ids.broker, pspCode: 'psp-b', input: merchant('pax-a930') };
    const e = await failureOf(psp.pspRegisterMerchant(req));
    expect(e).toBeInstanceOf(ApplicationFailure);
    expect(e).toMatchObject({ type: 'PspUnmappedValue', nonRetryable: true });
    expect((e as ApplicationFailure).details?.[0]).toMatchObject({
      kind: 'device-model',
      itemCode: 'pax-a930',
      pspCode: 'psp-b',
      reason: 'unmapped',
    });
    const raw = await failureOf(
      createPspCaller(deps).call({ ...req, operation: 'registerMerchant' }, (a, c) => a.registerMerchant(c, req.input)),
    );
    expect(raw).toBeInstanceOf(PspUnmappedValue);
    expect((raw as PspUnmappedValue).text.fa).toContain('pax-a930');

    expect(
      (await stack.call('PUT', '/api/mappings/psp-b/device-model/pax-a930', { token: admin, body: { pspCode: '103' } })).status,
    ).toBe(200);
    expect(await psp.pspRegisterMerchant(req)).toEqual({ outcome: 'accepted', trackingCode: 'TRK-req-unmapped' });
    expect(seen.at(-1)?.mapped?.model).toBe('103');
  });
});

describe('outcomes, call log and metrics', () => {
  it('a PSP switched off in settings refuses new submissions (non-retryable) but still answers status and ping', async () => {
    const switchPsp = (enabled: boolean) =>
      stack.call('PUT', '/api/settings/services', { token: admin, body: { items: [{ key: 'psp:psp-a', enabled }] } });
    expect((await switchPsp(false)).status).toBe(200);
    try {
      const psp = createPspActivities(deps);
      const e = await failureOf(
        psp.pspCollect({
          requestId: 'req-off',
          requesterAgentId: ids.broker,
          pspCode: 'psp-a',
          input: { terminalId: 'T', reason: 'r' },
        }),
      );
      expect(e).toMatchObject({ type: 'PspServiceDisabled', nonRetryable: true });
      expect(
        await psp.pspPing({ requestId: 'req-off-ping', requesterAgentId: ids.broker, pspCode: 'psp-a', input: {} }),
      ).toMatchObject({ ok: true });
    } finally {
      expect((await switchPsp(true)).status).toBe(200);
    }
  });

  it('a business rejection is returned as data; a 5xx is rethrown for a retry; both are logged and recorded', async () => {
    const psp = createPspActivities(deps);
    behaviour = 'reject';
    const rejected = await psp.pspSwap({
      requestId: 'req-rej',
      requesterAgentId: ids.alpha,
      pspCode: 'psp-a',
      input: { terminalId: 'T', oldSerialNumber: '1', newSerialNumber: '2', newDeviceModel: 'pax-s90', reason: 'broken' },
    });
    expect(rejected).toEqual({
      outcome: 'rejected',
      rejection: { code: 'E17', pspMessage: 'فروشگاه تکراری است', text: bi('فروشگاه تکراری است.', 'Duplicate shop.') },
    });
    behaviour = 'down';
    const down = await failureOf(
      psp.pspReactivate({ requestId: 'req-down', requesterAgentId: ids.alpha, pspCode: 'psp-a', input: { terminalId: 'T' } }),
    );
    expect(down).toBeInstanceOf(PspRetryableError);
    behaviour = 'accept';

    const repo = createPspRepository(stack.server.db);
    expect(await repo.callsOf('req-rej')).toEqual([
      expect.objectContaining({
        pspCode: 'psp-a',
        operation: 'swap',
        outcome: 'rejected',
        errorCode: 'E17',
        ownerAgentId: ids.alpha,
        // The PSP's own message as it wrote it, and what it means in both languages.
        message: 'فروشگاه تکراری است',
        text: bi('فروشگاه تکراری است.', 'Duplicate shop.'),
      }),
    ]);
    expect(await repo.callsOf('req-down')).toEqual([
      expect.objectContaining({
        outcome: 'retryable',
        errorType: 'PspRetryableError',
        errorCode: 'http-5xx',
        text: {
          fa: expect.stringMatching(/^خطای سرور شرکت پرداخت \(HTTP 50\d\)؛ دوباره تلاش می‌شود\.$/),
          en: expect.stringMatching(/^The PSP's server failed \(HTTP 50\d\); the call will be retried\.$/),
        },
      }),
    ]);
    const [first] = await repo.callsOf('req-a-1');
    expect(first).toMatchObject({
      outcome: 'ok',
      trackingCode: 'TRK-req-a-1',
      ownerAgentId: ids.alpha,
      operation: 'registerMerchant',
      text: null,
    });
    expect(first.latencyMs).toBeGreaterThanOrEqual(0);

    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({ requestId: 'req-down', psp: 'psp-a', operation: 'reactivate', outcome: 'retryable' }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({ requestId: 'req-a-1', outcome: 'ok', latencyMs: expect.any(Number) }),
    );
    // never a secret in the logs
    expect(logLines.join('\n')).not.toMatch(/P@ss-|secret/);
  });

  it('serves per-PSP metrics in Prometheus format to readers of system events only', async () => {
    const res = await fetch(`${stack.server.url}/api/metrics`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/kartabl_psp_calls_total\{psp="psp-a",operation="registerMerchant",outcome="ok"\} [1-9]/);
    expect(text).toContain('kartabl_psp_call_errors_total{psp="psp-a",class="retryable"} 1');
    expect(text).toContain('kartabl_psp_call_errors_total{psp="psp-b",class="unmapped"}');
    expect(text).toMatch(/kartabl_psp_call_duration_seconds_bucket\{psp="psp-a",le="\+Inf"\} \d+/);
    expect((await stack.call('GET', '/api/metrics', { token: alphaAdmin })).status).toBe(403);
    expect((await stack.call('GET', '/api/metrics')).status).toBe(401);
  });
});

describe('test connection (POST /api/basedata/psps/:code/test-connection)', () => {
  it('says clearly (503) that a PSP without an endpoint URL cannot be reached; unknown PSP 404; agents may not', async () => {
    const res = await stack.call('POST', '/api/basedata/psps/psp-a/test-connection', { token: admin, body: {} });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('PSP_ADAPTER_MISSING');
    expect(res.body.error.message.fa).toContain('psp-a');
    expect(res.body.error.message.en).toContain('no endpoint URL');
    expect((await stack.call('POST', '/api/basedata/psps/nope/test-connection', { token: admin, body: {} })).status).toBe(404);
    expect((await stack.call('POST', '/api/basedata/psps/psp-a/test-connection', { token: alphaAdmin, body: {} })).status).toBe(
      403,
    );
  });

  it("logs in with the broker's stored credentials through the registered adapter, 409 when none are stored", async () => {
    const { app } = createApp({
      config: stack.server.config,
      db: stack.server.db,
      temporal: stack.server.temporal,
      logger: pino({ level: 'silent' }),
      pspAdapters: registry(),
    });
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/basedata/psps`;
      const post = (psp: string) =>
        fetch(`${url}/${psp}/test-connection`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: '{}',
        });
      const ok = await post('psp-b');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, pspCode: 'psp-b', detail: 'logged in as broker-b', failure: null });
      expect(seen.at(-1)).toMatchObject({ op: 'ping', credentials: { username: 'broker-b' } });

      expect((await putPsp(ids.broker, 'psp-b', { direct: true, credentials: null })).status).toBe(200);
      const missing = await post('psp-b');
      expect(missing.status).toBe(409);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('PSP_CREDENTIALS_UNAVAILABLE');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
