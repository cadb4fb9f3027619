/**
 * PSP-A: JSON over HTTP. `POST /auth/login` gives an expiring bearer token; every other `/api/v1`
 * call needs `Authorization: Bearer <token>`; submissions need an `X-Request-Id` header (the
 * client's idempotency key) and may carry `callbackUrl` in the body for the verdict.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimError, type Operation, type SimEngine, type SimRequest, type Submission } from './core/engine';
import { control, json, parseJsonObject, readBody, send, withFault, type SimResponse } from './core/http';

const STATUS = { pending: 'PENDING', done: 'DONE', rejected: 'REJECTED' } as const;

const TERMINAL_OPS: Record<string, Submission> = {
  device: 'defineDevice',
  swap: 'swap',
  account: 'changeAccount',
  'merchant-info': 'changeMerchantInfo',
  collect: 'collect',
  reactivate: 'reactivate',
};

export function verdictA(engine: SimEngine, r: SimRequest): Record<string, unknown> {
  const v = engine.verdictOf(r);
  return { ...v, status: STATUS[v.status] };
}

interface Route {
  op: Operation;
  run(): SimResponse;
}

/** The read operations (status, terminal, transactions). */
function readRoute(engine: SimEngine, method: string, path: string, url: URL): Route | null {
  const parts = path.split('/').filter(Boolean);
  if (method !== 'GET' || parts[0] !== 'api' || parts[1] !== 'v1') return null;
  const id = parts[3] === undefined ? '' : decodeURIComponent(parts[3]);
  if (parts.length === 4 && parts[2] === 'requests') {
    return { op: 'status', run: () => json(200, verdictA(engine, engine.findRequest(id))) };
  }
  if (parts.length === 4 && parts[2] === 'terminals') {
    return { op: 'terminal', run: () => json(200, terminalA(engine, id)) };
  }
  if (parts.length === 5 && parts[2] === 'terminals' && parts[4] === 'transactions') {
    const date = url.searchParams.get('date') ?? '';
    return { op: 'transactions', run: () => json(200, { terminalId: id, date, transactions: engine.transactions(id, date) }) };
  }
  return null;
}

function terminalA(engine: SimEngine, id: string): Record<string, unknown> {
  const t = engine.terminal(id);
  return {
    terminalId: t.terminalId,
    merchantId: t.merchantId,
    status: t.status.toUpperCase(),
    statusReason: t.statusReason ?? null,
    shopName: t.shopName,
    guildCode: t.guildCode,
    postalCode: t.postalCode,
    sheba: t.sheba,
    bankCode: t.bankCode,
    deviceModel: t.deviceModel ?? null,
    serial: t.serial ?? null,
    history: t.history,
  };
}

/** Which submission a POST path is, with the terminal id it names. */
function submissionOf(path: string): { op: Submission; terminalId?: string } | null {
  if (path === '/api/v1/merchants') return { op: 'register' };
  const m = /^\/api\/v1\/terminals\/([^/]+)\/([a-z-]+)$/.exec(path);
  const op = m ? TERMINAL_OPS[m[2]] : undefined;
  return m && op ? { op, terminalId: decodeURIComponent(m[1]) } : null;
}

const errorBody = (status: number, code: string, message: string): SimResponse => json(status, { code, message });

export function createPspAHandler(engine: SimEngine): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  engine.formatVerdict = (r) => verdictA(engine, r);
  const serverError = (status: number): SimResponse =>
    errorBody(status, engine.code('server'), 'خطای داخلی سامانه؛ بعداً دوباره تلاش کنید.');

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    try {
      const raw = await readBody(req);
      if (path.startsWith('/_control/')) return send(res, await control(engine, method, path, url, raw));

      if (method === 'POST' && path === '/auth/login') {
        return await withFault(engine, 'login', res, serverError, () => {
          const body = parseJsonObject(raw, engine.code('validation'));
          const got = engine.login(
            typeof body.username === 'string' ? body.username : '',
            typeof body.password === 'string' ? body.password : '',
          );
          if (!got) return Promise.resolve(errorBody(401, engine.code('auth'), 'نام کاربری یا گذرواژه نادرست است.'));
          return Promise.resolve(
            json(200, { accessToken: got.token, tokenType: 'Bearer', expiresIn: Math.floor(got.expiresInMs / 1000) }),
          );
        });
      }

      const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const user = auth ? engine.tokenUser(auth[1]) : null;
      if (path.startsWith('/api/v1/') && !user) {
        return send(res, errorBody(401, engine.code('auth'), 'توکن دسترسی نامعتبر است یا منقضی شده است.'));
      }

      if (method === 'POST') {
        const sub = submissionOf(path);
        if (sub && user) {
          return await withFault(engine, sub.op, res, serverError, () => {
            const body = parseJsonObject(raw, engine.code('validation'));
            const { callbackUrl, ...rest } = body;
            if (callbackUrl !== undefined && (typeof callbackUrl !== 'string' || !/^https?:\/\//.test(callbackUrl))) {
              throw new SimError(400, engine.code('validation'), 'آدرس callbackUrl معتبر نیست.');
            }
            const requestId = String(req.headers['x-request-id'] ?? '');
            const { request, duplicate } = engine.submit(
              sub.op,
              requestId,
              sub.terminalId ? { ...rest, terminalId: sub.terminalId } : rest,
              { username: user, ...(callbackUrl ? { callbackUrl } : {}) },
            );
            // A replay gets the original answer, marked only by a header.
            const answer = json(202, { trackingCode: request.trackingCode, status: 'PENDING', receivedAt: request.submittedAt });
            if (duplicate) res.setHeader('x-idempotent-replay', 'true');
            return Promise.resolve(answer);
          }).catch((err: unknown) => sendError(res, err, engine));
        }
      }
      const r = readRoute(engine, method, path, url);
      if (r) {
        return await withFault(engine, r.op, res, serverError, () => Promise.resolve(r.run())).catch((err: unknown) =>
          sendError(res, err, engine),
        );
      }
      send(res, errorBody(404, engine.code('not_found'), 'مسیر یافت نشد.'));
    } catch (err) {
      sendError(res, err, engine);
    }
  };
}

function sendError(res: ServerResponse, err: unknown, engine: SimEngine): void {
  if (res.headersSent || res.destroyed) return;
  if (err instanceof SimError) return send(res, errorBody(err.status, err.code, err.message));
  send(res, errorBody(500, engine.code('server'), err instanceof Error ? err.message : String(err)));
}
