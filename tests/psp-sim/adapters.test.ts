/**
 * Contract tests of the two PSP adapters against their real simulators (no DB): every operation
 * to an approved verdict, business rejections with the PSP's code and Persian message, idempotency,
 * fault classification (5xx, hang, malformed, lost), unmapped values, credentials; PSP-A's token
 * cache, re-login and callback; PSP-B's faults. The mapping is the seeded one (db/seed-basedata.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPspAAdapter, PspATokenCache } from '../../activities/psp/psp-a-rest';
import { createPspBAdapter } from '../../activities/psp/psp-b-soap';
import { SEED_ITEMS } from '../../db/seed-basedata';
import { makeSheba } from '../../domain/iran';
import type { MappableKind } from '../../domain/basedata';
import type { PspAdapter, PspCallContext, PspVerdict, RegisterMerchantInput } from '../../domain/psp/adapter';
import { PspBusinessRejection, PspCredentialsUnavailable, PspRetryableError, PspUnmappedValue } from '../../domain/psp/errors';
import { createPspMapper, type PspMapper } from '../../domain/psp/mapper';
import { REJECTION_TEXTS } from '../../domain/psp/rejections';
import { control, merchantData, startSim, type Sim } from './helpers';

/** The seeded per-PSP mapping as the DB would load it. */
function seedMapper(pspCode: 'psp-a' | 'psp-b'): PspMapper {
  const mappings = new Map<string, string>();
  const items = new Set<string>();
  for (const [kind, list] of Object.entries(SEED_ITEMS)) {
    for (const i of list as { code: string; map?: Record<string, string> }[]) {
      items.add(`${kind}/${i.code}`);
      const code = i.map?.[pspCode];
      if (code) mappings.set(`${kind}/${i.code}`, code);
    }
  }
  return createPspMapper({ pspCode, pspKnown: true, mappings, itemExists: (k, c) => items.has(`${k}/${c}`) });
}

interface Case {
  psp: 'a' | 'b';
  pspCode: 'psp-a' | 'psp-b';
  make(url: string, opts: { fetch: typeof fetch; timeoutMs?: number }): PspAdapter;
  endpoint(simUrl: string): string;
  codes: { invalidNationalCode: string; notFound: string; reused: string };
  /** A value seeded for the other PSP only. */
  unmapped: { kind: MappableKind; value: string; apply(i: RegisterMerchantInput): RegisterMerchantInput };
}

const CASES: Case[] = [
  {
    psp: 'a',
    pspCode: 'psp-a',
    make: (url, o) =>
      createPspAAdapter({ pspCode: 'psp-a', protocol: 'rest', endpointUrl: url }, { ...o, tokens: new PspATokenCache() }),
    endpoint: (u) => u,
    codes: { invalidNationalCode: 'A101', notFound: 'A404', reused: 'A409' },
    unmapped: { kind: 'guild', value: 'clothing', apply: (i) => ({ ...i, shop: { ...i.shop, guild: 'clothing' } }) },
  },
  {
    psp: 'b',
    pspCode: 'psp-b',
    make: (url, o) => createPspBAdapter({ pspCode: 'psp-b', protocol: 'soap', endpointUrl: url }, o),
    endpoint: (u) => `${u}/soap`,
    codes: { invalidNationalCode: '301', notFound: '404', reused: '409' },
    unmapped: { kind: 'device-model', value: 'pax-a930', apply: (i) => ({ ...i, deviceModel: 'pax-a930' }) },
  },
];

const failureOf = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('did not fail');
};

let rid = 0;

