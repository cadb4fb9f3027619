/**
 * The HTTP helper adapters use: a timeout per call, the business request id as idempotency key,
 * the answer validated with zod, and every failure classified (errors.ts):
 * - fetch failed (DNS, refused, reset) → PspRetryableError('network');
 * - no answer in time → 'timeout'; 5xx → 'http-5xx'; 429 → 'throttled'; 408 → 'timeout';
 * - an answer that does not parse or does not match the schema → 'malformed' (retryable: the call was
 *   idempotent, so asking again is safe and may get a readable answer);
 * - any other non-accepted status → `onStatus` (the adapter turns its PSP's error body into a
 *   PspBusinessRejection, or re-logs in on 401); without it → PspRetryableError('malformed');
 * - `onServerError` sees a 5xx body first (SOAP faults arrive as HTTP 500 even for client errors).
 */
import type { z } from 'zod';
import { PspRetryableError } from '../../domain/psp/errors';

export interface PspHttpOptions {
  baseUrl: string;
  /** Per-call timeout (default 15 s). */
  timeoutMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
  /** Headers on every call (e.g. User-Agent). Never put credentials in logs: this helper logs nothing. */
  headers?: Record<string, string>;
}

export interface PspHttpRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The business request id: sent as `Idempotency-Key` and `X-Request-Id`. */
  requestId: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (e.g. a SOAP envelope, set `contentType`). */
  body?: unknown;
  contentType?: string;
  /** How to read the body: JSON (default) or text (then `schema` validates the string or `decode`'s output). */
  as?: 'json' | 'text';
  /** Turns a text body into a value for `schema` (e.g. parse XML); a throw means malformed. */
  decode?: (text: string) => unknown;
  schema: z.ZodType<T>;
  /** Statuses whose body is validated with `schema` (default: 200–299). */
  accept?: (status: number) => boolean;
  /** Other statuses (not 5xx/429/408): return a value or throw a classified error. */
  onStatus?: (status: number, body: string) => T | never;
  /**
   * Looks at a 5xx body first (SOAP 1.1 answers every fault, a client error too, with HTTP 500):
   * may throw a classified error; returning leaves it a retryable 'http-5xx'.
   */
  onServerError?: (status: number, body: string) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface PspHttpResponse<T> {
  status: number;
  data: T;
  latencyMs: number;
}

export interface PspHttpClient {
  request<T>(req: PspHttpRequest<T>): Promise<PspHttpResponse<T>>;
}

const isAbort = (err: unknown) => err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');

export function createPspHttpClient(opts: PspHttpOptions): PspHttpClient {
  const doFetch = opts.fetch ?? fetch;
  const base = opts.baseUrl.replace(/\/+$/, '');
  return {
    async request<T>(req: PspHttpRequest<T>): Promise<PspHttpResponse<T>> {
      const timeoutMs = req.timeoutMs ?? opts.timeoutMs ?? 15_000;
      const timer = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([timer, req.signal]) : timer;
      const headers: Record<string, string> = {
        accept: req.as === 'text' ? '*/*' : 'application/json',
        ...opts.headers,
        ...req.headers,
        'idempotency-key': req.requestId,
        'x-request-id': req.requestId,
      };
      let body: string | undefined;
      if (typeof req.body === 'string') {
        body = req.body;
        headers['content-type'] = req.contentType ?? 'text/plain; charset=utf-8';
      } else if (req.body !== undefined) {
        body = JSON.stringify(req.body);
        headers['content-type'] = req.contentType ?? 'application/json';
      }
      const started = performance.now();
      let res: Response;
      let text: string;
      try {
        res = await doFetch(`${base}${req.path}`, { method: req.method ?? (body ? 'POST' : 'GET'), headers, body, signal });
        text = await res.text();
      } catch (err) {
        if (req.signal?.aborted) throw err; // cancelled by the caller: not ours to classify
        if (timer.aborted || isAbort(err))
          throw new PspRetryableError('timeout', `no answer from the PSP within ${timeoutMs} ms`);
        const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
        throw new PspRetryableError('network', `could not reach the PSP: ${cause}`);
      }
      const latencyMs = performance.now() - started;
      const status = res.status;
      if (status >= 500 && req.onServerError) req.onServerError(status, text);
      if (status >= 500) throw new PspRetryableError('http-5xx', `the PSP answered HTTP ${status}`, status);
      if (status === 429) throw new PspRetryableError('throttled', 'the PSP asked us to slow down (HTTP 429)', status);
      if (status === 408) throw new PspRetryableError('timeout', 'the PSP timed out the request (HTTP 408)', status);
      const accepted = req.accept ? req.accept(status) : status >= 200 && status < 300;
      if (!accepted) {
        if (req.onStatus) return { status, data: req.onStatus(status, text), latencyMs };
        throw new PspRetryableError('malformed', `unexpected HTTP ${status} from the PSP`, status);
      }
      let value: unknown;
      try {
        value = req.decode ? req.decode(text) : req.as === 'text' ? text : JSON.parse(text);
      } catch {
        throw new PspRetryableError('malformed', `the PSP's answer could not be read (HTTP ${status})`, status);
      }
      const parsed = req.schema.safeParse(value);
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        throw new PspRetryableError('malformed', `the PSP's answer has an unexpected shape: ${where}`, status);
      }
      return { status, data: parsed.data, latencyMs };
    },
  };
}
