import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { createPspCaller } from '../../../activities/psp';
import type { PspAdapterRegistry } from '../../../activities/psp/registry';
import {
  PspAdapterMissing,
  PspBusinessRejection,
  PspCredentialsUnavailable,
  PspRetryableError,
} from '../../../domain/psp/errors';
import { UnmappedValueError } from '../../../domain/basedata';
import { bi } from '../../../domain/i18n';
import { renderPspMetrics } from '../../../domain/psp/metrics';
import type { ApiContext } from '../../app';
import { AppError } from '../../lib/errors';
import type { RouteTable } from '../../lib/routes';
import { Code, EmptyBody } from '../../lib/schemas';

const TestParams = z.object({ code: Code });

const TestResult = z
  .object({
    ok: z.boolean(),
    pspCode: z.string(),
    requestId: z.string(),
    latencyMs: z.number(),
    /** ok: what the PSP said; otherwise why it failed (retryable: network/timeout/5xx/malformed; rejected; credentials refused). */
    detail: z.string().nullable(),
    failure: z
      .object({
        class: z.enum(['retryable', 'rejected', 'credentials']),
        code: z.string(),
        message: z.object({ fa: z.string(), en: z.string() }),
      })
      .nullable(),
  })
  .meta({ id: 'PspConnectionTest' });

/** Whether `given` is the metrics token, compared in constant time (hashes of equal length). */
export function isMetricsToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * PSP routes: the metrics endpoint (Prometheus text, permission `events.read`: whoever may read
 * system events may read call statistics; with METRICS_TOKEN set, also a scraper presenting it as
 * bearer token) and the base-data admin's connection test.
 */
export function pspRoutes(routes: RouteTable, ctx: ApiContext, adapters: PspAdapterRegistry): void {
  const caller = createPspCaller({ db: ctx.db, credentialsKey: ctx.config.realms.credentialsKey, adapters, logger: ctx.logger });

  const sendMetrics = async (res: Parameters<RequestHandler>[1]) => {
    const text = renderPspMetrics(await caller.repo.callCounts(), await caller.repo.latency());
    res.status(200).type('text/plain; version=0.0.4; charset=utf-8').send(text);
  };
  const metricsToken = ctx.config.metricsToken;
  /** A scraper with METRICS_TOKEN is served before user authentication; anything else goes on to it. */
  const scraper: RequestHandler = (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (metricsToken && bearer && isMetricsToken(bearer, metricsToken)) return void sendMetrics(res).catch(next);
    next();
  };

  routes.add({
    method: 'get',
    path: '/metrics',
    tag: 'psp',
    summary:
      'PSP call metrics (calls by outcome, errors by class, latency histogram) in Prometheus text format; a scraper may present METRICS_TOKEN as bearer token instead of a user token',
    access: { anyOf: ['events.read'] },
    before: [scraper],
    response: { status: 200, description: 'Prometheus text format 0.0.4', contentType: 'text/plain', schema: z.string() },
    handler: async ({ res }) => {
      await sendMetrics(res);
    },
  });

  routes.add({
    method: 'post',
    path: '/basedata/psps/:code/test-connection',
    tag: 'basedata',
    summary:
      "Logs in to the PSP with the stored credentials of its credential owner (the caller's agent, else the main broker) — changes nothing",
    access: { anyOf: ['basedata.manage'] },
    params: TestParams,
    body: EmptyBody,
    response: {
      status: 200,
      description: 'The PSP answered (ok), or the call failed with a classified reason',
      schema: TestResult,
    },
    handler: async ({ auth, params }) => {
      const requestId = `conn-test-${randomUUID()}`;
      const started = performance.now();
      const endpoint = await caller.repo.endpoint(params.code);
      if (!endpoint) throw AppError.notFound(bi('چنین شرکت پرداختی در اطلاعات پایه نیست.', 'No such PSP in base data.'));
      if (!adapters.has(endpoint)) {
        const e = new PspAdapterMissing(params.code, endpoint.protocol);
        throw new AppError(503, 'PSP_ADAPTER_MISSING', e.text);
      }
      const result = (failure: z.infer<typeof TestResult>['failure'], detail: string | null) => ({
        ok: failure === null,
        pspCode: params.code,
        requestId,
        latencyMs: Math.round(performance.now() - started),
        detail,
        failure,
      });
      try {
        const check = await caller.call(
          { requestId, requesterAgentId: auth!.agent.id, pspCode: params.code, operation: 'ping' },
          (adapter, c) => adapter.ping(c),
        );
        return result(null, check.detail ?? null);
      } catch (err) {
        // The PSP answered and refused the stored username/password: the test worked, the credentials did not.
        if (err instanceof PspCredentialsUnavailable && err.problem === 'refused')
          return result({ class: 'credentials', code: 'refused', message: err.text }, null);
        if (err instanceof PspCredentialsUnavailable) throw new AppError(409, 'PSP_CREDENTIALS_UNAVAILABLE', err.text);
        if (err instanceof PspAdapterMissing) throw new AppError(503, 'PSP_ADAPTER_MISSING', err.text);
        if (err instanceof UnmappedValueError) throw new AppError(409, 'PSP_UNMAPPED_VALUE', err.text);
        if (err instanceof PspBusinessRejection)
          return result({ class: 'rejected', code: err.rejectionCode, message: err.text }, err.pspMessage);
        if (err instanceof PspRetryableError)
          return result(
            {
              class: 'retryable',
              code: err.reason,
              message: bi(`اتصال به شرکت پرداخت برقرار نشد (${err.reason}).`, `Could not reach the PSP: ${err.message}`),
            },
            null,
          );
        throw err;
      }
    },
  });
}
