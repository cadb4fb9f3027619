/**
 * The PSP activities (Temporal samples style: a factory over dependencies). The only place where
 * PSP credentials are decrypted; every call is logged (pino, no secrets) and recorded in `psp_calls`.
 *
 * Results: submissions return `PspAccepted` or, on a business rejection, `{ outcome: 'rejected' }`
 * as DATA (a rejection is an answer, not a failure). Retryable errors are rethrown (Temporal retries,
 * same request id). Unmapped values and configuration problems become non-retryable
 * ApplicationFailures whose `type` is the error's name (NON_RETRYABLE_PSP_ERRORS) and whose details
 * carry the bilingual text.
 */
import { ApplicationFailure } from '@temporalio/common';
import pino, { type Logger } from 'pino';
import type { Database } from '../../db';
import { createPspRepository, type PspRepository } from '../../db/repositories/psp';
import { isServiceEnabled } from '../../db/repositories/settings';
import { SecretBox } from '../../db/secret-box';
import { MAPPABLE_KINDS, UnmappedValueError } from '../../domain/basedata';
import type {
  ChangeAccountInput,
  ChangeMerchantInfoInput,
  CollectInput,
  DefineDeviceInput,
  PspAccepted,
  PspAdapter,
  PspCallContext,
  PspConnectionCheck,
  PspCredentials,
  PspOperation,
  PspRejection,
  PspTransaction,
  PspVerdict,
  ReactivateInput,
  RegisterMerchantInput,
  PspTerminalInfo,
  StatusInput,
  SwapInput,
  TerminalInput,
  TransactionFeedInput,
} from '../../domain/psp/adapter';
import { resolveCredentialOwner } from '../../domain/psp/credential-owner';
import {
  PspAdapterMissing,
  PspBusinessRejection,
  PspCredentialsUnavailable,
  PspRetryableError,
  PspServiceDisabled,
  PspUnmappedValue,
  UNEXPECTED_CALL_TEXT,
  classifyPspError,
} from '../../domain/psp/errors';
import type { Bilingual } from '../../domain/i18n';
import { createPspMapper } from '../../domain/psp/mapper';
import { PspRateLimiter } from './rate-limit';
import type { PspAdapterRegistry } from './registry';

export interface PspActivityDeps {
  db: Database;
  /** CREDENTIALS_KEY (base64, 32 bytes); without it no credentials can be opened. */
  credentialsKey?: string;
  adapters: PspAdapterRegistry;
  logger?: Logger;
  /**
   * The process's one limiter (PSP_RATE_LIMIT_PER_SECOND), shared by every caller built from these
   * deps (PSP, request and terminal-sync activities), so the limit holds per PSP for the whole worker;
   * none: unlimited.
   */
  limiter?: PspRateLimiter;
}

/** What every PSP activity receives. */
export interface PspRequest<I> {
  /** The business request id (idempotency key). */
  requestId: string;
  /** The agent the request belongs to: the credential owner is resolved from it. */
  requesterAgentId: string;
  pspCode: string;
  input: I;
}

export type PspSubmissionResult = PspAccepted | { outcome: 'rejected'; rejection: PspRejection };

export interface ResolvedCredentials {
  ownerAgentId: string;
  via: 'direct-broker' | 'main-broker';
  credentials: PspCredentials;
}

/** The credential owner's decrypted credentials (throws PspCredentialsUnavailable). */
export async function resolvePspCredentials(
  repo: PspRepository,
  box: SecretBox | undefined,
  requesterAgentId: string,
  pspCode: string,
): Promise<ResolvedCredentials> {
  const tree = await repo.credentialTree(pspCode);
  const owner = resolveCredentialOwner(tree.agents, tree.links, requesterAgentId);
  if (!owner.ok) throw new PspCredentialsUnavailable(pspCode, owner.ownerId, owner.problem);
  const sealed = await repo.sealedCredentials(owner.ownerId, pspCode);
  if (!sealed) throw new PspCredentialsUnavailable(pspCode, owner.ownerId, 'no-credentials');
  if (!box) throw new PspCredentialsUnavailable(pspCode, owner.ownerId, 'undecryptable');
  let credentials: PspCredentials;
  try {
    credentials = JSON.parse(box.open(sealed, `${owner.ownerId}/${pspCode}`)) as PspCredentials;
  } catch {
    throw new PspCredentialsUnavailable(pspCode, owner.ownerId, 'undecryptable');
  }
  return { ownerAgentId: owner.ownerId, via: owner.via, credentials };
}

/**
 * The fields of an error worth logging and storing (never credentials: errors do not carry them):
 * `message` is the technical detail (or the PSP's own message of a rejection), `text` says it to
 * people in Persian and English.
 */