describe.each(CASES)('PSP-$psp adapter against its simulator', (c) => {
  let s: Sim;
  let adapter: PspAdapter;
  /** Every URL the adapter fetched (the test's own control calls are not counted). */
  const sent: string[] = [];
  const counting: typeof fetch = (input, init) => {
    sent.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  const map = seedMapper(c.pspCode);
  const ctx = (
    requestId = `${c.psp}-req-${++rid}`,
    credentials = { username: 'kartabl', password: 'kartabl-demo' },
  ): PspCallContext => ({
    requestId,
    credentials,
    map,
  });
  const merchant = (over: Partial<RegisterMerchantInput['person']> = {}): RegisterMerchantInput => {
    const m = merchantData();
    return {
      person: {
        personType: 'natural',
        nationalCode: m.nationalCode,
        firstName: 'علی',
        lastName: 'رضایی',
        mobile: '09121234567',
        ...over,
      },
      shop: { nameFa: 'فروشگاه نمونه', guild: 'supermarket', postalCode: m.postalCode, address: 'تهران، خیابان آزادی' },
      account: { sheba: m.sheba, bank: '012' },
      deviceModel: 'pax-s90',
      documents: [],
    };
  };
  /** Waits for the verdict (moves the simulator's clock) and reads it through the adapter. */
  const verdict = async (trackingCode: string): Promise<PspVerdict> => {
    await s.verdicts();
    return adapter.status(ctx(), { trackingCode });
  };
  const requestsAtSim = async () => ((await control(s.sim, 'GET', 'requests')) as unknown[]).length;
  let serial = 0;
  const nextSerial = () => `SN-${c.psp}-${++serial}-${Date.now() % 100000}`;

  beforeAll(async () => {
    s = await startSim(c.psp);
    adapter = c.make(c.endpoint(s.sim.url), { fetch: counting, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await s.close();
  });
  afterEach(async () => {
    await control(s.sim, 'DELETE', 'faults');
  });

  it('ping: accepts the demo account, refuses a wrong password as a non-retryable credentials error', async () => {
    expect(await adapter.ping(ctx())).toMatchObject({ ok: true, detail: expect.stringContaining('kartabl') });
    const e = await failureOf(adapter.ping(ctx(undefined, { username: 'kartabl', password: 'wrong' })));
    expect(e).toBeInstanceOf(PspCredentialsUnavailable);
    expect(e).toMatchObject({ problem: 'refused', pspCode: c.pspCode });
    expect((e as PspCredentialsUnavailable).text.fa).toContain('گذرواژه');
  });

  it('every operation reaches an approved verdict through status, with the ids from the result', async () => {
    const reg = await adapter.registerMerchant(ctx(), merchant());
    expect(reg.outcome).toBe('accepted');
    expect(await adapter.status(ctx(), { trackingCode: reg.trackingCode })).toEqual({
      state: 'pending',
      trackingCode: reg.trackingCode,
    });
    const registered = await verdict(reg.trackingCode);
    expect(registered).toMatchObject({ state: 'approved', trackingCode: reg.trackingCode });
    const { terminalId, merchantId } = registered as { terminalId: string; merchantId: string };
    expect(terminalId).toMatch(/^\d{8}$/);
    expect(merchantId).toBeTruthy();

    const approved = async (p: Promise<{ trackingCode: string }>) =>
      expect((await verdict((await p).trackingCode)).state).toBe('approved');
    await approved(adapter.defineDevice(ctx(), { terminalId, deviceModel: 'pax-s90', serialNumber: nextSerial() }));
    await approved(
      adapter.swap(ctx(), {
        terminalId,
        oldSerialNumber: 'x',
        newSerialNumber: nextSerial(),
        newDeviceModel: 'verifone-vx675',
        reason: 'faulty',
      }),
    );
    const sheba = makeSheba('012', 9_000_000 + rid);
    await approved(adapter.changeAccount(ctx(), { terminalId, account: { sheba, bank: '012' }, ownerId: '' }));
    await approved(
      adapter.changeMerchantInfo(ctx(), { merchantId, terminalId, changes: { nameFa: 'فروشگاه تازه', mobile: '09351234567' } }),
    );
    await control(s.sim, 'POST', 'deactivate', { terminalId, reason: 'no-transactions' });
    await approved(adapter.reactivate(ctx(), { terminalId }));

    // What the simulator holds is what the adapter sent, in PSP codes.
    const terminal = ((await control(s.sim, 'GET', 'terminals')) as Record<string, unknown>[]).find(
      (t) => t.terminalId === terminalId,
    );
    expect(terminal).toMatchObject({
      status: 'active',
      shopName: 'فروشگاه تازه',
      mobile: '09351234567',
      sheba,
      deviceModel: c.psp === 'a' ? 'VX675' : '202',
      guildCode: c.psp === 'a' ? '5411' : '11-020',
      bankCode: c.psp === 'a' ? '012' : 'B012',
    });

    const day = '2026-03-20';
    const generated = (await control(s.sim, 'POST', 'transactions', { date: day, terminalId })) as Record<string, number>;
    const feed = await adapter.transactions(ctx(), { terminalId, day });
    expect(feed).toHaveLength(generated[terminalId]);
    for (const t of feed) {
      expect(t.reference).toMatch(/^\d+$/);
      expect(['purchase', 'refund', 'balance']).toContain(t.kind);
      expect(typeof t.succeeded).toBe('boolean');
      expect(t.cardMasked).toMatch(/^603799\*{6}\d{4}$/);
      // Tehran wall-clock on the 20th is between 2026-03-19T20:30Z and 2026-03-20T20:30Z.
      expect(Date.parse(t.at)).toBeGreaterThanOrEqual(Date.parse('2026-03-19T20:30:00Z'));
      expect(Date.parse(t.at)).toBeLessThan(Date.parse('2026-03-20T20:30:00Z'));
    }
    expect(feed.reduce((n, t) => n + t.amount, 0)).toBeGreaterThan(0);

    await approved(adapter.collect(ctx(), { terminalId, reason: 'merchant-cancelled' }));
    const collected = ((await control(s.sim, 'GET', 'terminals')) as Record<string, unknown>[]).find(
      (t) => t.terminalId === terminalId,
    );
    expect(collected).toMatchObject({ status: 'collected', statusReason: c.psp === 'a' ? '1' : '3' });
  });

  it("a business rejection carries the PSP's code, its Persian message and our fa/en text", async () => {
    const reg = await adapter.registerMerchant(ctx(), merchant({ nationalCode: '1111111111' }));
    const v = await verdict(reg.trackingCode);
    expect(v).toEqual({
      state: 'rejected',
      trackingCode: reg.trackingCode,
      rejection: {
        code: c.codes.invalidNationalCode,
        pspMessage: expect.stringContaining('کد ملی'),
        text: REJECTION_TEXTS['invalid-national-code'],
      },
    });
    // An immediate refusal (unknown tracking code) is thrown as PspBusinessRejection.
    const e = await failureOf(adapter.status(ctx(), { trackingCode: 'NO-SUCH-CODE' }));
    expect(e).toBeInstanceOf(PspBusinessRejection);
    expect(e).toMatchObject({ pspCode: c.pspCode, rejectionCode: c.codes.notFound, text: REJECTION_TEXTS['not-found'] });
    expect((e as PspBusinessRejection).pspMessage).toMatch(/[\u0600-\u06FF]/);
  });

  it('idempotency: the same request id twice registers once and gives the same tracking code; another body is refused', async () => {
    const input = merchant();
    const c1 = ctx();
    const before = await requestsAtSim();
    const first = await adapter.registerMerchant(c1, input);
    const again = await adapter.registerMerchant(c1, input);
    expect(again.trackingCode).toBe(first.trackingCode);
    expect(await requestsAtSim()).toBe(before + 1);
    const dups = (await control(s.sim, 'GET', 'duplicates')) as {
      clientRequestId: string;
      trackingCode: string;
      sameBody: boolean;
    }[];
    expect(dups).toContainEqual(
      expect.objectContaining({ clientRequestId: c1.requestId, trackingCode: first.trackingCode, sameBody: true }),
    );
    const reused = await failureOf(adapter.registerMerchant(c1, merchant()));
    expect(reused).toBeInstanceOf(PspBusinessRejection);
    expect(reused).toMatchObject({ rejectionCode: c.codes.reused, text: REJECTION_TEXTS['request-id-reused'] });
  });

  it('an unmapped value throws PspUnmappedValue before anything is sent', async () => {
    const before = { fetched: sent.length, atSim: await requestsAtSim() };
    const e = await failureOf(adapter.registerMerchant(ctx(), c.unmapped.apply(merchant())));
    expect(e).toBeInstanceOf(PspUnmappedValue);
    expect(e).toMatchObject({ kind: c.unmapped.kind, itemCode: c.unmapped.value, pspCode: c.pspCode, reason: 'unmapped' });
    const reason = await failureOf(adapter.collect(ctx(), { terminalId: '1', reason: 'no-such-reason' }));
    expect(reason).toMatchObject({ name: 'PspUnmappedValue', reason: 'unknown-item' });
    expect(sent.length).toBe(before.fetched);
    expect(await requestsAtSim()).toBe(before.atSim);
  });

  describe('fault classification', () => {
    const fault = (operation: string, spec: Record<string, unknown>) =>
      control(s.sim, 'PUT', 'faults', { operation, times: 1, ...spec });

    it('an injected 503 is retryable (http-5xx) and nothing was registered', async () => {
      await fault('register', { failure: 'error', status: 503 });
      const before = await requestsAtSim();
      const e = await failureOf(adapter.registerMerchant(ctx(), merchant()));
      expect(e).toBeInstanceOf(PspRetryableError);
      expect(e).toMatchObject({ reason: 'http-5xx', httpStatus: 503 });
      expect(await requestsAtSim()).toBe(before);
      await fault('status', { failure: 'error', status: 500 });
      expect(await failureOf(adapter.status(ctx(), { trackingCode: 'x' }))).toMatchObject({
        name: 'PspRetryableError',
        reason: 'http-5xx',
      });
    });

    it('a hang is a retryable timeout', async () => {
      await fault('register', { failure: 'hang' });
      const slow = c.make(c.endpoint(s.sim.url), { fetch: counting, timeoutMs: 300 });
      const e = await failureOf(slow.registerMerchant(ctx(), merchant()));
      expect(e).toBeInstanceOf(PspRetryableError);
      expect(e).toMatchObject({ reason: 'timeout' });
    });

    it('a malformed answer is retryable (malformed), for a submission and a read', async () => {
      await fault('register', { failure: 'malformed' });
      expect(await failureOf(adapter.registerMerchant(ctx(), merchant()))).toMatchObject({
        name: 'PspRetryableError',
        reason: 'malformed',
      });
      const reg = await adapter.registerMerchant(ctx(), merchant());
      await fault('status', { failure: 'malformed' });
      expect(await failureOf(adapter.status(ctx(), { trackingCode: reg.trackingCode }))).toMatchObject({
        name: 'PspRetryableError',
        reason: 'malformed',
      });
      expect((await adapter.status(ctx(), { trackingCode: reg.trackingCode })).state).toBe('pending');
    });

    it('a lost answer is retryable; the retry with the same id gets the original tracking code, registered once', async () => {
      await fault('register', { failure: 'lost' });
      const before = await requestsAtSim();
      const c1 = ctx();
      const input = merchant();
      const e = await failureOf(adapter.registerMerchant(c1, input));
      expect(e).toBeInstanceOf(PspRetryableError);
      expect(e).toMatchObject({ reason: 'network' });
      expect(await requestsAtSim()).toBe(before + 1);
      const original = ((await control(s.sim, 'GET', 'requests')) as { clientRequestId: string; trackingCode: string }[]).find(
        (r) => r.clientRequestId === c1.requestId,
      );
      const retried = await adapter.registerMerchant(c1, input);
      expect(retried.trackingCode).toBe(original?.trackingCode);
      expect(await requestsAtSim()).toBe(before + 1);
      const dups = (await control(s.sim, 'GET', 'duplicates')) as { clientRequestId: string }[];
      expect(dups.filter((d) => d.clientRequestId === c1.requestId)).toHaveLength(1);
      expect((await verdict(retried.trackingCode)).state).toBe('approved');
    });
  });

  it("terminal: reads the terminal's state at the PSP (awaiting device, active, deactivated with Shaparak's reason, active again)", async () => {
    const reg = await adapter.registerMerchant(ctx(), merchant());
    const { terminalId, merchantId } = (await verdict(reg.trackingCode)) as { terminalId: string; merchantId: string };
    expect(await adapter.terminal(ctx(), { terminalId })).toEqual({ terminalId, merchantId, status: 'awaiting_device' });
    const sn = nextSerial();
    await verdict((await adapter.defineDevice(ctx(), { terminalId, deviceModel: 'pax-s90', serialNumber: sn })).trackingCode);
    expect(await adapter.terminal(ctx(), { terminalId })).toEqual({
      terminalId,
      merchantId,
      status: 'active',
      serial: sn,
      deviceModel: c.psp === 'a' ? 'S90' : '101',
    });
    await control(s.sim, 'POST', 'deactivate', { terminalId, reason: 'پرونده مالیاتی ندارد' });
    expect(await adapter.terminal(ctx(), { terminalId })).toMatchObject({
      status: 'deactivated',
      statusReason: 'پرونده مالیاتی ندارد',
    });
    await verdict((await adapter.reactivate(ctx(), { terminalId })).trackingCode);
    const again = await adapter.terminal(ctx(), { terminalId });
    expect(again.status).toBe('active');
    expect(again.statusReason).toBeUndefined();

    // A terminal the PSP does not know is its refusal; a 5xx or a garbled answer is retryable.
    const e = await failureOf(adapter.terminal(ctx(), { terminalId: '99999999' }));
    expect(e).toBeInstanceOf(PspBusinessRejection);
    expect((e as PspBusinessRejection).pspMessage).toMatch(/[\u0600-\u06FF]/);
    await control(s.sim, 'PUT', 'faults', { operation: 'terminal', failure: 'error', status: 503, times: 1 });
    expect(await failureOf(adapter.terminal(ctx(), { terminalId }))).toMatchObject({
      name: 'PspRetryableError',
      reason: 'http-5xx',
    });
    await control(s.sim, 'PUT', 'faults', { operation: 'terminal', failure: 'malformed', times: 1 });
    expect(await failureOf(adapter.terminal(ctx(), { terminalId }))).toMatchObject({
      name: 'PspRetryableError',
      reason: 'malformed',
    });
    expect((await adapter.terminal(ctx(), { terminalId })).status).toBe('active');
  });

  it('a shop change naming no terminal, or changing the guild, is refused before sending', async () => {
    const before = sent.length;
    expect(await failureOf(adapter.changeMerchantInfo(ctx(), { merchantId: 'm', changes: { nameFa: 'x' } }))).toMatchObject({
      name: 'PspBusinessRejection',
      rejectionCode: 'TERMINAL-REQUIRED',
    });
    expect(
      await failureOf(adapter.changeMerchantInfo(ctx(), { merchantId: 'm', terminalId: '1', changes: { guild: 'bakery' } })),
    ).toMatchObject({ rejectionCode: 'GUILD-CHANGE-UNSUPPORTED' });
    expect(sent.length).toBe(before);
  });
});

describe('PSP-A sessions and callbacks', () => {
  let s: Sim;
  const ctx = (requestId: string): PspCallContext => ({
    requestId,
    credentials: { username: 'kartabl', password: 'kartabl-demo' },
    map: seedMapper('psp-a'),
  });
  /** Paths and statuses of what the adapter sent; `forge` replaces the bearer token. */
  const log: { path: string; status: number }[] = [];
  let forge = false;
  const watching: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const headers = { ...(init?.headers as Record<string, string>) };
    if (forge && headers.authorization) headers.authorization = 'Bearer forged';
    const res = await fetch(input, { ...init, headers });
    log.push({ path: url.pathname, status: res.status });
    return res;
  };
  const logins = () => log.filter((l) => l.path === '/auth/login').length;
  let now = Date.now();
  const tokens = new PspATokenCache(() => now);
  let adapter: PspAdapter;

  beforeAll(async () => {
    s = await startSim('a'); // tokens live 60 s of the simulator's clock
    adapter = createPspAAdapter({ pspCode: 'psp-a', protocol: 'rest', endpointUrl: s.sim.url }, { fetch: watching, tokens });
  });
  afterAll(async () => {
    await s.close();
  });

  it('logs in once, reuses the token, and sends X-Request-Id = the request id', async () => {
    await adapter.status(ctx('s-1'), { trackingCode: 'none' }).catch(() => undefined);
    await adapter.status(ctx('s-2'), { trackingCode: 'none' }).catch(() => undefined);
    expect(logins()).toBe(1);
    const accepted = await adapter.reactivate(ctx('s-req-id'), { terminalId: '99' });
    const at = ((await control(s.sim, 'GET', 'requests')) as { clientRequestId: string; trackingCode: string }[]).find(
      (r) => r.trackingCode === accepted.trackingCode,
    );
    expect(at?.clientRequestId).toBe('s-req-id');
    expect(logins()).toBe(1);
  });

  it('renews the token shortly before it expires, without a 401', async () => {
    now += 55_000; // 60 s tokens are used for 54 s
    const before = log.length;
    await adapter.status(ctx('s-3'), { trackingCode: 'none' }).catch(() => undefined);
    expect(logins()).toBe(2);
    expect(log.slice(before).map((l) => l.status)).toEqual([200, 404]);
  });

  it('an expired token (401) is renewed by one re-login and the call succeeds', async () => {
    s.clock.advance(61_000); // the PSP expires the token; our cache still thinks it is fine
    const before = log.length;
    const accepted = await adapter.reactivate(ctx('s-expired'), { terminalId: '98' });
    expect(accepted.trackingCode).toMatch(/^A-/);
    expect(log.slice(before).map((l) => `${l.path} ${l.status}`)).toEqual([
      '/api/v1/terminals/98/reactivate 401',
      '/auth/login 200',
      '/api/v1/terminals/98/reactivate 202',
    ]);
  });

  it('a 401 after the re-login is a non-retryable credentials error', async () => {
    forge = true;
    try {
      const e = await failureOf(adapter.reactivate(ctx('s-forged'), { terminalId: '97' }));
      expect(e).toBeInstanceOf(PspCredentialsUnavailable);
      expect(e).toMatchObject({ problem: 'refused' });
      expect(log.slice(-3).map((l) => l.status)).toEqual([401, 200, 401]);
    } finally {
      forge = false;
    }
  });

  it('a login failing with 503 is retryable', async () => {
    tokens.clear();
    await control(s.sim, 'PUT', 'faults', { operation: 'login', failure: 'error', status: 503, times: 1 });
    expect(await failureOf(adapter.status(ctx('s-down'), { trackingCode: 'none' }))).toMatchObject({
      name: 'PspRetryableError',
      reason: 'http-5xx',
    });
  });

  it('passes callbackUrl through: PSP-A posts the verdict there', async () => {
    const got: unknown[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        got.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/psp/callback`;
      const withCallback = createPspAAdapter(
        { pspCode: 'psp-a', protocol: 'rest', endpointUrl: s.sim.url },
        { fetch: watching, tokens, callbackUrl },
      );
      const accepted = await withCallback.reactivate(ctx('s-callback'), { terminalId: '96' });
      await s.verdicts();
      expect(got).toEqual([
        expect.objectContaining({ trackingCode: accepted.trackingCode, clientRequestId: 's-callback', status: 'REJECTED' }),
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('PSP-B faults', () => {
  let s: Sim;
  beforeAll(async () => {
    s = await startSim('b');
  });
  afterAll(async () => {
    await s.close();
  });

  it('sends the UsernameToken header; a missing password never leaves the adapter, a wrong one is fault 401 → refused', async () => {
    const adapter = createPspBAdapter({ pspCode: 'psp-b', protocol: 'soap', endpointUrl: `${s.sim.url}/soap` });
    const base = { requestId: 'b-x', map: seedMapper('psp-b') };
    expect(await failureOf(adapter.ping({ ...base, credentials: { username: 'kartabl' } }))).toMatchObject({
      name: 'PspCredentialsUnavailable',
      problem: 'no-credentials',
    });
    expect(
      await failureOf(
        adapter.reactivate({ ...base, credentials: { username: 'kartabl', password: 'nope' } }, { terminalId: '1' }),
      ),
    ).toMatchObject({ name: 'PspCredentialsUnavailable', problem: 'refused' });
    expect(await adapter.ping({ ...base, credentials: { username: 'kartabl', password: 'kartabl-demo' } })).toMatchObject({
      ok: true,
    });
  });

  it('an unreachable endpoint is a retryable network error', async () => {
    const adapter = createPspBAdapter({ pspCode: 'psp-b', protocol: 'soap', endpointUrl: 'http://127.0.0.1:9/soap' });
    expect(
      await failureOf(
        adapter.ping({ requestId: 'b-y', map: seedMapper('psp-b'), credentials: { username: 'u', password: 'p' } }),
      ),
    ).toMatchObject({ name: 'PspRetryableError', reason: 'network' });
  });
});
