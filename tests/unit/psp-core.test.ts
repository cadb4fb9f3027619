import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createPspHttpClient } from '../../activities/psp/http';
import { PspAdapterRegistry } from '../../activities/psp/registry';
import { toActivityFailure } from '../../activities/psp';
import { UnmappedValueError } from '../../domain/basedata';
import { bi } from '../../domain/i18n';
import { resolveCredentialOwner, type AgentNode, type AgentPspLink } from '../../domain/psp/credential-owner';
import {
  NON_RETRYABLE_PSP_ERRORS,
  PspAdapterMissing,
  PspBusinessRejection,
  PspCredentialsUnavailable,
  PspRetryableError,
  PspUnmappedValue,
  classifyPspError,
  isRetryablePspError,
  type PspOutcomeClass,
} from '../../domain/psp/errors';
import { createPspMapper } from '../../domain/psp/mapper';
import { renderPspMetrics } from '../../domain/psp/metrics';
import { PSP_OPERATIONS, type PspAdapter } from '../../domain/psp/adapter';
import { parseCallText, textJson } from '../../db/repositories/psp';
import { ApplicationFailure } from '@temporalio/common';

describe('PSP error classification', () => {
  const rejection = new PspBusinessRejection(
    'psp-a',
    'E102',
    'کد ملی نامعتبر است',
    bi('کد ملی نادرست است.', 'Invalid national code.'),
  );

  it('tells retryable, rejected, unmapped, configuration and unknown errors apart', () => {
    expect(classifyPspError(new PspRetryableError('timeout', 'slow'))).toBe('retryable');
    expect(classifyPspError(rejection)).toBe('rejected');
    expect(classifyPspError(new PspUnmappedValue('guild', 'bakery', 'psp-a'))).toBe('unmapped');
    expect(classifyPspError(new UnmappedValueError('guild', 'bakery', 'psp-a'))).toBe('unmapped');
    expect(classifyPspError(new PspCredentialsUnavailable('psp-a', 'x', 'no-credentials'))).toBe('config');
    expect(classifyPspError(new PspAdapterMissing('psp-a', 'rest'))).toBe('config');
    expect(classifyPspError(new TypeError('bug'))).toBe('error');
    expect(isRetryablePspError(new PspRetryableError('http-5xx', '500'))).toBe(true);
    expect(isRetryablePspError(rejection)).toBe(false);
  });

  it('names the errors for Temporal nonRetryableErrorTypes and keeps the PSP code, Persian message and our text', () => {
    expect(rejection.name).toBe('PspBusinessRejection');
    expect(rejection.rejectionCode).toBe('E102');
    expect(rejection.pspMessage).toBe('کد ملی نامعتبر است');
    expect(rejection.text.en).toBe('Invalid national code.');
    expect(new PspRetryableError('network', 'x').name).toBe('PspRetryableError');
    const unmapped = new PspUnmappedValue('guild', 'bakery', 'psp-a');
    expect(unmapped.name).toBe('PspUnmappedValue');
    expect(unmapped).toBeInstanceOf(UnmappedValueError);
    expect(unmapped.text.en).toContain('bakery');
    expect(unmapped.text.en).toContain('psp-a');
    expect(NON_RETRYABLE_PSP_ERRORS).toEqual(expect.arrayContaining(['PspBusinessRejection', 'PspUnmappedValue']));
  });

  it('turns unmapped and configuration errors into non-retryable failures and leaves retryable ones alone', () => {
    const f = toActivityFailure(new UnmappedValueError('bank', '017', 'psp-b')) as ApplicationFailure;
    expect(f).toBeInstanceOf(ApplicationFailure);
    expect(f.type).toBe('PspUnmappedValue');
    expect(f.nonRetryable).toBe(true);
    expect(f.details?.[0]).toMatchObject({ kind: 'bank', itemCode: '017', pspCode: 'psp-b', reason: 'unmapped' });
    const c = toActivityFailure(new PspCredentialsUnavailable('psp-b', null, 'unknown-agent')) as ApplicationFailure;
    expect(c.type).toBe('PspCredentialsUnavailable');
    expect(c.nonRetryable).toBe(true);
    const r = new PspRetryableError('timeout', 'slow');
    expect(toActivityFailure(r)).toBe(r);
  });

  it('says every retryable failure to people in Persian and English, with the HTTP status when there is one', () => {
    const reasons = ['network', 'timeout', 'http-5xx', 'throttled', 'malformed', 'session'] as const;
    const texts = reasons.map((reason) => new PspRetryableError(reason, 'technical detail', 502).text);
    for (const t of texts) {
      expect(t.fa).toMatch(/[\u0600-\u06FF]{3}/);
      expect(t.en).toMatch(/^[A-Z][^\u0600-\u06FF]+\.$/);
      expect(t.en).not.toContain('technical detail');
    }
    expect(new Set(texts.map((t) => t.en)).size).toBe(reasons.length);
    expect(new PspRetryableError('http-5xx', 'HTTP 502 from x', 502).text.en).toContain('(HTTP 502)');
    expect(new PspRetryableError('http-5xx', 'no status').text.en).not.toContain('HTTP');
  });
});