function describe(err: unknown): { errorType: string; errorCode: string | null; message: string; text: Bilingual } {
  return {
    ...fieldsOf(err),
    text: SAYS_ITSELF.some((C) => err instanceof C) ? (err as { text: Bilingual }).text : UNEXPECTED_CALL_TEXT,
  };
}

/** The PSP-layer errors, each of which says itself in Persian and English (`text`). */
const SAYS_ITSELF = [
  PspRetryableError,
  PspBusinessRejection,
  UnmappedValueError,
  PspCredentialsUnavailable,
  PspAdapterMissing,
  PspServiceDisabled,
] as const;

function fieldsOf(err: unknown): { errorType: string; errorCode: string | null; message: string } {
  if (err instanceof PspRetryableError) return { errorType: err.name, errorCode: err.reason, message: err.message };
  if (err instanceof PspBusinessRejection) return { errorType: err.name, errorCode: err.rejectionCode, message: err.pspMessage };
  if (err instanceof UnmappedValueError)
    return { errorType: 'PspUnmappedValue', errorCode: `${err.kind}/${err.itemCode}:${err.reason}`, message: err.message };
  if (err instanceof PspCredentialsUnavailable) return { errorType: err.name, errorCode: err.problem, message: err.message };
  if (err instanceof PspAdapterMissing) return { errorType: err.name, errorCode: err.protocol, message: err.message };
  if (err instanceof PspServiceDisabled) return { errorType: err.name, errorCode: `psp:${err.pspCode}`, message: err.message };
  if (err instanceof Error) return { errorType: err.name, errorCode: null, message: err.message };
  return { errorType: 'Error', errorCode: null, message: String(err) };
}

/** A non-retryable failure for Temporal, or the error itself when it should be retried. */
export function toActivityFailure(err: unknown): unknown {
  if (err instanceof UnmappedValueError) {
    const e = PspUnmappedValue.from(err);
    return ApplicationFailure.create({
      type: e.name,
      message: e.message,
      nonRetryable: true,
      details: [{ kind: e.kind, itemCode: e.itemCode, pspCode: e.pspCode, reason: e.reason, text: e.text }],
    });
  }
  if (err instanceof PspCredentialsUnavailable || err instanceof PspAdapterMissing || err instanceof PspServiceDisabled) {
    return ApplicationFailure.create({ type: err.name, message: err.message, nonRetryable: true, details: [{ text: err.text }] });
  }
  if (err instanceof PspBusinessRejection) {
    return ApplicationFailure.create({
      type: err.name,
      message: err.message,
      nonRetryable: true,
      details: [{ code: err.rejectionCode, pspMessage: err.pspMessage, text: err.text }],
    });
  }
  return err;
}

export interface PspCallSpec {
  requestId: string;
  requesterAgentId: string;
  pspCode: string;
  operation: PspOperation;
  signal?: AbortSignal;
}

/**
 * Operations that submit something new; refused while the PSP is switched off (settings service
 * `psp:<code>`). Status, the transaction feed and the connection test still work then, so requests
 * already at the PSP can finish.
 */
export const SUBMISSIONS: ReadonlySet<PspOperation> = new Set<PspOperation>([
  'registerMerchant',
  'defineDevice',
  'swap',
  'changeAccount',
  'changeMerchantInfo',
  'collect',
  'reactivate',
]);

