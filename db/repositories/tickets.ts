import { Op, type WhereOptions } from 'sequelize';
import type {
  AttachmentRef,
  TicketMessage,
  TicketPriority,
  TicketSnapshot,
  TicketState,
  TimelineEvent,
} from '../../domain/tickets/ticket';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit';
import { chunkForParams } from '../connection';
import type { Database } from '../index';
import type { TicketRow } from '../models';

export interface TicketSummaryRecord {
  id: string;
  number: string;
  subject: string;
  categoryCode: string;
  priority: TicketPriority;
  state: TicketState;
  agentId: string;
  requester: { id: string; displayName: string };
  assignee: { id: string; displayName: string } | null;
  escalated: boolean;
  firstResponseDueAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  rating: { score: number; comment: string | null } | null;
}

export interface TicketDetailRecord extends TicketSummaryRecord {
  messages: TicketMessage[];
  timeline: TimelineEvent[];
}

export interface TicketListFilter {
  requesterId?: string;
  agentIds?: string[];
  state?: TicketState;
  notClosed?: boolean;
  escalated?: boolean;
  assigneeId?: string | null;
  text?: string;
  page: number;
  pageSize: number;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** What the audit log keeps of a ticket version (not the conversation itself). */
function auditView(r: {
  number: string;
  state: string;
  priority: string;
  subject: string;
  assigneeId: string | null;
  escalated: boolean;
  closeReason: string | null;
  ratingScore: number | null;
  version: number;
}) {
  return {
    number: r.number,
    state: r.state,
    priority: r.priority,
    subject: r.subject,
    assigneeId: r.assigneeId,
    escalated: Boolean(r.escalated),
    closeReason: r.closeReason,
    ratingScore: r.ratingScore,
    version: r.version,
  };
}

export function createTicketRepository(db: Database) {
  const { Ticket, TicketMessage: MessageModel, TicketEvent, Attachment } = db.models;

  function toSummary(r: TicketRow): TicketSummaryRecord {
    return {
      id: r.id,
      number: r.number,
      subject: r.subject,
      categoryCode: r.categoryCode,
      priority: r.priority as TicketPriority,
      state: r.state as TicketState,
      agentId: r.agentId,
      requester: { id: r.requesterId, displayName: r.requesterName },
      assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
      escalated: Boolean(r.escalated),
      firstResponseDueAt: iso(r.firstResponseDueAt),
      createdAt: iso(r.createdAt) ?? '',
      updatedAt: iso(r.updatedAt) ?? '',
      closedAt: iso(r.closedAt),
      rating: r.ratingScore ? { score: r.ratingScore, comment: r.ratingComment } : null,
    };
  }

  function buildWhere(f: Omit<TicketListFilter, 'page' | 'pageSize' | 'state'>): WhereOptions<TicketRow> {
    const and: WhereOptions<TicketRow>[] = [];
    if (f.requesterId) and.push({ requesterId: f.requesterId });
    if (f.agentIds) and.push({ agentId: { [Op.in]: f.agentIds } });
    if (f.notClosed) and.push({ state: { [Op.ne]: 'closed' } });
    if (f.escalated !== undefined) and.push({ escalated: f.escalated });
    if (f.assigneeId !== undefined) and.push({ assigneeId: f.assigneeId });
    if (f.text) {
      const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      and.push({ [Op.or]: [{ subject: { [Op.like]: like } }, { number: { [Op.like]: like } }] });
    }
    return { [Op.and]: and };
  }

  return {
    /**
     * Stores a workflow snapshot if it is newer than the stored one. Messages and events are
     * append-only and keyed by (ticket, seq), so a repeated call writes nothing twice.
     */
    async saveTicket(s: TicketSnapshot): Promise<void> {
      await db.transaction(async (transaction) => {
        const existing = await Ticket.findByPk(s.id, { transaction });
        if (existing && existing.version >= s.version) return;
        const before = existing ? auditView(existing) : null;
        const lastMessage = s.messages[s.messages.length - 1];
        const values = {
          id: s.id,
          number: s.number,
          agentId: s.agentId,
          requesterId: s.requester.id,
          requesterName: s.requester.displayName,
          categoryCode: s.categoryCode,
          subject: s.subject,
          priority: s.priority,
          state: s.state,
          assigneeId: s.assignee?.id ?? null,
          assigneeName: s.assignee?.displayName ?? null,
          escalated: s.escalated,
          firstResponseDueAt: s.firstResponseDueAt ? new Date(s.firstResponseDueAt) : null,
          firstRespondedAt: s.firstRespondedAt ? new Date(s.firstRespondedAt) : null,
          closedAt: s.closedAt ? new Date(s.closedAt) : null,
          closeReason: s.closeReason,
          ratingScore: s.rating?.score ?? null,
          ratingComment: s.rating?.comment ?? null,
          lastMessageAt: lastMessage ? new Date(lastMessage.createdAt) : null,
          version: s.version,
          createdAt: new Date(s.createdAt),
          updatedAt: new Date(s.updatedAt),
        };
        if (existing) await existing.update(values, { transaction });
        else await Ticket.create(values, { transaction });

        const storedMessages = new Set(
          (await MessageModel.findAll({ where: { ticketId: s.id }, attributes: ['seq'], transaction })).map((m) => m.seq),
        );
        const newMessages = s.messages.filter((m) => !storedMessages.has(m.seq));
        for (const chunk of chunkForParams(newMessages, 9)) {
          await MessageModel.bulkCreate(
            chunk.map((m) => ({
              id: m.id,
              ticketId: s.id,
              seq: m.seq,
              authorId: m.author.id,
              authorName: m.author.displayName,
              side: m.author.side,
              body: m.body,
              attachments: JSON.stringify(m.attachments),
              createdAt: new Date(m.createdAt),
            })),
            { transaction },
          );
        }
        const attachmentIds = newMessages.flatMap((m) => m.attachments.map((a) => a.id));
        for (const chunk of chunkForParams(attachmentIds, 1)) {
          await Attachment.update({ ticketId: s.id }, { where: { id: { [Op.in]: chunk }, ticketId: null }, transaction });
        }

        const storedEvents = new Set(
          (await TicketEvent.findAll({ where: { ticketId: s.id }, attributes: ['seq'], transaction })).map((e) => e.seq),
        );
        const newEvents = s.timeline.filter((e) => !storedEvents.has(e.seq));
        for (const chunk of chunkForParams(newEvents, 8)) {
          await TicketEvent.bulkCreate(
            chunk.map((e) => ({
              id: `${s.id}-e${e.seq}`,
              ticketId: s.id,
              seq: e.seq,
              type: e.type,
              at: new Date(e.at),
              actorId: e.actor?.id ?? null,
              actorName: e.actor?.displayName ?? null,
              data: JSON.stringify(e.data),
            })),
            { transaction },
          );
        }

        // The audit chain gets one entry per new timeline event, signed by the person who acted
        // (looked up by user id: issuer + subject); timers act as the system.
        const actorIds = [...new Set(newEvents.map((e) => e.actor?.id).filter((id): id is string => Boolean(id)))];
        const people = actorIds.length ? await db.models.User.findAll({ where: { id: actorIds }, transaction }) : [];
        const after = auditView(values);
        for (const [i, e] of newEvents.entries()) {
          const person = people.find((p) => p.id === e.actor?.id);
          const actor: Actor = person
            ? {
                issuer: person.issuer,
                subject: person.subject,
                userId: person.id,
                name: person.displayName,
                agentId: person.agentId,
                ip: null,
              }
            : e.actor
              ? { ...SYSTEM_ACTOR, userId: e.actor.id, name: e.actor.displayName }
              : SYSTEM_ACTOR;
          await appendAudit(db, transaction, actor, {
            action: e.type.slice(0, 32),
            entityType: 'ticket',
            entityId: s.id,
            scopeAgentId: s.agentId,
            before: i === 0 ? before : undefined,
            after: i === newEvents.length - 1 ? { ...after, event: e.data } : { event: e.data },
          });
        }
      });
    },

    async findSummary(id: string): Promise<TicketSummaryRecord | null> {
      const row = await Ticket.findByPk(id);
      return row ? toSummary(row) : null;
    },

    async findDetail(id: string): Promise<TicketDetailRecord | null> {
      const row = await Ticket.findByPk(id);
      if (!row) return null;
      const [messages, events] = await Promise.all([
        MessageModel.findAll({ where: { ticketId: id }, order: [['seq', 'ASC']] }),
        TicketEvent.findAll({ where: { ticketId: id }, order: [['seq', 'ASC']] }),
      ]);
      return {
        ...toSummary(row),
        messages: messages.map((m) => ({
          id: m.id,
          seq: m.seq,
          author: { id: m.authorId, displayName: m.authorName, side: m.side as 'requester' | 'support' },
          body: m.body,
          attachments: JSON.parse(m.attachments) as AttachmentRef[],
          createdAt: iso(m.createdAt) ?? '',
        })),
        timeline: events.map((e) => ({
          seq: e.seq,
          type: e.type as TimelineEvent['type'],
          at: iso(e.at) ?? '',
          actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? '' } : null,
          data: JSON.parse(e.data) as Record<string, unknown>,
        })),
      };
    },

    /** One page of tickets (newest activity first) with the total and a count per state. */
    async list(f: TicketListFilter) {
      const base = buildWhere(f);
      const where = f.state ? { [Op.and]: [base, { state: f.state }] } : base;
      const [rows, total, perState] = await Promise.all([
        Ticket.findAll({
          where,
          order: [
            ['updatedAt', 'DESC'],
            ['id', 'ASC'],
          ],
          offset: (f.page - 1) * f.pageSize,
          limit: f.pageSize,
        }),
        Ticket.count({ where }),
        Ticket.count({ where: base, group: ['state'] }),
      ]);
      const counts: Record<TicketState, number> = { open: 0, waiting_for_support: 0, answered: 0, closed: 0 };
      for (const g of perState as unknown as { state: TicketState; count: number | string }[]) {
        if (g.state in counts) counts[g.state] = Number(g.count);
      }
      return { items: rows.map(toSummary), total, counts };
    },

    /** Next ticket sequence value; unique across processes. */
    async nextNumber(): Promise<number> {
      const { Sequence } = db.models;
      return db.transaction(async (transaction) => {
        await Sequence.increment('value', { by: 1, where: { name: 'ticket' }, transaction });
        const row = await Sequence.findByPk('ticket', { transaction });
        if (!row) throw new Error('sequence "ticket" is missing: run the seed');
        return Number(row.value);
      });
    },
  };
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
