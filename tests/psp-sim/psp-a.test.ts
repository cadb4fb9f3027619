import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeSheba } from '../../domain/iran';
import { control, DELAY, merchantData, startSim, type Sim } from './helpers';

let s: Sim;
let token: string;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  opts: { body?: unknown; requestId?: string; token?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const t = opts.token === undefined ? token : opts.token;
  if (t) headers.authorization = `Bearer ${t}`;
  if (opts.requestId) headers['x-request-id'] = opts.requestId;
  const res = await fetch(`${s.sim.url}${path}`, {
    method,
    headers,
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

async function login(username = 'kartabl', password = 'kartabl-demo'): Promise<Answer> {
  return call('POST', '/auth/login', { body: { username, password }, token: null });
}

let rid = 0;
const nextId = (): string => `req-${++rid}`;

function registration(overrides: Record<string, string> = {}): Record<string, string> {
  const m = merchantData();
  return {
    nationalCode: m.nationalCode,
    firstName: 'مریم',
    lastName: 'احمدی',
    mobile: '09121234567',
    shopName: 'سوپرمارکت مریم',
    guildCode: '5411',
    postalCode: m.postalCode,
    address: 'تهران، خیابان ولیعصر',
    sheba: m.sheba,
    bankCode: '012',
    ...overrides,
  };
}

/** Submits, lets the verdict come, and returns the status answer. */
async function submitAndDecide(path: string, body: unknown): Promise<Record<string, unknown>> {
  const sub = await call('POST', path, { body, requestId: nextId() });
  expect(sub.status).toBe(202);
  await s.verdicts();
  const st = await call('GET', `/api/v1/requests/${String(sub.body.trackingCode)}`);
  expect(st.status).toBe(200);
  return st.body;
}

async function activeTerminal(): Promise<string> {
  const reg = await submitAndDecide('/api/v1/merchants', registration());
  expect(reg.status).toBe('DONE');
  const terminalId = (reg.result as Record<string, string>).terminalId;
  const dev = await submitAndDecide(`/api/v1/terminals/${terminalId}/device`, { deviceModel: 'S90', serial: `SN-${nextId()}` });
  expect(dev.status).toBe('DONE');
  return terminalId;
}

beforeAll(async () => {
  s = await startSim('a');
  token = String((await login()).body.accessToken);
});
afterAll(async () => {
  await s.close();
});

describe('PSP-A login', () => {
  it('gives an expiring bearer token and refuses wrong passwords, bad and expired tokens with 401', async () => {
    const bad = await login('kartabl', 'wrong');
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('A401');
    const ok = await login();
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 60 });
    const mine = String(ok.body.accessToken);
    expect((await call('GET', '/api/v1/requests/none', { token: mine })).status).toBe(404);
    expect((await call('GET', '/api/v1/requests/none', { token: 'forged' })).status).toBe(401);
    expect((await call('GET', '/api/v1/requests/none', { token: null })).status).toBe(401);
    s.clock.advance(60_000);
    const expired = await call('GET', '/api/v1/requests/none', { token: mine });
    expect(expired.status).toBe(401);
    expect(String(expired.body.message)).toContain('منقضی');
    token = String((await login()).body.accessToken);
  });
});

describe('PSP-A operations', () => {
  it('registers a merchant asynchronously: PENDING until the delay passes, then DONE with ids', async () => {
    const sub = await call('POST', '/api/v1/merchants', { body: registration(), requestId: nextId() });
    expect(sub.status).toBe(202);
    expect(sub.body.trackingCode).toMatch(/^A-\d{8}$/);
    const before = await call('GET', `/api/v1/requests/${String(sub.body.trackingCode)}`);
    expect(before.body.status).toBe('PENDING');
    s.clock.advance(DELAY - 1);
    expect((await call('GET', `/api/v1/requests/${String(sub.body.trackingCode)}`)).body.status).toBe('PENDING');
    await s.verdicts(1);
    const after = await call('GET', `/api/v1/requests/${String(sub.body.trackingCode)}`);
    expect(after.body).toMatchObject({ status: 'DONE', operation: 'register' });
    const { terminalId, merchantId } = after.body.result as Record<string, string>;
    expect(terminalId).toMatch(/^\d{8}$/);
    expect(merchantId).toMatch(/^6001\d{11}$/);
    const term = await call('GET', `/api/v1/terminals/${terminalId}`);
    expect(term.body).toMatchObject({ status: 'AWAITING_DEVICE', guildCode: '5411' });
  });

  it('answers missing fields at once with 400 naming them', async () => {
    const bad = await call('POST', '/api/v1/merchants', { body: { nationalCode: '0012345679' }, requestId: nextId() });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('A400');
    expect(String(bad.body.message)).toContain('guildCode');
    const noId = await call('POST', '/api/v1/merchants', { body: registration() });
    expect(noId.status).toBe(400);
  });

  it.each([
    ['invalid national code', { nationalCode: '1111111111' }, 'A101', 'کد ملی'],
    ['unknown guild', { guildCode: '11-020' }, 'A103', 'صنف'],
    ['invalid Sheba', { sheba: 'IR000120000000000001000001' }, 'A105', 'شبا'],
    ['bank code not the Sheba bank', { bankCode: '017' }, 'A106', 'بانک'],
  ])('rejects a registration with %s (%s → %s)', async (_what, override, code, word) => {
    const v = await submitAndDecide('/api/v1/merchants', registration(override));
    expect(v.status).toBe('REJECTED');
    expect(v.error).toMatchObject({ code });
    expect(String((v.error as Record<string, string>).message)).toContain(word);
  });

  it('rejects a duplicate shop and a Sheba owned by someone else', async () => {
    const first = registration();
    expect((await submitAndDecide('/api/v1/merchants', first)).status).toBe('DONE');
    const dup = await submitAndDecide('/api/v1/merchants', { ...first, shopName: 'دوباره' });
    expect(dup).toMatchObject({ status: 'REJECTED', error: { code: 'A102' } });
    const other = registration();
    await control(s.sim, 'POST', 'sheba-owners', { sheba: other.sheba, nationalCode: first.nationalCode });
    const mismatch = await submitAndDecide('/api/v1/merchants', other);
    expect(mismatch).toMatchObject({ status: 'REJECTED', error: { code: 'A104' } });
    expect(String((mismatch.error as Record<string, string>).message)).toContain('صاحب حساب');
  });

  it('defines a device, and refuses an unknown model and a serial already in use', async () => {
    const terminalId = await activeTerminal();
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body).toMatchObject({ status: 'ACTIVE', deviceModel: 'S90' });
    const reg = await submitAndDecide('/api/v1/merchants', registration());
    const t2 = (reg.result as Record<string, string>).terminalId;
    const unknown = await submitAndDecide(`/api/v1/terminals/${t2}/device`, { deviceModel: '101', serial: 'X-1' });
    expect(unknown).toMatchObject({ status: 'REJECTED', error: { code: 'A107' } });
    const serial = String((await call('GET', `/api/v1/terminals/${terminalId}`)).body.serial);
    const taken = await submitAndDecide(`/api/v1/terminals/${t2}/device`, { deviceModel: 'D210', serial });
    expect(taken).toMatchObject({ status: 'REJECTED', error: { code: 'A108' } });
  });

  it('swaps a device and refuses an unknown swap reason', async () => {
    const terminalId = await activeTerminal();
    const ok = await submitAndDecide(`/api/v1/terminals/${terminalId}/swap`, {
      deviceModel: 'A930',
      serial: 'SW-1',
      reasonCode: '10',
    });
    expect(ok).toMatchObject({ status: 'DONE', result: { serial: 'SW-1' } });
    const bad = await submitAndDecide(`/api/v1/terminals/${terminalId}/swap`, {
      deviceModel: 'A930',
      serial: 'SW-2',
      reasonCode: 'F',
    });
    expect(bad).toMatchObject({ status: 'REJECTED', error: { code: 'A111' } });
  });

  it('changes the account and merchant info, refusing a foreign Sheba and a bad mobile', async () => {
    const terminalId = await activeTerminal();
    const sheba = makeSheba('056', 777_001);
    const ok = await submitAndDecide(`/api/v1/terminals/${terminalId}/account`, { sheba, bankCode: '056' });
    expect(ok.status).toBe('DONE');
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body).toMatchObject({ sheba, bankCode: '056' });
    const foreign = makeSheba('056', 777_002);
    await control(s.sim, 'POST', 'sheba-owners', { sheba: foreign, nationalCode: '0000000000' });
    const mismatch = await submitAndDecide(`/api/v1/terminals/${terminalId}/account`, { sheba: foreign, bankCode: '056' });
    expect(mismatch).toMatchObject({ status: 'REJECTED', error: { code: 'A104' } });

    const info = await submitAndDecide(`/api/v1/terminals/${terminalId}/merchant-info`, { shopName: 'نام تازه' });
    expect(info.status).toBe('DONE');
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body.shopName).toBe('نام تازه');
    const badMobile = await submitAndDecide(`/api/v1/terminals/${terminalId}/merchant-info`, { mobile: '12345' });
    expect(badMobile).toMatchObject({ status: 'REJECTED', error: { code: 'A113' } });
  });

  it('reactivates only after a Shaparak deactivation, collects once, and an unknown terminal is rejected', async () => {
    const terminalId = await activeTerminal();
    const early = await submitAndDecide(`/api/v1/terminals/${terminalId}/reactivate`, {});
    expect(early).toMatchObject({ status: 'REJECTED', error: { code: 'A110' } });
    await control(s.sim, 'POST', 'deactivate', { terminalId, reason: 'no-transactions' });
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body).toMatchObject({
      status: 'DEACTIVATED',
      statusReason: 'no-transactions',
    });
    expect((await submitAndDecide(`/api/v1/terminals/${terminalId}/reactivate`, {})).status).toBe('DONE');
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body.status).toBe('ACTIVE');

    const badReason = await submitAndDecide(`/api/v1/terminals/${terminalId}/collect`, { reasonCode: '9' });
    expect(badReason).toMatchObject({ status: 'REJECTED', error: { code: 'A111' } });
    expect((await submitAndDecide(`/api/v1/terminals/${terminalId}/collect`, { reasonCode: '1' })).status).toBe('DONE');
    const again = await submitAndDecide(`/api/v1/terminals/${terminalId}/collect`, { reasonCode: '1' });
    expect(again).toMatchObject({ status: 'REJECTED', error: { code: 'A110' } });
    const none = await submitAndDecide('/api/v1/terminals/99999999/collect', { reasonCode: '1' });
    expect(none).toMatchObject({ status: 'REJECTED', error: { code: 'A109' } });
  });

  it('serves a deterministic daily transaction feed generated through the control API', async () => {
    const terminalId = await activeTerminal();
    const empty = await call('GET', `/api/v1/terminals/${terminalId}/transactions?date=2026-03-22`);
    expect(empty.body.transactions).toEqual([]);
    const counts = (await control(s.sim, 'POST', 'transactions', { date: '2026-03-22', terminalId })) as Record<string, number>;
    const feed = await call('GET', `/api/v1/terminals/${terminalId}/transactions?date=2026-03-22`);
    const list = feed.body.transactions as { rrn: string; amount: number; terminalId: string }[];
    expect(list).toHaveLength(counts[terminalId]);
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((t) => t.terminalId === terminalId)).toBe(true);
    await control(s.sim, 'POST', 'transactions', { date: '2026-03-22', terminalId });
    expect((await call('GET', `/api/v1/terminals/${terminalId}/transactions?date=2026-03-22`)).body.transactions).toEqual(list);
    expect((await call('GET', `/api/v1/terminals/${terminalId}/transactions?date=22-03-2026`)).status).toBe(400);
  });
});

