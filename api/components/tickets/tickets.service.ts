import { createHash, randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { type Client, WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { z } from 'zod';
import type { Database } from '../../../db';
import type { TicketDetailRecord, TicketRepository, TicketSummaryRecord } from '../../../db/repositories/tickets';
import type { Permission } from '../../../domain/access';
import { bi, type Bilingual } from '../../../domain/i18n';
import { ticketNumber } from '../../../domain/jalali';
import { type AttachmentRef, type TicketAction, allowedActions, factsOf } from '../../../domain/tickets/ticket';
import {
  type TicketInput,
  type TicketTimings,
  TICKET_WORKFLOW_TYPE,
  claimUpdate,
  closeUpdate,
  openedUpdate,
  postMessageUpdate,
  rateUpdate,
  releaseUpdate,
  ticketWorkflowId,
} from '../../../workflows/tickets/definitions';
import type { ticketWorkflow } from '../../../workflows/tickets/ticket.workflow';
import type { AuthContext } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import type { AgentDirectory } from '../agents/agents.repository';
import type { CreateTicketBody, ListTicketsQuery, MessageBody, RatingBody } from './tickets.schemas';

export interface TicketServiceDeps {
  db: Database;
  repo: TicketRepository;
  agents: AgentDirectory;
  temporal: Client;
  taskQueue: string;
  timings: TicketTimings;
}

const ROLE_ERRORS = new Set(['TICKET_SUPPORT_ONLY', 'TICKET_REQUESTER_ONLY']);

/** Ticket use cases: what a person may see and do; Temporal holds the truth, the database the lists. */
export function createTicketService(deps: TicketServiceDeps) {
  const { repo, agents, temporal } = deps;

  async function canSee(auth: AuthContext, t: TicketSummaryRecord): Promise<boolean> {
    const p = auth.permissions;
    if (p.includes('tickets.read-all')) return true;
    if (p.includes('tickets.read-own') && t.requester.id === auth.user.id) return true;
    if (p.includes('tickets.read-agent')) return (await agents.subtreeIds(auth.agent.id)).includes(t.agentId);
    return false;
  }

  async function withAgents<T extends TicketSummaryRecord>(records: T[]) {
    const byId = await agents.byIds(records.map((r) => r.agentId));
    return records.map(({ agentId, ...rest }) => {
      const a = byId.get(agentId);
      return { ...rest, agent: { id: agentId, code: a?.code ?? '', nameFa: a?.nameFa ?? '', nameEn: a?.nameEn ?? '' } };
    });
  }

  async function present(auth: AuthContext, t: TicketDetailRecord) {
    const [withAgent] = await withAgents([t]);
    return { ...withAgent, allowedActions: allowedActions(factsOf(t), auth.actor) };
  }

  /** A ticket outside the caller's scope does not exist for them. */
  async function visible<T extends TicketSummaryRecord>(auth: AuthContext, t: T | null): Promise<T> {
    if (!t || !(await canSee(auth, t))) throw AppError.notFound(bi('تیکت یافت نشد.', 'Ticket not found.'));
    return t;
  }
  const visibleDetail = async (auth: AuthContext, id: string) => visible(auth, await repo.findDetail(id));

  async function ownAttachments(auth: AuthContext, ids: string[]): Promise<AttachmentRef[]> {
    if (!ids.length) return [];
    const unique = [...new Set(ids)];
    const rows = await deps.db.models.Attachment.findAll({
      where: { id: { [Op.in]: unique }, ownerId: auth.user.id, ticketId: null },
      attributes: ['id', 'fileName', 'contentType', 'size'],
    });
    if (rows.length !== unique.length) {
      throw AppError.validation([
        {
          field: 'attachmentIds',
          code: 'attachment_not_found',
          message: bi('پیوست یافت نشد یا پیش‌تر استفاده شده است.', 'An attachment was not found or is already used.'),
        },
      ]);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    return unique.map((id) => {
      const r = byId.get(id)!;
      return { id: r.id, fileName: r.fileName, contentType: r.contentType, size: r.size };
    });
  }

  /** Turns a refused update into the API's error; the rule book's text travels in the failure details. */
  function updateError(err: unknown): unknown {
    if (err instanceof WorkflowNotFoundError) {
      return new AppError(409, 'TICKET_ARCHIVED', bi('این تیکت بسته و بایگانی شده است.', 'This ticket is closed and archived.'));
    }
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const code = err.cause.type ?? 'TICKET_ACTION_NOT_ALLOWED';
      const text = (err.cause.details?.[0] as Bilingual | undefined) ?? bi('این کار اکنون ممکن نیست.', err.cause.message);
      return new AppError(ROLE_ERRORS.has(code) ? 403 : 409, code, text);
    }
    return err;
  }

  return {
    async create(auth: AuthContext, input: z.output<typeof CreateTicketBody>, idempotencyKey?: string) {
      const category = await deps.db.models.TicketCategory.findOne({ where: { code: input.categoryCode, active: true } });
      if (!category) {
        throw AppError.validation([
          {
            field: 'categoryCode',
            code: 'unknown_category',
            message: bi('این دسته‌بندی وجود ندارد.', 'This category does not exist.'),
          },
        ]);
      }
      const id = idempotencyKey ? uuidFromKey(`${auth.issuer}|${auth.subject}|${idempotencyKey}`) : randomUUID();
      const existing = idempotencyKey ? await repo.findDetail(id) : null;
      if (existing) return present(auth, existing);

      const attachments = await ownAttachments(auth, input.attachmentIds);
      const now = new Date();
      const ticketInput: TicketInput = {
        id,
        number: ticketNumber(now, await repo.nextNumber()),
        agentId: auth.agent.id,
        requester: auth.actor,
        categoryCode: input.categoryCode,
        subject: input.subject,
        body: input.body,
        priority: input.priority,
        attachments,
        timings: deps.timings,
      };
      // Start (or join, for a repeated key) the workflow and wait until the read model has it.
      await temporal.workflow.executeUpdateWithStart(openedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation<typeof ticketWorkflow>(TICKET_WORKFLOW_TYPE, {
          workflowId: ticketWorkflowId(id),
          taskQueue: deps.taskQueue,
          args: [ticketInput],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      const detail = await repo.findDetail(id);
      if (!detail) throw new Error(`ticket ${id} was opened but is missing from the read model`);
      return present(auth, detail);
    },

    async list(auth: AuthContext, q: z.output<typeof ListTicketsQuery>) {
      const need: Record<typeof q.view, Permission> = {
        mine: 'tickets.read-own',
        agent: 'tickets.read-agent',
        inbox: 'tickets.inbox',
        all: 'tickets.read-all',
      };
      if (!auth.permissions.includes(need[q.view])) throw AppError.forbidden();
      const filter = {
        requesterId: q.view === 'mine' ? auth.user.id : undefined,
        agentIds: q.view === 'agent' ? await agents.subtreeIds(auth.agent.id) : undefined,
        notClosed: q.view === 'inbox' && !q.state,
        state: q.state,
        escalated: q.escalated,
        assigneeId: q.assigned === 'me' ? auth.user.id : q.assigned === 'unassigned' ? null : undefined,
        text: q.q,
        page: q.page,
        pageSize: q.pageSize,
      };
      const { items, total, counts } = await repo.list(filter);
      return { items: await withAgents(items), total, page: q.page, pageSize: q.pageSize, counts };
    },

    async get(auth: AuthContext, id: string) {
      return present(auth, await visibleDetail(auth, id));
    },

    async act(
      auth: AuthContext,
      id: string,
      action: Exclude<TicketAction, 'answer' | 'reply'> | 'message',
      payload: { message?: z.output<typeof MessageBody>; rating?: z.output<typeof RatingBody> } = {},
    ) {
      // Only the scope is checked here (no messages needed); the workflow's validators check the rest.
      await visible(auth, await repo.findSummary(id));
      const handle = temporal.workflow.getHandle(ticketWorkflowId(id));
      const actor = auth.actor;
      try {
        switch (action) {
          case 'claim':
            await handle.executeUpdate(claimUpdate, { args: [{ actor }] });
            break;
          case 'release':
            await handle.executeUpdate(releaseUpdate, { args: [{ actor }] });
            break;
          case 'close':
            await handle.executeUpdate(closeUpdate, { args: [{ actor }] });
            break;
          case 'message': {
            const m = payload.message!;
            const attachments = await ownAttachments(auth, m.attachmentIds);
            await handle.executeUpdate(postMessageUpdate, { args: [{ actor, body: m.body, attachments }] });
            break;
          }
          case 'rate': {
            const r = payload.rating!;
            await handle.executeUpdate(rateUpdate, { args: [{ actor, score: r.score, comment: r.comment || null }] });
            break;
          }
        }
      } catch (err) {
        throw updateError(err);
      }
      return present(auth, await visibleDetail(auth, id));
    },

    canSee,
  };
}

export type TicketService = ReturnType<typeof createTicketService>;

/** A stable UUID (version 5 layout) from an idempotency key, so a repeated request finds its ticket. */
function uuidFromKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
