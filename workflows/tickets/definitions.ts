import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, AttachmentRef, TicketPriority, TicketSnapshot } from '../../domain/tickets/ticket';

/** Shared by the workflow and its clients (the API). */
export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';

export const ticketWorkflowId = (ticketId: string): string => `ticket-${ticketId}`;

export interface TicketTimings {
  /** First-response SLA, milliseconds from creation. */
  firstResponseSlaMs: number;
  /** Quiet period in `answered` after which the ticket closes itself, milliseconds. */
  autoCloseAfterMs: number;
  /** How long a closed ticket waits for the requester's rating, milliseconds. */
  ratingWindowMs: number;
}

export interface TicketInput {
  id: string;
  number: string;
  agentId: string;
  requester: Actor;
  categoryCode: string;
  subject: string;
  body: string;
  priority: TicketPriority;
  attachments: AttachmentRef[];
  timings: TicketTimings;
}

export interface ActorCommand {
  actor: Actor;
}

export interface MessageCommand extends ActorCommand {
  body: string;
  attachments: AttachmentRef[];
}

export interface RateCommand extends ActorCommand {
  score: number;
  comment: string | null;
}

/** Returns once the creation is in the read model; used with update-with-start. */
export const openedUpdate = defineUpdate<TicketSnapshot>('opened');
export const claimUpdate = defineUpdate<TicketSnapshot, [ActorCommand]>('claim');
export const releaseUpdate = defineUpdate<TicketSnapshot, [ActorCommand]>('release');
export const postMessageUpdate = defineUpdate<TicketSnapshot, [MessageCommand]>('postMessage');
export const closeUpdate = defineUpdate<TicketSnapshot, [ActorCommand]>('close');
export const rateUpdate = defineUpdate<TicketSnapshot, [RateCommand]>('rate');

export const getTicketQuery = defineQuery<TicketSnapshot>('getTicket');