describe('outbound mapper', () => {
  const table = (pspKnown = true) => ({
    pspCode: 'psp-a',
    pspKnown,
    mappings: new Map([
      ['guild/bakery', '5462'],
      ['collect-reason/merchant-cancelled', '1'],
      ['bank/melli', '017'],
    ]),
    itemExists: (kind: string, code: string) => ['guild/bakery', 'guild/butcher', 'bank/melli'].includes(`${kind}/${code}`),
  });

  it("translates internal codes to the PSP's codes", () => {
    const m = createPspMapper(table());
    expect(m.code('guild', 'bakery')).toBe('5462');
    expect(m.codes({ reason: ['collect-reason', 'merchant-cancelled'], bank: ['bank', 'melli'] })).toEqual({
      reason: '1',
      bank: '017',
    });
  });

  it('refuses an unmapped, an unknown value and an unknown PSP with a named, non-retryable error', () => {
    const m = createPspMapper(table());
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as PspUnmappedValue;
      }
      throw new Error('did not throw');
    };
    const unmapped = err(() => m.code('guild', 'butcher'));
    expect(unmapped).toBeInstanceOf(PspUnmappedValue);
    expect(unmapped).toMatchObject({ kind: 'guild', itemCode: 'butcher', pspCode: 'psp-a', reason: 'unmapped' });
    expect(err(() => m.code('guild', 'nope')).reason).toBe('unknown-item');
    expect(err(() => createPspMapper(table(false)).code('guild', 'bakery')).reason).toBe('unknown-psp');
  });
});

describe('credential-owner rule (three-level tree, two PSPs)', () => {
  const tree: AgentNode[] = [
    { id: 'broker', parentId: null, isBroker: true, status: 'active' },
    { id: 'agent', parentId: 'broker', isBroker: false, status: 'active' },
    { id: 'sub', parentId: 'agent', isBroker: false, status: 'active' },
  ];
  const pspA: AgentPspLink[] = [
    { agentId: 'broker', direct: true, hasCredentials: true },
    { agentId: 'agent', direct: true, hasCredentials: true },
  ];
  const pspB: AgentPspLink[] = [{ agentId: 'broker', direct: true, hasCredentials: true }];

  it('uses the nearest direct broker at or above the requester', () => {
    expect(resolveCredentialOwner(tree, pspA, 'sub')).toMatchObject({ ok: true, ownerId: 'agent', via: 'direct-broker' });
    expect(resolveCredentialOwner(tree, pspA, 'agent')).toMatchObject({ ok: true, ownerId: 'agent' });
    expect(resolveCredentialOwner(tree, pspA, 'broker')).toMatchObject({ ok: true, ownerId: 'broker', via: 'main-broker' });
  });

  it('falls back to the main broker when nobody below is a direct broker of that PSP', () => {
    expect(resolveCredentialOwner(tree, pspB, 'sub')).toMatchObject({
      ok: true,
      ownerId: 'broker',
      via: 'main-broker',
      path: ['sub', 'agent', 'broker'],
    });
    const linkedNotDirect = [...pspB, { agentId: 'agent', direct: false, hasCredentials: true }];
    expect(resolveCredentialOwner(tree, linkedNotDirect, 'sub')).toMatchObject({ ok: true, ownerId: 'broker' });
  });

  it('a direct broker without credentials still owns its subtree: fails closed, not under the main broker', () => {
    const links = [...pspB, { agentId: 'agent', direct: true, hasCredentials: false }];
    expect(resolveCredentialOwner(tree, links, 'sub')).toEqual({
      ok: false,
      problem: 'no-credentials',
      ownerId: 'agent',
      path: ['sub', 'agent'],
    });
    expect(resolveCredentialOwner(tree, [], 'sub')).toMatchObject({ ok: false, problem: 'no-credentials', ownerId: 'broker' });
  });

  it('a suspended direct broker blocks its subtree; a suspended plain agent is passed through', () => {
    const suspended = tree.map((a) => (a.id === 'agent' ? { ...a, status: 'suspended' as const } : a));
    expect(resolveCredentialOwner(suspended, pspA, 'sub')).toMatchObject({
      ok: false,
      problem: 'owner-suspended',
      ownerId: 'agent',
    });
    expect(resolveCredentialOwner(suspended, pspB, 'sub')).toMatchObject({ ok: true, ownerId: 'broker' });
  });

  it('reports an unknown requester and a tree without a main broker', () => {
    expect(resolveCredentialOwner(tree, pspA, 'ghost')).toMatchObject({ ok: false, problem: 'unknown-agent' });
    const orphan = [{ id: 'x', parentId: null, isBroker: false, status: 'active' as const }];
    expect(resolveCredentialOwner(orphan, [], 'x')).toMatchObject({ ok: false, problem: 'no-main-broker' });
  });
});

