import { z } from 'zod';
import { normalizeText } from '../../../domain/text';
import { TICKET_ACTIONS, TICKET_PRIORITIES, TICKET_STATES } from '../../../domain/tickets/ticket';

const text = (min: number, max: number, multiline = false) =>
  z
    .string()
    .transform((v) => normalizeText(v, { multiline }))
    .pipe(min > 0 ? z.string().min(1).min(min).max(max) : z.string().max(max));

const attachmentIds = z.array(z.uuid()).max(5).default([]);

export const CreateTicketBody = z
  .strictObject({
    categoryCode: z.string().min(1).max(64),
    subject: text(5, 200),
    body: text(10, 5000, true),
    priority: z.enum(TICKET_PRIORITIES).default('normal'),
    attachmentIds,
  })
  .meta({ id: 'CreateTicket' });

export const MessageBody = z.strictObject({ body: text(2, 5000, true), attachmentIds }).meta({ id: 'TicketMessageInput' });

export const RatingBody = z
  .strictObject({
    score: z.number().int().min(1).max(5),
    comment: text(0, 1000, true).optional(),
  })
  .meta({ id: 'TicketRatingInput' });

export const EmptyBody = z.strictObject({});

export const ListTicketsQuery = z.object({
  view: z.enum(['mine', 'agent', 'inbox', 'all']).default('mine'),
  state: z.enum(TICKET_STATES).optional(),
  escalated: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  assigned: z.enum(['me', 'unassigned']).optional(),
  q: text(1, 100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(100)
    .optional()
    .meta({ description: 'Repeating a creation with the same key returns the first ticket.' }),
});

const Person = z.object({ id: z.string(), displayName: z.string() });
const Attachment = z
  .object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() })
  .meta({ id: 'AttachmentRef' });

export const TicketSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    subject: z.string(),
    categoryCode: z.string(),
    priority: z.enum(TICKET_PRIORITIES),
    state: z.enum(TICKET_STATES),
    agent: z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() }),
    requester: Person,
    assignee: Person.nullable(),
    escalated: z.boolean(),
    firstResponseDueAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'TicketSummary' });

export const TicketDetailSchema = TicketSummarySchema.extend({
  messages: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      author: Person.extend({ side: z.enum(['requester', 'support']) }),
      body: z.string(),
      attachments: z.array(Attachment),
      createdAt: z.iso.datetime(),
    }),
  ),
  timeline: z.array(
    z.object({
      seq: z.number(),
      type: z.string(),
      at: z.iso.datetime(),
      actor: Person.nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  allowedActions: z.array(z.enum(TICKET_ACTIONS)),
}).meta({ id: 'TicketDetail' });

export const TicketListSchema = z
  .object({
    items: z.array(TicketSummarySchema),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    counts: z.object({ open: z.number(), waiting_for_support: z.number(), answered: z.number(), closed: z.number() }),
  })
  .meta({ id: 'TicketList' });
