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
}

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