describe('metrics rendering', () => {
  it('renders counters by outcome, errors by class and a cumulative latency histogram', () => {
    const text = renderPspMetrics(
      [
        { psp: 'psp-a', operation: 'registerMerchant', outcome: 'ok', count: 3 },
        { psp: 'psp-a', operation: 'registerMerchant', outcome: 'retryable', count: 2 },
        { psp: 'psp-a', operation: 'status', outcome: 'retryable', count: 1 },
      ],
      [{ psp: 'psp-a', count: 6, sumMs: 1500, buckets: [1, 2, 3, 4, 5, 6, 6, 6, 6] }],
    );
    expect(text).toContain('kartabl_psp_calls_total{psp="psp-a",operation="registerMerchant",outcome="ok"} 3');
    expect(text).toContain('kartabl_psp_call_errors_total{psp="psp-a",class="retryable"} 3');
    expect(text).toContain('kartabl_psp_call_duration_seconds_bucket{psp="psp-a",le="0.05"} 1');
    expect(text).toContain('kartabl_psp_call_duration_seconds_bucket{psp="psp-a",le="+Inf"} 6');
    expect(text).toContain('kartabl_psp_call_duration_seconds_sum{psp="psp-a"} 1.5');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('adapter registry', () => {
  it('chooses by PSP code, then protocol, and names the PSP when none fits', () => {
    const fake = (code: string) => ({ pspCode: code }) as PspAdapter;
    const r = new PspAdapterRegistry()
      .registerProtocol('rest', (e) => fake(`rest:${e.pspCode}`))
      .registerPsp('psp-x', () => fake('own'));
    expect(r.forPsp({ pspCode: 'psp-a', protocol: 'rest' }).pspCode).toBe('rest:psp-a');
    expect(r.forPsp({ pspCode: 'psp-x', protocol: 'soap' }).pspCode).toBe('own');
    expect(() => r.forPsp({ pspCode: 'psp-b', protocol: 'soap' })).toThrow(PspAdapterMissing);
    expect(r.has({ pspCode: 'psp-b', protocol: 'soap' })).toBe(false);
  });
});

describe('PSP HTTP client against a local server', () => {
  let server: Server;
  let base: string;
  const seen: { key?: string; body?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ key: req.headers['idempotency-key'] as string | undefined, body });
        switch (req.url) {
          case '/ok':
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ trackingCode: 'T-1' }));
            break;
          case '/500':
            res.writeHead(500).end('boom');
            break;
          case '/429':
            res.writeHead(429).end();
            break;
          case '/hang':
            break; // never answers
          case '/garbage':
            res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json');
            break;
          case '/wrong-shape':
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ tracking: 1 }));
            break;
          case '/400':
            res
              .writeHead(400, { 'content-type': 'application/json' })
              .end(JSON.stringify({ code: 'E102', message: 'کد ملی نامعتبر است' }));
            break;
          default:
            res.writeHead(404).end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const Tracking = z.object({ trackingCode: z.string() });
  const client = () => createPspHttpClient({ baseUrl: base, timeoutMs: 300 });
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e;
    }
    throw new Error('did not fail');
  };

  it('returns the validated answer and sends the request id as idempotency key', async () => {
    const res = await client().request({ path: '/ok', requestId: 'req-42', body: { a: 1 }, schema: Tracking });
    expect(res.data).toEqual({ trackingCode: 'T-1' });
    expect(res.status).toBe(200);
    expect(seen.at(-1)).toEqual({ key: 'req-42', body: '{"a":1}' });
  });

  it.each([
    ['/500', 'http-5xx'],
    ['/429', 'throttled'],
    ['/hang', 'timeout'],
    ['/garbage', 'malformed'],
    ['/wrong-shape', 'malformed'],
  ])('%s is retryable (%s)', async (path, reason) => {
    const e = await failure(client().request({ path, requestId: 'r', schema: Tracking }));
    expect(e).toBeInstanceOf(PspRetryableError);
    expect((e as PspRetryableError).reason).toBe(reason);
  });

  it('a refused connection is a retryable network error', async () => {
    const c = createPspHttpClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 1000 });
    const e = await failure(c.request({ path: '/x', requestId: 'r', schema: Tracking }));
    expect(e).toBeInstanceOf(PspRetryableError);
    expect((e as PspRetryableError).reason).toBe('network');
  });

  it('lets the adapter turn a 4xx body into a business rejection', async () => {
    const e = await failure(
      client().request({
        path: '/400',
        requestId: 'r',
        schema: Tracking,
        onStatus: (_status, body) => {
          const b = JSON.parse(body) as { code: string; message: string };
          throw new PspBusinessRejection('psp-a', b.code, b.message, bi('کد ملی نادرست است.', 'Invalid national code.'));
        },
      }),
    );
    expect(e).toBeInstanceOf(PspBusinessRejection);
    expect((e as PspBusinessRejection).pspMessage).toBe('کد ملی نامعتبر است');
  });

  it('an unexpected 4xx without a handler is not silently accepted', async () => {
    const e = await failure(client().request({ path: '/400', requestId: 'r', schema: Tracking }));
    expect(e).toBeInstanceOf(PspRetryableError);
  });
});

