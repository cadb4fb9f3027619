/**
 * The PSP-A adapter: JSON over HTTP (contract: psp-sim/README.md "PSP-A").
 *
 * - Session: `POST /auth/login {username, password}` → a bearer token, cached per (endpoint,
 *   username) until shortly before it expires (PspATokenCache; concurrent calls share one login).
 *   A 401 on a call drops the token and logs in ONCE more; a second 401 (or a refused login) is
 *   PspCredentialsUnavailable('refused'), non-retryable.
 * - Every submission carries `X-Request-Id: ctx.requestId` (PSP-A's idempotency key) and, when
 *   configured, `callbackUrl` (PSP-A then POSTs the verdict there).
 * - Outbound codes are translated with `ctx.map` BEFORE any request (login included), so an
 *   unmapped value leaves nothing at the PSP.
 * - Answers are validated with zod (malformed → retryable); `{code, message}` error bodies of
 *   4xx become PspBusinessRejection with PSP-A's code, its Persian message and our text.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type {
  PspAccepted,
  PspAdapter,
  PspCallContext,
  PspConnectionCheck,
  PspEndpoint,
  PspTerminalInfo,
  PspVerdict,
} from '../../domain/psp/adapter';
import { PspAdapterMissing, PspCredentialsUnavailable, PspRetryableError } from '../../domain/psp/errors';
import type { PspRejectionReason } from '../../domain/psp/rejections';
import { defined, guildChangeUnsupported, rejection, terminalRequired, toTransaction, userPassword } from './adapter-common';
import { createPspHttpClient, type PspHttpClient, type PspHttpRequest } from './http';

/** PSP-A's refusal codes (its documentation's table) → our reasons. */
export const PSP_A_CODES: Readonly<Record<string, PspRejectionReason>> = {
  A101: 'invalid-national-code',
  A102: 'duplicate-shop',
  A103: 'unknown-guild',
  A104: 'sheba-owner-mismatch',
  A105: 'invalid-sheba',
  A106: 'bank-mismatch',
  A107: 'unknown-device-model',
  A108: 'duplicate-serial',
  A109: 'terminal-not-found',
  A110: 'terminal-state',
  A111: 'unknown-reason',
  A112: 'invalid-postal-code',
  A113: 'invalid-mobile',
  A400: 'invalid-request',
  A404: 'not-found',
  A409: 'request-id-reused',
};

interface Session {
  token: string;
  /** Epoch ms after which the token is not used any more (shortly before the PSP's expiry). */
  useUntil: number;
  fingerprint: string;
}

/**
 * Bearer tokens per (endpoint, username). A token is used until `margin` before its expiry
 * (a tenth of its lifetime, at most 30 s); a changed password never reuses the old token.
 */
export class PspATokenCache {
  private readonly sessions = new Map<string, Session>();
  private readonly logins = new Map<string, Promise<Session>>();

  constructor(readonly now: () => number = Date.now) {}

  private static key(endpoint: string, username: string): string {
    return `${endpoint}\u0000${username}`;
  }

  static fingerprint(password: string): string {
    return createHash('sha256').update(password).digest('base64url');
  }

  /** A live cached session, or one fresh login (shared by concurrent callers). */
  async get(endpoint: string, username: string, fingerprint: string, login: () => Promise<Session>): Promise<Session> {
    const key = PspATokenCache.key(endpoint, username);
    const cached = this.sessions.get(key);
    if (cached && cached.fingerprint === fingerprint && this.now() < cached.useUntil) return cached;
    const running = this.logins.get(key);
    if (running) return running;
    const p = login()
      .then((s) => {
        this.sessions.set(key, s);
        return s;
      })
      .finally(() => this.logins.delete(key));
    this.logins.set(key, p);
    return p;
  }

  /** Forgets a token the PSP refused (only if it is still the cached one). */
  drop(endpoint: string, username: string, token: string): void {
    const key = PspATokenCache.key(endpoint, username);
    if (this.sessions.get(key)?.token === token) this.sessions.delete(key);
  }

