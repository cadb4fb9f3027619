import { randomUUID } from 'node:crypto';
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import type { z } from 'zod';
import { appendAudit, recordEvent } from '../../../db/audit';
import type { AgentRow } from '../../../db/models';
import { ensureDefaultCeiling } from '../../../db/repositories/access';
import { agentRealmWorkflowId, realmOfAgent, whyNotMove } from '../../../domain/agents';
import { bi } from '../../../domain/i18n';
import { temporaryPassword } from '../../../db/secret-box';
import { setRealmEnabled } from '../../../infra/keycloak/provision';
import { AGENT_REALM_WORKFLOW_TYPE, type AgentRealmInput } from '../../../workflows/agents/definitions';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { assertInBaseData } from '../../lib/basedata-refs';
import { AppError, type FieldError } from '../../lib/errors';
import { assertInSubtree, visibleAgentIds } from '../../lib/scope';
import type { CreateAgentBody, ListAgentsQuery, PutPspBody, UpdateAgentBody } from './agents.schemas';
import { parseFirstAdmin } from '../../../activities/agents';
import { keycloakUnavailable, type RealmAdmin } from './realm-admin';

type Legal = z.output<typeof CreateAgentBody>['legal'];
type Contact = z.output<typeof CreateAgentBody>['contacts'][number];