describe('portal labels of the PSP call log', () => {
  it('every PSP operation and call outcome has a Persian and an English label on the request timeline', async () => {
    const { FA_MESSAGES } = await import('../../portal/src/app/core/i18n/messages.fa');
    const { EN_MESSAGES } = await import('../../portal/src/app/core/i18n/messages.en');
    const outcomes: PspOutcomeClass[] = ['ok', 'rejected', 'retryable', 'unmapped', 'config', 'error'];
    const keys = [...PSP_OPERATIONS.map((o) => `requests.psp.op.${o}`), ...outcomes.map((o) => `requests.psp.outcome.${o}`)];
    for (const key of keys) {
      expect([key, (FA_MESSAGES as Record<string, string>)[key]]).toEqual([key, expect.stringMatching(/[\u0600-\u06FF]/)]);
      expect([key, (EN_MESSAGES as Record<string, string>)[key]]).toEqual([key, expect.stringMatching(/^[A-Z]/)]);
    }
  });
});

describe('a PSP call text in its 2,000-character column', () => {
  it('keeps a short text whole and shortens a long one full of characters JSON escapes, so it always fits and parses', () => {
    const short = bi('پاسخی نرسید.', 'No answer.');
    expect(parseCallText(textJson(short))).toEqual(short);
    const long = bi('«"\\\n'.repeat(600) + '😀'.repeat(300), '"\\\n'.repeat(900));
    const json = textJson(long);
    expect(json.length).toBeLessThanOrEqual(2000);
    const back = parseCallText(json);
    expect(back?.fa.startsWith('«"\\\n«')).toBe(true);
    expect(back?.en.length).toBeGreaterThan(100);
    expect(parseCallText('not json')).toBeNull();
    expect(parseCallText(null)).toBeNull();
  });
});