describe('PSP-A idempotency', () => {
  it('registers once for the same request id and body, records every duplicate, refuses another body with 409', async () => {
    const body = registration();
    const before = (await control(s.sim, 'GET', 'terminals')) as unknown[];
    const first = await call('POST', '/api/v1/merchants', { body, requestId: 'idem-1' });
    const second = await call('POST', '/api/v1/merchants', { body, requestId: 'idem-1' });
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('x-idempotent-replay')).toBe('true');
    await s.verdicts();
    const third = await call('POST', '/api/v1/merchants', { body, requestId: 'idem-1' });
    expect(third.body).toEqual(first.body);
    const after = (await control(s.sim, 'GET', 'terminals')) as unknown[];
    expect(after.length).toBe(before.length + 1);
    const changed = await call('POST', '/api/v1/merchants', { body: { ...body, shopName: 'x' }, requestId: 'idem-1' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('A409');
    const dups = (await control(s.sim, 'GET', 'duplicates')) as {
      clientRequestId: string;
      sameBody: boolean;
      trackingCode: string;
    }[];
    const mine = dups.filter((d) => d.clientRequestId === 'idem-1');
    expect(mine.map((d) => d.sameBody)).toEqual([true, true, false]);
    expect(mine.every((d) => d.trackingCode === first.body.trackingCode)).toBe(true);
  });
});

describe('PSP-A faults', () => {
  afterEach(async () => {
    await control(s.sim, 'DELETE', 'faults');
  });

  it('adds latency', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'status', latencyMs: 300 });
    const t0 = Date.now();
    expect((await call('GET', '/api/v1/requests/none')).status).toBe(404);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it('answers 5xx without processing, for the configured number of calls only', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'error', status: 502, times: 1 });
    const body = registration();
    const failed = await call('POST', '/api/v1/merchants', { body, requestId: 'fault-5xx' });
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('A500');
    const requests = (await control(s.sim, 'GET', 'requests')) as { clientRequestId: string }[];
    expect(requests.some((r) => r.clientRequestId === 'fault-5xx')).toBe(false);
    expect((await call('POST', '/api/v1/merchants', { body, requestId: 'fault-5xx' })).status).toBe(202);
  });

  it('fails a seeded percentage of calls, the same calls for the same seed', async () => {
    const chances = [
      { failure: 'error', percent: 20, status: 502 },
      { failure: 'error', percent: 10, status: 504 },
    ];
    const run = async () => {
      await control(s.sim, 'PUT', 'faults', { operation: 'status', chances, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i += 1) statuses.push((await call('GET', '/api/v1/requests/none')).status);
      return statuses;
    };
    const first = await run();
    const count = (st: number) => first.filter((x) => x === st).length;
    expect(count(502)).toBeGreaterThan(20); // ≈ 40 of 200
    expect(count(502)).toBeLessThan(60);
    expect(count(504)).toBeGreaterThan(8); // ≈ 20 of 200
    expect(count(504)).toBeLessThan(35);
    expect(count(404)).toBe(200 - count(502) - count(504)); // the others are answered normally
    expect(await run()).toEqual(first); // setting the fault again restarts the same sequence
    const faults = (await control(s.sim, 'GET', 'faults')) as { status?: { draws?: number } };
    expect(faults.status?.draws).toBe(200);
  });

  it('hangs (the client times out) without processing', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'hang' });
    await expect(
      fetch(`${s.sim.url}/api/v1/merchants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'fault-hang', 'content-type': 'application/json' },
        body: JSON.stringify(registration()),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    const requests = (await control(s.sim, 'GET', 'requests')) as { clientRequestId: string }[];
    expect(requests.some((r) => r.clientRequestId === 'fault-hang')).toBe(false);
  });

  it('answers garbage after processing (malformed), and a retry gets the real answer', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'malformed', times: 1 });
    const body = registration();
    const res = await fetch(`${s.sim.url}/api/v1/merchants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'fault-malformed', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    const retry = await call('POST', '/api/v1/merchants', { body, requestId: 'fault-malformed' });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('x-idempotent-replay')).toBe('true');
  });

  it('processes but loses the answer; the retry is a recorded duplicate and registers nothing new', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'lost', times: 1 });
    const body = registration();
    await expect(
      fetch(`${s.sim.url}/api/v1/merchants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-request-id': 'fault-lost', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    ).rejects.toThrow();
    const retry = await call('POST', '/api/v1/merchants', { body, requestId: 'fault-lost' });
    expect(retry.status).toBe(202);
    const requests = (await control(s.sim, 'GET', 'requests')) as { clientRequestId: string }[];
    expect(requests.filter((r) => r.clientRequestId === 'fault-lost')).toHaveLength(1);
    const dups = (await control(s.sim, 'GET', 'duplicates')) as { clientRequestId: string }[];
    expect(dups.filter((d) => d.clientRequestId === 'fault-lost')).toHaveLength(1);
  });

  it('refuses unknown fault operations', async () => {
    await expect(control(s.sim, 'PUT', 'faults', { operation: 'nope', failure: 'error' })).rejects.toThrow(/400/);
  });
});

describe('PSP-A callbacks', () => {
  let server: Server;
  let received: Record<string, unknown>[];
  let failFirst: number;

  beforeAll(async () => {
    received = [];
    failFirst = 0;
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(raw) as Record<string, unknown>);
        res.writeHead(failFirst-- > 0 ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('posts the verdict to the callback URL and retries after a failure', async () => {
    const port = (server.address() as AddressInfo).port;
    failFirst = 1;
    const sub = await call('POST', '/api/v1/merchants', {
      body: { ...registration(), callbackUrl: `http://127.0.0.1:${port}/cb` },
      requestId: 'cb-1',
    });
    expect(sub.status).toBe(202);
    await s.verdicts();
    expect(received).toHaveLength(1);
    await s.verdicts(999); // retry is due 1 s after the first attempt
    expect(received).toHaveLength(1);
    await s.verdicts(1);
    expect(received).toHaveLength(2);
    expect(received[1]).toMatchObject({ trackingCode: sub.body.trackingCode, clientRequestId: 'cb-1', status: 'DONE' });
    await s.verdicts(60_000);
    expect(received).toHaveLength(2);
    token = String((await login()).body.accessToken); // the wait outlived the 60 s token
    const req = (
      (await control(s.sim, 'GET', 'requests')) as {
        clientRequestId: string;
        callback: { attempts: number; delivered: boolean };
      }[]
    ).find((r) => r.clientRequestId === 'cb-1');
    expect(req?.callback).toMatchObject({ attempts: 2, delivered: true });
  });

  it('refuses a callback URL that is not http(s)', async () => {
    const bad = await call('POST', '/api/v1/merchants', {
      body: { ...registration(), callbackUrl: 'ftp://x' },
      requestId: nextId(),
    });
    expect(bad.status).toBe(400);
  });
});

describe('PSP-A restart', () => {
  it('keeps terminals, requests and duplicates across a restart (tokens are not kept)', async () => {
    const terminalId = await activeTerminal();
    const dupsBefore = ((await control(s.sim, 'GET', 'duplicates')) as unknown[]).length;
    await s.restart();
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).status).toBe(401);
    token = String((await login()).body.accessToken);
    expect((await call('GET', `/api/v1/terminals/${terminalId}`)).body).toMatchObject({ status: 'ACTIVE' });
    expect(((await control(s.sim, 'GET', 'duplicates')) as unknown[]).length).toBe(dupsBefore);
    const again = await call('POST', '/api/v1/merchants', { body: registration(), requestId: 'idem-1' });
    expect(again.status).toBe(409); // the id is still known after the restart
  });
});
