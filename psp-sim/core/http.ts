/** Plumbing shared by the two front ends: bodies, answers, faults and the control API. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  OPERATIONS,
  SimError,
  type FaultChance,
  type FaultSpec,
  type Operation,
  type SimEngine,
  type SimSettings,
} from './engine';

export interface SimResponse {
  status: number;
  contentType: string;
  body: string;
}

export const json = (status: number, value: unknown): SimResponse => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > limit) throw new SimError(413, 'TOO_LARGE', 'درخواست بیش از اندازه بزرگ است.');
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonObject(text: string, code: string): Record<string, unknown> {
  try {
    const v: unknown = text ? JSON.parse(text) : {};
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SimError(400, code, 'بدنهٔ درخواست JSON معتبر نیست.');
}

export function send(res: ServerResponse, r: SimResponse): void {
  res.writeHead(r.status, { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) });
  res.end(r.body);
}

const sleep = (ms: number): Promise<void> => new Promise((res) => setTimeout(res, ms));

/**
 * Runs one call of `op` through its injected fault (if any): latency first; then `error` and
 * `hang` skip the handler, `malformed` and `lost` run it and spoil or drop its answer.
 */
export async function withFault(
  engine: SimEngine,
  op: Operation,
  res: ServerResponse,
  errorAnswer: (status: number) => SimResponse,
  handler: () => Promise<SimResponse>,
): Promise<void> {
  const fault = engine.takeFault(op);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  switch (fault?.failure) {
    case 'error':
      return send(res, errorAnswer(fault.status ?? 503));
    case 'hang':
      return; // never answered; the server closes the socket when it stops
    case 'malformed': {
      const r = await handler();
      return send(res, {
        status: 200,
        contentType: r.contentType,
        body: r.body.slice(0, Math.max(1, Math.floor(r.body.length / 2))) + '\u0000<<garbage',
      });
    }
    case 'lost':
      await handler();
      res.socket?.destroy();
      return;
    default:
      return send(res, await handler());
  }
}

const isOperation = (v: unknown): v is Operation => typeof v === 'string' && (OPERATIONS as readonly string[]).includes(v);

/**
 * The control API (no authentication; test and demo use only), JSON under `/_control/`:
 * GET requests|duplicates|terminals|faults|settings; PUT faults {operation, ...FaultSpec};
 * DELETE faults[?operation=]; PUT settings; POST users {username,password};
 * POST deactivate {terminalId, reason?}; POST transactions {date, terminalId?};
 * POST sheba-owners {sheba, nationalCode}; POST settle.
 */
export async function control(engine: SimEngine, method: string, path: string, url: URL, raw: string): Promise<SimResponse> {
  const body = method === 'GET' || method === 'DELETE' ? {} : parseJsonObject(raw, 'CONTROL');
  const str = (k: string): string => {
    const v = body[k];
    if (typeof v !== 'string' || !v) throw new SimError(400, 'CONTROL', `${k} is required`);
    return v;
  };
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_control/health':
      return json(200, { psp: engine.profile.psp, ok: true });
    case 'GET /_control/requests':
      engine.settle();
      return json(200, engine.requests);
    case 'GET /_control/duplicates':
      return json(200, engine.duplicates);
    case 'GET /_control/terminals':
      engine.settle();
      return json(200, engine.terminals);
    case 'GET /_control/faults':
      return json(200, engine.faults);
    case 'PUT /_control/faults': {
      const op = body.operation;
      if (!isOperation(op)) throw new SimError(400, 'CONTROL', `operation must be one of ${OPERATIONS.join(', ')}`);
      const spec: FaultSpec = {};
      if (typeof body.latencyMs === 'number') spec.latencyMs = body.latencyMs;
      if (body.failure !== undefined) {
        if (typeof body.failure !== 'string' || !['error', 'hang', 'malformed', 'lost'].includes(body.failure))
          throw new SimError(400, 'CONTROL', 'bad failure');
        spec.failure = body.failure as FaultSpec['failure'];
      }
      if (typeof body.status === 'number') spec.status = body.status;
      if (typeof body.times === 'number') spec.times = body.times;
      if (body.chances !== undefined) {
        const kinds = ['error', 'hang', 'malformed', 'lost'];
        const ok =
          Array.isArray(body.chances) &&
          body.chances.every(
            (c: unknown) =>
              typeof c === 'object' &&
              c !== null &&
              kinds.includes(String((c as Record<string, unknown>).failure)) &&
              typeof (c as Record<string, unknown>).percent === 'number',
          );
        if (!ok) throw new SimError(400, 'CONTROL', 'chances must be [{failure, percent, status?}]');
        spec.chances = (body.chances as Record<string, unknown>[]).map((c) => ({
          failure: c.failure as FaultChance['failure'],
          percent: c.percent as number,
          ...(typeof c.status === 'number' ? { status: c.status } : {}),
        }));
        spec.seed = typeof body.seed === 'number' ? body.seed : 0;
      }
      engine.setFault(op, spec);
      return json(200, engine.faults);
    }
    case 'DELETE /_control/faults': {
      const op = url.searchParams.get('operation');
      if (op !== null && !isOperation(op)) throw new SimError(400, 'CONTROL', 'unknown operation');
      engine.clearFaults(op ?? undefined);
      return json(200, engine.faults);
    }
    case 'GET /_control/settings':
      return json(200, engine.settings);
    case 'PUT /_control/settings': {
      const patch: Partial<SimSettings> = {};
      for (const k of ['verdictDelayMs', 'tokenTtlMs', 'callbackMaxAttempts', 'callbackRetryBaseMs'] as const) {
        if (typeof body[k] === 'number') patch[k] = body[k];
      }
      return json(200, engine.updateSettings(patch));
    }
    case 'POST /_control/users':
      engine.addUser(str('username'), str('password'));
      return json(200, { ok: true });
    case 'POST /_control/deactivate':
      return json(200, engine.deactivate(str('terminalId'), typeof body.reason === 'string' ? body.reason : undefined));
    case 'POST /_control/transactions':
      return json(
        200,
        engine.generateTransactions(str('date'), typeof body.terminalId === 'string' ? body.terminalId : undefined),
      );
    case 'POST /_control/sheba-owners':
      engine.setShebaOwner(str('sheba'), str('nationalCode'));
      return json(200, { ok: true });
    case 'POST /_control/settle':
      await engine.drain();
      return json(200, { ok: true });
    default:
      throw new SimError(404, 'CONTROL', `no control route ${route}`);
  }
}