const NOT_FOUND = bi('نماینده یافت نشد.', 'Agent not found.');
const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function createAgentService(ctx: ApiContext, realm: RealmAdmin) {
  const { db } = ctx;
  const m = db.models;

  const summary = (a: AgentRow) => ({
    id: a.id,
    code: a.code,
    realm: a.realm,
    parentId: a.parentId ?? null,
    nameFa: a.nameFa,
    nameEn: a.nameEn,
    status: a.status ?? (a.active ? 'active' : 'suspended'),
    isBroker: Boolean(a.isBroker),
    createdAt: iso(a.createdAt) ?? '',
  });

  const legalOf = (a: AgentRow) => ({
    entityType: a.entityType ?? null,
    legalName: a.legalName ?? null,
    legalId: a.legalId ?? null,
    nationalCode: a.nationalCode ?? null,
    economicCode: a.economicCode ?? null,
    registrationNo: a.registrationNo ?? null,
    address: a.address ?? null,
    postalCode: a.postalCode ?? null,
    phone: a.phone ?? null,
  });

  const legalColumns = (l: Legal) => ({
    entityType: l.entityType,
    legalName: l.legalName,
    legalId: l.entityType === 'legal' ? (l.legalId ?? null) : null,
    nationalCode: l.entityType === 'natural' ? (l.nationalCode ?? null) : null,
    economicCode: l.economicCode ?? null,
    registrationNo: l.registrationNo ?? null,
    address: l.address,
    postalCode: l.postalCode,
    phone: l.phone,
  });

  async function load(auth: AuthContext, id: string, tx?: Transaction): Promise<AgentRow> {
    await assertInSubtree(ctx.agents, auth, id, NOT_FOUND);
    const a = await m.Agent.findByPk(id, { transaction: tx });
    if (!a) throw AppError.notFound(NOT_FOUND);
    return a;
  }

  async function detailOf(a: AgentRow) {
    const [contacts, domains, psps, parent, creator] = await Promise.all([
      m.AgentContact.findAll({ where: { agentId: a.id }, order: [['sortOrder', 'ASC']] }),
      m.AgentDomain.findAll({ where: { agentId: a.id }, order: [['domain', 'ASC']] }),
      m.AgentPsp.findAll({ where: { agentId: a.id }, order: [['pspCode', 'ASC']] }),
      a.parentId ? m.Agent.findByPk(a.parentId) : null,
      a.createdBy ? m.User.findByPk(a.createdBy) : null,
    ]);
    const fa = parseFirstAdmin(a.firstAdmin ?? null);
    return {
      ...summary(a),
      legal: legalOf(a),
      contacts: contacts.map((c) => ({ name: c.name, role: c.role ?? null, mobile: c.mobile ?? null, email: c.email ?? null })),
      domains: domains.map((d) => d.domain),
      psps: psps.map((p) => ({
        pspCode: p.pspCode,
        direct: Boolean(p.direct),
        credentials: { stored: Boolean(p.sealedCredentials), setAt: iso(p.credentialsSetAt), setBy: p.credentialsSetBy ?? null },
      })),
      firstAdmin: fa
        ? { username: fa.username, firstName: fa.firstName, lastName: fa.lastName, email: fa.email, mobile: fa.mobile }
        : null,
      parent: parent ? { id: parent.id, code: parent.code, nameFa: parent.nameFa, nameEn: parent.nameEn } : null,
      createdBy: creator ? { id: creator.id, displayName: creator.displayName } : null,
      provisionError: a.provisionError ?? null,
      provisionedAt: iso(a.provisionedAt),
      issuer: realm.issuerOf(a.realm),
    };
  }

  /** Refuses domains another agent already uses (409 with the field of each). */
  async function checkDomains(domains: string[], agentId: string | null, tx: Transaction): Promise<void> {
    if (!domains.length) return;
    const taken = await m.AgentDomain.findAll({ where: { domain: domains }, transaction: tx });
    const fields: FieldError[] = taken
      .filter((t) => t.agentId !== agentId)
      .map((t) => ({
        field: `domains.${domains.indexOf(t.domain)}`,
        code: 'domain_taken',
        message: bi(
          `دامنهٔ ${t.domain} پیش‌تر به نمایندهٔ دیگری داده شده است.`,
          `The domain ${t.domain} already belongs to another agent.`,
        ),
      }));
    if (fields.length) throw domainTaken(fields);
  }

  const domainTaken = (fields: FieldError[]) =>
    new AppError(409, 'DOMAIN_TAKEN', bi('این دامنه پیش‌تر ثبت شده است.', 'A domain is already in use.'), fields);

  async function writeChildren(
    agentId: string,
    contacts: Contact[] | undefined,
    domains: string[] | undefined,
    tx: Transaction,
  ): Promise<void> {
    if (contacts) {
      await m.AgentContact.destroy({ where: { agentId }, transaction: tx });
      for (const [i, c] of contacts.entries()) {
        await m.AgentContact.create(
          {
            id: randomUUID(),
            agentId,
            name: c.name,
            role: c.role || null,
            mobile: c.mobile ?? null,
            email: c.email ?? null,
            sortOrder: i,
          },
          { transaction: tx },
        );
      }
    }
    if (domains) {
      await checkDomains(domains, agentId, tx);
      await m.AgentDomain.destroy({ where: { agentId }, transaction: tx });
      for (const domain of domains) await m.AgentDomain.create({ domain, agentId }, { transaction: tx });
    }
  }

  /**
   * Starts the realm workflow (one per agent). A create or retry joins a run already going; a
   * change (domains, name, activation) replaces it, so the realm is built from the latest data —
   * safe because every step is idempotent. A failure to start is recorded; the agent can be retried.
   */
  async function startRealmWorkflow(agentId: string, reason: 'create' | 'retry' | 'update' | 'activate'): Promise<void> {
    const input: AgentRealmInput = { agentId, reason };
    try {
      await ctx.temporal.workflow.start(AGENT_REALM_WORKFLOW_TYPE, {
        workflowId: agentRealmWorkflowId(agentId),
        taskQueue: ctx.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: reason === 'create' || reason === 'retry' ? 'USE_EXISTING' : 'TERMINATE_EXISTING',
      });
    } catch (err) {
      ctx.logger.warn({ err, agentId }, 'could not start the agent realm workflow');
      await m.Agent.update({ provisionError: 'the provisioning workflow could not be started' }, { where: { id: agentId } });
      await recordEvent(db, {
        type: 'agent.provisioning.failed',
        severity: 'error',
        actor: { agentId },
        code: 'WORKFLOW_NOT_STARTED',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }

  const snapshot = async (a: AgentRow) => {
    const d = await detailOf(a);
    // What the audit keeps: details, never credential values (only whether they exist).
    return { ...d, psps: d.psps.map((p) => ({ pspCode: p.pspCode, direct: p.direct })) };
  };

  function changed(): void {
    ctx.authenticate.invalidateAgents();
    ctx.agents.invalidate();
    ctx.access.invalidate();
  }

  return {
    async list(auth: AuthContext, q: z.output<typeof ListAgentsQuery>) {
      const ids = await visibleAgentIds(ctx.agents, auth);
      const where: Record<string | symbol, unknown> = {};
      if (ids) where.id = ids;
      if (q.status) where.status = q.status;
      if (q.q) {
        const like = `%${q.q.trim()}%`;
        where[Op.or] = [{ code: { [Op.like]: like } }, { nameFa: { [Op.like]: like } }, { nameEn: { [Op.like]: like } }];
      }
      const rows = await m.Agent.findAll({
        where,
        order: [
          ['isBroker', 'DESC'],
          ['code', 'ASC'],
        ],
      });
      // The caller's own agent is the root of what they see: its parent is outside their tree.
      return {
        items: rows.map((r) => {
          const s = summary(r);
          return r.id === auth.agent.id && !auth.agent.isBroker ? { ...s, parentId: null } : s;
        }),
      };
    },

    async detail(auth: AuthContext, id: string) {
      const a = await load(auth, id);
      const d = await detailOf(a);
      if (a.id === auth.agent.id && !auth.agent.isBroker) return { ...d, parentId: null, parent: null };
      return d;
    },

    async create(auth: AuthContext, body: z.output<typeof CreateAgentBody>) {
      const parentId = body.parentId ?? auth.agent.id;
      await assertInSubtree(ctx.agents, auth, parentId, bi('نمایندهٔ والد یافت نشد.', 'The parent agent was not found.'));
      const box = realm.box();
      const id = randomUUID();
      const password = temporaryPassword();
      const realmName = realmOfAgent(body.code);
      const firstAdmin = {
        username: body.firstAdmin.username,
        firstName: body.firstAdmin.firstName,
        lastName: body.firstAdmin.lastName,
        email: body.firstAdmin.email ?? null,
        mobile: body.firstAdmin.mobile ?? null,
      };
      const codeTaken = () =>
        new AppError(409, 'AGENT_CODE_TAKEN', bi('این کد نماینده پیش‌تر ثبت شده است.', 'This agent code is already in use.'), [
          {
            field: 'code',
            code: 'code_taken',
            message: bi('این کد نماینده پیش‌تر ثبت شده است.', 'This agent code is already in use.'),
          },
        ]);
      try {
        await db.transaction(async (tx) => {
          if (await m.Agent.findOne({ where: { [Op.or]: [{ code: body.code }, { realm: realmName }] }, transaction: tx })) {
            throw codeTaken();
          }
          await checkDomains(body.domains, null, tx);
          const row = await m.Agent.create(
            {
              id,
              code: body.code,
              realm: realmName,
              parentId,
              nameFa: body.nameFa,
              nameEn: body.nameEn,
              isBroker: false,
              active: false,
              status: 'provisioning',
              createdBy: auth.user.id,
              ...legalColumns(body.legal),
              firstAdmin: JSON.stringify(firstAdmin),
              firstAdminSecret: box.seal(password, id),
            },
            { transaction: tx },
          );
          await writeChildren(id, body.contacts, body.domains, tx);
          await ensureDefaultCeiling(db, id, tx);
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'agent',
            entityId: id,
            scopeAgentId: id,
            after: {
              ...summary(row),
              legal: legalColumns(body.legal),
              contacts: body.contacts,
              domains: body.domains,
              firstAdmin,
            },
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) {
          const onDomain = err.errors.some((e) => /domain/i.test(`${e.path ?? ''}`)) || /agent_domains/.test(err.message);
          throw onDomain ? domainTaken([]) : codeTaken();
        }
        throw err;
      }
      changed();
      await startRealmWorkflow(id, 'create');
      const row = await m.Agent.findByPk(id);
      return { agent: await detailOf(row as AgentRow), firstAdminPassword: password };
    },

    async update(auth: AuthContext, id: string, body: z.output<typeof UpdateAgentBody>) {
      let domainsChanged = false;
      try {
        await db.transaction(async (tx) => {
          const a = await load(auth, id, tx);
          const before = await snapshot(a);
          const values: Partial<AgentRow> = {};
          if (body.nameFa !== undefined) values.nameFa = body.nameFa;
          if (body.nameEn !== undefined) values.nameEn = body.nameEn;
          if (body.legal) Object.assign(values, legalColumns(body.legal));
          await a.update(values, { transaction: tx });
          await writeChildren(id, body.contacts, body.domains, tx);
          if (body.domains) domainsChanged = [...body.domains].sort().join() !== [...before.domains].sort().join();
          const after = await snapshot(a);
          await appendAudit(db, tx, auth.who, {
            action: 'update',
            entityType: 'agent',
            entityId: id,
            scopeAgentId: id,
            before,
            after,
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw domainTaken([]);
        throw err;
      }
      changed();
      // The portal client's redirect URIs follow the domains (and the realm's display name the name).
      if (domainsChanged || body.nameFa !== undefined) await startRealmWorkflow(id, 'update');
      return detailOf((await m.Agent.findByPk(id)) as AgentRow);
    },

    async setSuspended(auth: AuthContext, id: string, suspend: boolean) {
      const a0 = await load(auth, id);
      if (a0.isBroker) {
        throw new AppError(
          400,
          'AGENT_IS_BROKER',
          bi('کارگزار اصلی را نمی‌توان تعلیق کرد.', 'The main broker cannot be suspended.'),
        );
      }
      if (a0.id === auth.agent.id) {
        throw new AppError(
          400,
          'AGENT_IS_OWN',
          bi('نمایندگی خودتان را نمی‌توانید تعلیق کنید.', 'You cannot suspend your own agent.'),
        );
      }
      let next = 'active' as 'provisioning' | 'active' | 'suspended';
      await db.transaction(async (tx) => {
        const a = (await m.Agent.findByPk(id, { transaction: tx })) as AgentRow;
        const before = { status: a.status, active: a.active };
        next = suspend ? 'suspended' : a.provisionedAt ? 'active' : 'provisioning';
        await a.update({ status: next, active: next === 'active' }, { transaction: tx });
        if (before.status !== next) {
          await appendAudit(db, tx, auth.who, {
            action: suspend ? 'suspend' : 'activate',
            entityType: 'agent',
            entityId: id,
            scopeAgentId: id,
            before,
            after: { status: next, active: next === 'active' },
          });
        }
      });
      changed();
      await recordEvent(db, {
        type: suspend ? 'agent.suspended' : 'agent.activated',
        actor: { ...auth.who, agentId: id },
        message: `${a0.code} is ${next}`,
      });
      if (next === 'provisioning') {
        await startRealmWorkflow(id, 'activate');
      } else if (a0.provisionedAt) {
        // Logins to the realm stop (or resume) at once; the API already refuses (or accepts) its tokens.
        try {
          await setRealmEnabled(realm.kc(), a0.realm, !suspend);
        } catch (err) {
          ctx.logger.warn({ err, agentId: id }, 'could not change the realm enabled flag');
          throw keycloakUnavailable(err);
        }
      }
      return detailOf((await m.Agent.findByPk(id)) as AgentRow);
    },

    async move(auth: AuthContext, id: string, parentId: string) {
      await load(auth, id);
      await db.transaction(async (tx) => {
        const nodes = (await m.Agent.findAll({ attributes: ['id', 'parentId', 'isBroker'], transaction: tx })).map((n) => ({
          id: n.id,
          parentId: n.parentId,
          isBroker: Boolean(n.isBroker),
        }));
        const refusal = whyNotMove(nodes, auth.agent.id, id, parentId);
        if (refusal?.code === 'NOT_FOUND') throw AppError.notFound(NOT_FOUND);
        if (refusal?.code === 'PARENT_NOT_FOUND') throw new AppError(404, refusal.code, refusal.message);
        if (refusal)
          throw new AppError(400, refusal.code, refusal.message, [
            { field: 'parentId', code: refusal.code, message: refusal.message },
          ]);
        const a = (await m.Agent.findByPk(id, { transaction: tx })) as AgentRow;
        const before = { parentId: a.parentId };
        if (before.parentId === parentId) return;
        await a.update({ parentId }, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'move',
          entityType: 'agent',
          entityId: id,
          scopeAgentId: id,
          before,
          after: { parentId },
        });
      });
      changed();
      return detailOf((await m.Agent.findByPk(id)) as AgentRow);
    },

    /** Finishes (or repeats) provisioning: joins a running workflow, never duplicates the realm. */
    async provision(auth: AuthContext, id: string) {
      const a = await load(auth, id);
      if (a.isBroker)
        throw new AppError(
          400,
          'AGENT_IS_BROKER',
          bi('قلمرو کارگزار اصلی جداگانه مدیریت می‌شود.', "The main broker's realm is managed separately."),
        );
      await recordEvent(db, {
        type: 'agent.provisioning.retry',
        actor: { ...auth.who, agentId: id },
        message: `retry requested for ${a.code}`,
      });
      await startRealmWorkflow(id, 'retry');
      return detailOf(a);
    },

    async putPsp(auth: AuthContext, id: string, pspCode: string, body: z.output<typeof PutPspBody>) {
      const box = body.credentials ? realm.box() : undefined;
      await db.transaction(async (tx) => {
        await load(auth, id, tx);
        // Credentials only for a PSP that base data knows (a switched-off service still may be configured).
        await assertInBaseData(db, [{ kind: 'psp', code: pspCode, field: 'pspCode' }], tx);
        const existing = await m.AgentPsp.findOne({ where: { agentId: id, pspCode }, transaction: tx });
        const before = existing
          ? { pspCode, direct: Boolean(existing.direct), stored: Boolean(existing.sealedCredentials) }
          : null;
        const values: Partial<InstanceType<typeof m.AgentPsp>> = { direct: body.direct };
        if (body.credentials === null) {
          Object.assign(values, {
            sealedCredentials: null,
            credentialsSetAt: null,
            credentialsSetBy: null,
            credentialsSetById: null,
          });
        } else if (body.credentials && box) {
          Object.assign(values, {
            sealedCredentials: box.seal(JSON.stringify(body.credentials), `${id}/${pspCode}`),
            credentialsSetAt: new Date(),
            credentialsSetBy: auth.user.displayName,
            credentialsSetById: auth.user.id,
          });
        }
        if (existing) await existing.update(values, { transaction: tx });
        else
          await m.AgentPsp.create(
            {
              agentId: id,
              pspCode,
              direct: body.direct,
              sealedCredentials: null,
              credentialsSetAt: null,
              credentialsSetBy: null,
              credentialsSetById: null,
              ...values,
            },
            { transaction: tx },
          );
        const stored = body.credentials === undefined ? Boolean(existing?.sealedCredentials) : body.credentials !== null;
        await appendAudit(db, tx, auth.who, {
          action: existing ? 'update' : 'create',
          entityType: 'agent-psp',
          entityId: `${id}/${pspCode}`,
          scopeAgentId: id,
          before,
          after: {
            pspCode,
            direct: body.direct,
            stored,
            // Only the names of the fields that changed, never their values.
            changedFields: body.credentials ? Object.keys(body.credentials).sort() : [],
          },
        });
      });
      return detailOf((await m.Agent.findByPk(id)) as AgentRow);
    },

    async deletePsp(auth: AuthContext, id: string, pspCode: string) {
      await db.transaction(async (tx) => {
        await load(auth, id, tx);
        const existing = await m.AgentPsp.findOne({ where: { agentId: id, pspCode }, transaction: tx });
        if (!existing) throw AppError.notFound(bi('این PSP برای نماینده ثبت نشده است.', 'This PSP is not set for the agent.'));
        await existing.destroy({ transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'agent-psp',
          entityId: `${id}/${pspCode}`,
          scopeAgentId: id,
          before: { pspCode, direct: Boolean(existing.direct), stored: Boolean(existing.sealedCredentials) },
        });
      });
      return detailOf((await m.Agent.findByPk(id)) as AgentRow);
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;
