import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { verifyAuditChain } from '../../../db/audit';
import type { ApiContext } from '../../app';
import type { RouteTable } from '../../lib/routes';
import { PageQuery, pageOf } from '../../lib/schemas';
import { visibleAgentIds } from '../../lib/scope';

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

const AuditQuery = PageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().max(36).optional(),
  action: z.string().max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const AuditEntry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actor: z.object({
      issuer: z.string().nullable(),
      subject: z.string().nullable(),
      userId: z.string().nullable(),
      name: z.string(),
      agentId: z.string().nullable(),
      ip: z.string().nullable(),
    }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    scopeAgentId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const Verification = z
  .object({
    ok: z.boolean(),
    checked: z.number(),
    lastSeq: z.number(),
    firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable(),
  })
  .meta({ id: 'AuditVerification' });

const EventsQuery = PageQuery.extend({
  type: z.string().max(64).optional(),
  severity: z.enum(['info', 'warning', 'error']).optional(),
  agentId: z.string().max(36).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const SystemEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    type: z.string(),
    severity: z.string(),
    agentId: z.string().nullable(),
    userId: z.string().nullable(),
    actorName: z.string().nullable(),
    ip: z.string().nullable(),
    method: z.string().nullable(),
    path: z.string().nullable(),
    status: z.number().nullable(),
    code: z.string().nullable(),
    message: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'SystemEvent' });

const parse = (text: string | null): unknown => (text ? JSON.parse(text) : null);

function timeRange(from?: Date, to?: Date): WhereOptions | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { [Op.gte]: from } : {}), ...(to ? { [Op.lte]: to } : {}) };
}

/** The change audit (append-only, hash-chained) and system events, for auditors. */
export function auditRoutes(routes: RouteTable, ctx: ApiContext): void {
  const { Audit, SystemEvent: Events } = ctx.db.models;

  routes.add({
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary: 'Change audit: who changed what, when, from where, before and after (newest first)',
    access: { anyOf: ['audit.read'] },
    query: AuditQuery,
    response: { status: 200, description: 'A page of audit entries', schema: pageOf(AuditEntry) },
    handler: async ({ auth, query }) => {
      const scope = await visibleAgentIds(ctx.agents, auth!);
      const at = timeRange(query.from, query.to);
      const where: WhereOptions = {
        ...(query.entityType ? { entityType: query.entityType } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
        ...(query.actorUserId ? { actorUserId: query.actorUserId } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(at ? { at } : {}),
        ...(scope ? { scopeAgentId: scope } : {}),
      };
      const { rows, count } = await Audit.findAndCountAll({
        where,
        order: [['seq', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actor: {
            issuer: r.actorIssuer,
            subject: r.actorSubject,
            userId: r.actorUserId,
            name: r.actorName,
            agentId: r.actorAgentId,
            ip: r.ip,
          },
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          scopeAgentId: r.scopeAgentId,
          before: parse(r.beforeJson),
          after: parse(r.afterJson),
          hash: r.hash,
          prevHash: r.prevHash,
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  routes.add({
    method: 'get',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Re-computes the audit hash chain and reports the first broken link',
    access: { anyOf: ['audit.verify'] },
    response: { status: 200, description: 'The verification result', schema: Verification },
    handler: () => verifyAuditChain(ctx.db),
  });

  routes.add({
    method: 'get',
    path: '/events',
    tag: 'audit',
    summary: 'System events: sign-ins, refused requests, blocked addresses, provisioning, failures (newest first)',
    access: { anyOf: ['events.read'] },
    query: EventsQuery,
    response: { status: 200, description: 'A page of events', schema: pageOf(SystemEvent) },
    handler: async ({ auth, query }) => {
      const scope = await visibleAgentIds(ctx.agents, auth!);
      const at = timeRange(query.from, query.to);
      const agentFilter = query.agentId ? (scope && !scope.includes(query.agentId) ? [] : [query.agentId]) : scope;
      const where: WhereOptions = {
        ...(query.type ? { type: { [Op.like]: `${query.type}%` } } : {}),
        ...(query.severity ? { severity: query.severity } : {}),
        ...(at ? { at } : {}),
        ...(agentFilter ? { agentId: agentFilter } : {}),
      };
      const { rows, count } = await Events.findAndCountAll({
        where,
        order: [
          ['at', 'DESC'],
          ['id', 'ASC'],
        ],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          type: r.type,
          severity: r.severity,
          agentId: r.agentId,
          userId: r.userId,
          actorName: r.actorName,
          ip: r.ip,
          method: r.method,
          path: r.path,
          status: r.status,
          code: r.code,
          message: r.message,
          details: parse(r.details),
        })),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });
}
