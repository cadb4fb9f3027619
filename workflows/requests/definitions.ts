import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, PersonRef, RequestPayload, RequestSnapshot, RequestType } from '../../domain/requests/model';

/** Shared by the workflow and its clients (the API). */
export const REQUEST_WORKFLOW_TYPE = 'requestWorkflow';

/** Workflow ids are business ids: one workflow per request, ever. */
export const requestWorkflowId = (requestId: string): string => `request-${requestId}`;

export interface RequestTimings {
  /** First wait before asking the PSP for a verdict, milliseconds; doubles up to `pollMaxMs`. */
  pollIntervalMs: number;
  pollMaxMs: number;
  /** After a verdict has been pending this long, poll every `slowPollMs` instead (default 1 day / 1 hour). */
  slowPollAfterMs?: number;
  slowPollMs?: number;
  /**
   * A verdict still pending after this long parks the request for the main broker's operators, who check
   * with the PSP and retry (default 14 days). Bounds the workflow's history for a PSP that never answers.
   */
  stalePspAfterMs?: number;
}

/** Defaults of the optional timings (inputs of requests started before they existed have none). */
export const DEFAULT_POLL_BOUNDS = {
  slowPollAfterMs: 24 * 3_600_000,
  slowPollMs: 3_600_000,
  stalePspAfterMs: 14 * 24 * 3_600_000,
} as const;

export interface RequestInput {
  id: string;
  number: string;
  type: RequestType;
  agentId: string;
  pspCode: string;
  submitter: PersonRef;
  payload: RequestPayload;
  /** When the draft was created (the workflow starts at submission). */
  createdAt: string;
  timings: RequestTimings;
}

/** Resolves once the submission is in the read model; used with update-with-start. */
export const submittedUpdate = defineUpdate<RequestSnapshot>('submitted');
/** Every inbox action (claim, approve, return, resubmit, retry…); the validator applies domain/requests rules. */
export const actionUpdate = defineUpdate<RequestSnapshot, [ActionCommand]>('action');
/** A PSP told us (callback) that a verdict may be ready: poll now. */
export const pspPokeSignal = defineSignal<[]>('pspPoke');

export const getRequestQuery = defineQuery<RequestSnapshot>('getRequest');