/** Calls through the registry with resolution, mapping, logging and the call record. */
export function createPspCaller(deps: PspActivityDeps) {
  const repo = createPspRepository(deps.db);
  const logger = (deps.logger ?? pino({ name: 'psp' })).child({ component: 'psp' });
  let box: SecretBox | undefined;
  const boxOf = () => (deps.credentialsKey ? (box ??= SecretBox.fromBase64(deps.credentialsKey)) : undefined);
  const limiter = deps.limiter ?? new PspRateLimiter(0);

  async function call<R>(spec: PspCallSpec, run: (adapter: PspAdapter, ctx: PspCallContext) => Promise<R>): Promise<R> {
    // Waiting for a slot is not part of the call's latency.
    await limiter.take(spec.pspCode);
    const startedAt = new Date();
    const started = performance.now();
    let ownerAgentId: string | null = null;
    const finish = async (outcome: ReturnType<typeof classifyPspError>, result: unknown, err?: unknown) => {
      const latencyMs = Math.round(performance.now() - started);
      const d = err === undefined ? null : describe(err);
      const trackingCode = result && typeof result === 'object' && 'trackingCode' in result ? String(result.trackingCode) : null;
      const line = {
        requestId: spec.requestId,
        psp: spec.pspCode,
        operation: spec.operation,
        ownerAgentId,
        latencyMs,
        outcome,
        ...(d ? { errorType: d.errorType, errorCode: d.errorCode, error: d.message } : {}),
        ...(trackingCode ? { trackingCode } : {}),
      };
      if (outcome === 'ok' || outcome === 'rejected') logger.info(line, 'psp call');
      else logger.warn(line, 'psp call failed');
      try {
        await repo.recordCall({
          requestId: spec.requestId,
          pspCode: spec.pspCode,
          operation: spec.operation,
          ownerAgentId,
          outcome,
          errorType: d?.errorType ?? null,
          errorCode: d?.errorCode ?? null,
          message: d?.message ?? null,
          text: d?.text ?? null,
          trackingCode,
          latencyMs,
          startedAt,
        });
      } catch (recordErr) {
        logger.warn({ err: recordErr, requestId: spec.requestId }, 'could not record a psp call');
      }
    };
    try {
      const endpoint = await repo.endpoint(spec.pspCode);
      if (!endpoint) throw new PspUnmappedValue('psp', spec.pspCode, spec.pspCode, 'unknown-psp');
      if (SUBMISSIONS.has(spec.operation) && !(await isServiceEnabled(deps.db, `psp:${spec.pspCode}`)))
        throw new PspServiceDisabled(spec.pspCode);
      const adapter = deps.adapters.forPsp(endpoint);
      const resolved = await resolvePspCredentials(repo, boxOf(), spec.requesterAgentId, spec.pspCode);
      ownerAgentId = resolved.ownerAgentId;
      const map = createPspMapper(await repo.mappingTable(spec.pspCode, MAPPABLE_KINDS));
      const result = await run(adapter, {
        requestId: spec.requestId,
        credentials: resolved.credentials,
        map,
        signal: spec.signal,
      });
      await finish('ok', result);
      return result;
    } catch (err) {
      await finish(classifyPspError(err), undefined, err);
      throw err;
    }
  }

  return { call, repo };
}

export type PspCaller = ReturnType<typeof createPspCaller>;

/** The PSP activities of the worker. */
export function createPspActivities(deps: PspActivityDeps) {
  const { call } = createPspCaller(deps);

  const submission =
    <I>(operation: PspOperation, op: (a: PspAdapter, ctx: PspCallContext, input: I) => Promise<PspAccepted>) =>
    async (req: PspRequest<I>): Promise<PspSubmissionResult> => {
      try {
        return await call({ ...req, operation }, (a, ctx) => op(a, ctx, req.input));
      } catch (err) {
        if (err instanceof PspBusinessRejection)
          return { outcome: 'rejected', rejection: { code: err.rejectionCode, pspMessage: err.pspMessage, text: err.text } };
        throw toActivityFailure(err);
      }
    };

  const query =
    <I, R>(operation: PspOperation, op: (a: PspAdapter, ctx: PspCallContext, input: I) => Promise<R>) =>
    async (req: PspRequest<I>): Promise<R> => {
      try {
        return await call({ ...req, operation }, (a, ctx) => op(a, ctx, req.input));
      } catch (err) {
        throw toActivityFailure(err);
      }
    };

  return {
    pspRegisterMerchant: submission<RegisterMerchantInput>('registerMerchant', (a, c, i) => a.registerMerchant(c, i)),
    pspDefineDevice: submission<DefineDeviceInput>('defineDevice', (a, c, i) => a.defineDevice(c, i)),
    pspSwap: submission<SwapInput>('swap', (a, c, i) => a.swap(c, i)),
    pspChangeAccount: submission<ChangeAccountInput>('changeAccount', (a, c, i) => a.changeAccount(c, i)),
    pspChangeMerchantInfo: submission<ChangeMerchantInfoInput>('changeMerchantInfo', (a, c, i) => a.changeMerchantInfo(c, i)),
    pspCollect: submission<CollectInput>('collect', (a, c, i) => a.collect(c, i)),
    pspReactivate: submission<ReactivateInput>('reactivate', (a, c, i) => a.reactivate(c, i)),
    pspStatus: query<StatusInput, PspVerdict>('status', (a, c, i) => a.status(c, i)),
    pspTerminal: query<TerminalInput, PspTerminalInfo>('terminal', (a, c, i) => a.terminal(c, i)),
    pspTransactions: query<TransactionFeedInput, PspTransaction[]>('transactions', (a, c, i) => a.transactions(c, i)),
    pspPing: query<Record<string, never>, PspConnectionCheck>('ping', (a, c) => a.ping(c)),
  };
}