  put(endpoint: string, username: string, session: Session): void {
    this.sessions.set(PspATokenCache.key(endpoint, username), session);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** The tokens of the process (adapters are created per call; their sessions outlive them). */
export const pspATokens = new PspATokenCache();

export interface PspAAdapterOptions {
  /** Per-call timeout (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  tokens?: PspATokenCache;
  /** Where PSP-A should POST verdicts (sent with every submission); absent: status queries only. */
  callbackUrl?: string;
}

const ErrorBody = z.object({ code: z.string().min(1), message: z.string() });
const LoginAnswer = z.object({
  accessToken: z.string().min(1),
  tokenType: z.string().regex(/^bearer$/i),
  expiresIn: z.number().positive(),
});
const Accepted = z.object({ trackingCode: z.string().min(1), status: z.string() });
const Verdict = z.object({
  trackingCode: z.string().min(1),
  status: z.enum(['PENDING', 'DONE', 'REJECTED']),
  result: z.record(z.string(), z.string()).optional(),
  error: ErrorBody.optional(),
});
const TerminalAnswer = z.object({
  terminalId: z.string().min(1),
  merchantId: z.string().nullish(),
  status: z.enum(['AWAITING_DEVICE', 'ACTIVE', 'DEACTIVATED', 'COLLECTED']),
  statusReason: z.string().nullish(),
  deviceModel: z.string().nullish(),
  serial: z.string().nullish(),
});
const Feed = z.object({
  terminalId: z.string(),
  date: z.string(),
  transactions: z.array(
    z.object({
      rrn: z.string().min(1),
      terminalId: z.string(),
      date: z.string(),
      time: z.string(),
      amount: z.number().nonnegative(),
      cardPan: z.string(),
      kind: z.string(),
      success: z.boolean(),
    }),
  ),
});

/** Thrown by `onStatus` on 401 so the caller can re-login (never leaves the adapter). */
class SessionRefused extends Error {}

export function createPspAAdapter(endpoint: PspEndpoint, opts: PspAAdapterOptions = {}): PspAdapter {
  const { pspCode } = endpoint;
  if (!endpoint.endpointUrl) throw new PspAdapterMissing(pspCode, endpoint.protocol, 'no-endpoint');
  const baseUrl = endpoint.endpointUrl.replace(/\/+$/, '');
  const http: PspHttpClient = createPspHttpClient({ baseUrl, timeoutMs: opts.timeoutMs, fetch: opts.fetch });
  const tokens = opts.tokens ?? pspATokens;
  const label = `PSP-A (${pspCode})`;

  /** 4xx other than 401: PSP-A's `{code, message}` → a business rejection; unreadable → malformed. */
  const refusal = (status: number, body: string): never => {
    if (status === 401) throw new SessionRefused();
    let parsed: z.infer<typeof ErrorBody> | undefined;
    try {
      parsed = ErrorBody.parse(JSON.parse(body));
    } catch {
      throw new PspRetryableError('malformed', `unexpected HTTP ${status} from the PSP without an error code`, status);
    }
    throw rejection(pspCode, label, PSP_A_CODES, parsed.code, parsed.message);
  };

  async function login(ctx: PspCallContext, username: string, password: string): Promise<Session & { expiresIn: number }> {
    const res = await http
      .request({
        method: 'POST',
        path: '/auth/login',
        requestId: ctx.requestId,
        body: { username, password },
        schema: LoginAnswer,
        onStatus: (status, body) => {
          if (status === 400 || status === 401 || status === 403) throw new PspCredentialsUnavailable(pspCode, null, 'refused');
          return refusal(status, body);
        },
        signal: ctx.signal,
      })
      .catch((err: unknown) => {
        if (err instanceof SessionRefused) throw new PspCredentialsUnavailable(pspCode, null, 'refused');
        throw err;
      });
    const ttlMs = res.data.expiresIn * 1000;
    return {
      token: res.data.accessToken,
      useUntil: tokens.now() + ttlMs - Math.min(30_000, ttlMs / 10),
      fingerprint: PspATokenCache.fingerprint(password),
      expiresIn: res.data.expiresIn,
    };
  }

  /** A call with the cached session; on 401 one fresh login and one more try. */
  async function authed<T>(ctx: PspCallContext, build: () => Omit<PspHttpRequest<T>, 'requestId' | 'onStatus'>): Promise<T> {
    const { username, password } = userPassword(pspCode, ctx);
    const fingerprint = PspATokenCache.fingerprint(password);
    const send = async (session: Session): Promise<T> => {
      const req = build();
      const res = await http.request<T>({
        ...req,
        requestId: ctx.requestId,
        headers: { ...req.headers, authorization: `Bearer ${session.token}` },
        onStatus: refusal,
        signal: ctx.signal,
      });
      return res.data;
    };
    const first = await tokens.get(baseUrl, username, fingerprint, () => login(ctx, username, password));
    try {
      return await send(first);
    } catch (err) {
      if (!(err instanceof SessionRefused)) throw err;
    }
    tokens.drop(baseUrl, username, first.token);
    const again = await tokens.get(baseUrl, username, fingerprint, () => login(ctx, username, password));
    try {
      return await send(again);
    } catch (err) {
      if (err instanceof SessionRefused) {
        tokens.drop(baseUrl, username, again.token);
        throw new PspCredentialsUnavailable(pspCode, null, 'refused');
      }
      throw err;
    }
  }

  /** One submission: the body is built (and mapped) before anything goes out. */
  async function submit(ctx: PspCallContext, path: string, body: Record<string, string>): Promise<PspAccepted> {
    const payload = opts.callbackUrl ? { ...body, callbackUrl: opts.callbackUrl } : body;
    const data = await authed(ctx, () => ({
      method: 'POST' as const,
      path,
      body: payload,
      schema: Accepted,
      accept: (s: number) => s === 200 || s === 201 || s === 202,
    }));
    return { outcome: 'accepted', trackingCode: data.trackingCode };
  }

  const terminalPath = (terminalId: string, action: string) => `/api/v1/terminals/${encodeURIComponent(terminalId)}/${action}`;

  return {
    pspCode,

    async ping(ctx): Promise<PspConnectionCheck> {
      const { username, password } = userPassword(pspCode, ctx);
      // Always a fresh login: a cached token must not hide a changed (wrong) password.
      const s = await login(ctx, username, password);
      tokens.put(baseUrl, username, s);
      return { ok: true, detail: `logged in as ${username}; the session is valid for ${s.expiresIn} s` };
    },

    async registerMerchant(ctx, i) {
      const c = ctx.map.codes({
        guild: ['guild', i.shop.guild],
        bank: ['bank', i.account.bank],
        // Checked now so a registration never starts with a device PSP-A cannot define later.
        deviceModel: ['device-model', i.deviceModel],
      });
      return submit(ctx, '/api/v1/merchants', {
        nationalCode: i.person.nationalCode ?? i.person.legalId ?? '',
        firstName: i.person.firstName,
        lastName: i.person.lastName,
        mobile: i.person.mobile,
        shopName: i.shop.nameFa,
        guildCode: c.guild,
        postalCode: i.shop.postalCode,
        address: i.shop.address,
        sheba: i.account.sheba,
        bankCode: c.bank,
      });
    },

    async defineDevice(ctx, i) {
      const model = ctx.map.code('device-model', i.deviceModel);
      return submit(ctx, terminalPath(i.terminalId, 'device'), { deviceModel: model, serial: i.serialNumber });
    },

    async swap(ctx, i) {
      const c = ctx.map.codes({ model: ['device-model', i.newDeviceModel], reason: ['swap-reason', i.reason] });
      return submit(ctx, terminalPath(i.terminalId, 'swap'), {
        deviceModel: c.model,
        serial: i.newSerialNumber,
        reasonCode: c.reason,
      });
    },

    async changeAccount(ctx, i) {
      const bank = ctx.map.code('bank', i.account.bank);
      return submit(ctx, terminalPath(i.terminalId, 'account'), { sheba: i.account.sheba, bankCode: bank });
    },

    async changeMerchantInfo(ctx, i) {
      const ch = i.changes;
      // A guild change is translated first (an unmapped guild says so), then refused: PSP-A has no such field.
      if (ch.guild !== undefined) {
        ctx.map.code('guild', ch.guild);
        throw guildChangeUnsupported(pspCode);
      }
      // PSP-A changes a shop through one of its terminals.
      if (!i.terminalId) throw terminalRequired(pspCode);
      return submit(
        ctx,
        terminalPath(i.terminalId, 'merchant-info'),
        defined({
          shopName: ch.nameFa,
          mobile: ch.mobile,
          address: ch.address,
          postalCode: ch.postalCode,
        }),
      );
    },

    async collect(ctx, i) {
      const reason = ctx.map.code('collect-reason', i.reason);
      return submit(ctx, terminalPath(i.terminalId, 'collect'), { reasonCode: reason });
    },

    async reactivate(ctx, i) {
      return submit(ctx, terminalPath(i.terminalId, 'reactivate'), defined({ note: i.note }));
    },

    async status(ctx, i): Promise<PspVerdict> {
      const v = await authed(ctx, () => ({
        path: `/api/v1/requests/${encodeURIComponent(i.trackingCode)}`,
        schema: Verdict,
      }));
      if (v.status === 'PENDING') return { state: 'pending', trackingCode: v.trackingCode };
      if (v.status === 'DONE') {
        const r = v.result ?? {};
        return {
          state: 'approved',
          trackingCode: v.trackingCode,
          ...(r.merchantId ? { merchantId: r.merchantId } : {}),
          ...(r.terminalId ? { terminalId: r.terminalId } : {}),
        };
      }
      if (!v.error) throw new PspRetryableError('malformed', 'the PSP rejected the request without a reason code');
      const e = rejection(pspCode, label, PSP_A_CODES, v.error.code, v.error.message);
      return {
        state: 'rejected',
        trackingCode: v.trackingCode,
        rejection: { code: e.rejectionCode, pspMessage: e.pspMessage, text: e.text },
      };
    },

    async terminal(ctx, i): Promise<PspTerminalInfo> {
      const t = await authed(ctx, () => ({
        path: `/api/v1/terminals/${encodeURIComponent(i.terminalId)}`,
        schema: TerminalAnswer,
      }));
      return {
        terminalId: t.terminalId,
        status: t.status.toLowerCase() as PspTerminalInfo['status'],
        ...(t.statusReason ? { statusReason: t.statusReason } : {}),
        ...(t.merchantId ? { merchantId: t.merchantId } : {}),
        ...(t.serial ? { serial: t.serial } : {}),
        ...(t.deviceModel ? { deviceModel: t.deviceModel } : {}),
      };
    },

    async transactions(ctx, i) {
      const feed = await authed(ctx, () => ({
        path: `/api/v1/terminals/${encodeURIComponent(i.terminalId)}/transactions?date=${encodeURIComponent(i.day)}`,
        schema: Feed,
      }));
      return feed.transactions.map(toTransaction);
    },
  };
}
