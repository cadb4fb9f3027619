import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { z } from 'zod';
import { appendAudit, recordEvent } from '../../../db/audit';
import type { AgentRow, UserRow } from '../../../db/models';
import { bi } from '../../../domain/i18n';
import { temporaryPassword } from '../../../db/secret-box';
import { KeycloakHttpError, createRealmUser, setRealmUserPassword, updateRealmUser } from '../../../infra/keycloak/provision';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { assertInSubtree, visibleAgentIds } from '../../lib/scope';
import { keycloakUnavailable, type RealmAdmin } from '../agents/realm-admin';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.schemas';

const NOT_FOUND = bi('کاربر یافت نشد.', 'User not found.');
const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function createUserService(ctx: ApiContext, realm: RealmAdmin) {
  const { db } = ctx;
  const m = db.models;

  const summary = (u: UserRow, a: Pick<AgentRow, 'id' | 'code' | 'nameFa' | 'nameEn'>) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    firstName: u.firstName ?? null,
    lastName: u.lastName ?? null,
    email: u.email ?? null,
    mobile: u.mobile ?? null,
    active: u.active !== false,
    agent: { id: a.id, code: a.code, nameFa: a.nameFa, nameEn: a.nameEn },
    lastSeenAt: iso(u.lastSeenAt),
    createdAt: iso(u.createdAt) ?? '',
  });

  async function load(auth: AuthContext, id: string): Promise<{ user: UserRow; agent: AgentRow }> {
    const user = await m.User.findByPk(id);
    if (!user) throw AppError.notFound(NOT_FOUND);
    await assertInSubtree(ctx.agents, auth, user.agentId, NOT_FOUND);
    const agent = await m.Agent.findByPk(user.agentId);
    if (!agent) throw AppError.notFound(NOT_FOUND);
    return { user, agent };
  }

  /** The user's Keycloak account: only users of their agent's realm can be managed from here. */
  function realmAccount(user: UserRow, agent: AgentRow): { realm: string; kcId: string } {
    if (user.issuer !== realm.issuerOf(agent.realm)) {
      throw new AppError(
        409,
        'USER_NOT_IN_AGENT_REALM',
        bi('حساب این کاربر در قلمرو نمایندگی‌اش نیست.', "This user's account is not in their agent's realm."),
      );
    }
    return { realm: agent.realm, kcId: user.subject };
  }

  const snapshot = (u: UserRow) => ({
    username: u.username,
    displayName: u.displayName,
    firstName: u.firstName ?? null,
    lastName: u.lastName ?? null,
    email: u.email ?? null,
    mobile: u.mobile ?? null,
    active: u.active !== false,
    agentId: u.agentId,
  });

  return {
    async list(auth: AuthContext, q: z.output<typeof ListUsersQuery>) {
      const visible = await visibleAgentIds(ctx.agents, auth);
      if (q.agentId) await assertInSubtree(ctx.agents, auth, q.agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      const where: Record<string | symbol, unknown> = {};
      if (q.agentId) where.agentId = q.agentId;
      else if (visible) where.agentId = visible;
      if (q.active !== undefined) where.active = q.active;
      if (q.q) {
        const like = `%${q.q.trim()}%`;
        where[Op.or] = [
          { username: { [Op.like]: like } },
          { displayName: { [Op.like]: like } },
          { email: { [Op.like]: like } },
          { mobile: { [Op.like]: like } },
        ];
      }
      const { rows, count } = await m.User.findAndCountAll({
        where,
        order: [
          ['displayName', 'ASC'],
          ['id', 'ASC'],
        ],
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const agents = await ctx.agents.byIds(rows.map((r) => r.agentId));
      return {
        items: rows.flatMap((r) => {
          const a = agents.get(r.agentId);
          return a ? [summary(r, a)] : [];
        }),
        total: count,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Everything attached to a user, on one page (R-USERS). */
    async detail(auth: AuthContext, id: string) {
      const { user, agent } = await load(auth, id);
      const visible = await visibleAgentIds(ctx.agents, auth);
      const inScope = visible ? { [Op.in]: visible } : { [Op.ne]: null };
      const [grants, createdAgents, createdUsers, tickets, creator] = await Promise.all([
        m.UserRole.findAll({ where: { userId: id } }),
        m.Agent.findAll({ where: { createdBy: id, id: inScope }, order: [['code', 'ASC']] }),
        m.User.findAll({ where: { createdBy: id, agentId: inScope }, order: [['displayName', 'ASC']], limit: 200 }),
        m.Ticket.findAll({ where: { requesterId: id }, order: [['createdAt', 'DESC']], limit: 100 }),
        user.createdBy ? m.User.findByPk(user.createdBy) : null,
      ]);
      const roles = grants.length
        ? await m.Role.findAll({ where: { id: grants.map((g) => g.roleId) }, order: [['code', 'ASC']] })
        : [];
      return {
        user: {
          ...summary(user, agent),
          issuer: user.issuer,
          subject: user.subject,
          createdBy: creator ? { id: creator.id, displayName: creator.displayName } : null,
        },
        agent: { id: agent.id, code: agent.code, nameFa: agent.nameFa, nameEn: agent.nameEn, status: agent.status },
        roles: roles.map((r) => ({ id: r.id, code: r.code, nameFa: r.nameFa, nameEn: r.nameEn })),
        createdAgents: createdAgents.map((a) => ({
          id: a.id,
          code: a.code,
          nameFa: a.nameFa,
          nameEn: a.nameEn,
          status: a.status,
        })),
        createdUsers: createdUsers.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),
        tickets: tickets.map((t) => ({
          id: t.id,
          number: t.number,
          subject: t.subject,
          state: t.state,
          createdAt: iso(t.createdAt) ?? '',
        })),
        requests: [],
        devices: [],
        documents: [],
      };
    },

    async create(auth: AuthContext, body: z.output<typeof CreateUserBody>) {
      const agentId = body.agentId ?? auth.agent.id;
      await assertInSubtree(ctx.agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      const agent = await m.Agent.findByPk(agentId);
      if (!agent) throw AppError.notFound(bi('نماینده یافت نشد.', 'Agent not found.'));
      if (agent.status !== 'active') {
        throw new AppError(
          409,
          'AGENT_NOT_ACTIVE',
          bi('کاربر فقط برای نمایندهٔ فعال ساخته می‌شود.', 'Users can be created only for an active agent.'),
        );
      }
      const kc = realm.kc();
      const password = temporaryPassword();
      let kcId: string;
      try {
        kcId = await createRealmUser(kc, agent.realm, {
          username: body.username,
          password,
          temporary: true,
          email: body.email ?? '',
          firstName: body.firstName,
          lastName: body.lastName,
          roles: [],
        });
      } catch (err) {
        if (err instanceof KeycloakHttpError && err.status === 409) {
          const taken = bi('این نام کاربری یا ایمیل پیش‌تر ثبت شده است.', 'This username or e-mail is already taken.');
          throw new AppError(409, 'USERNAME_TAKEN', taken, [{ field: 'username', code: 'username_taken', message: taken }]);
        }
        throw keycloakUnavailable(err);
      }
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          const row = await m.User.create(
            {
              id,
              issuer: realm.issuerOf(agent.realm),
              subject: kcId,
              agentId,
              username: body.username,
              displayName: `${body.firstName} ${body.lastName}`.trim(),
              email: body.email ?? null,
              firstName: body.firstName,
              lastName: body.lastName,
              mobile: body.mobile ?? null,
              createdBy: auth.user.id,
              lastSeenAt: null,
              // Roles are granted in Kartabl (PUT /users/:id/roles), never taken from the token.
              rolesSeeded: true,
            },
            { transaction: tx },
          );
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'user',
            entityId: id,
            scopeAgentId: agentId,
            after: snapshot(row),
          });
        });
      } catch (err) {
        // Keep Keycloak and the database in step: the account is removed again.
        await kc.call('DELETE', `/${encodeURIComponent(agent.realm)}/users/${kcId}`).catch(() => undefined);
        throw err;
      }
      const row = (await m.User.findByPk(id)) as UserRow;
      return { user: summary(row, agent), temporaryPassword: password };
    },

    async update(auth: AuthContext, id: string, body: z.output<typeof UpdateUserBody>) {
      const { user, agent } = await load(auth, id);
      const before = snapshot(user);
      const firstName = body.firstName ?? user.firstName ?? '';
      const lastName = body.lastName ?? user.lastName ?? '';
      const values: Partial<UserRow> = {};
      if (body.firstName !== undefined) values.firstName = body.firstName;
      if (body.lastName !== undefined) values.lastName = body.lastName;
      if (body.firstName !== undefined || body.lastName !== undefined) values.displayName = `${firstName} ${lastName}`.trim();
      if (body.email !== undefined) values.email = body.email;
      if (body.mobile !== undefined) values.mobile = body.mobile;
      if (body.firstName !== undefined || body.lastName !== undefined || body.email !== undefined) {
        const { realm: r, kcId } = realmAccount(user, agent);
        try {
          await updateRealmUser(realm.kc(), r, kcId, {
            firstName: body.firstName,
            lastName: body.lastName,
            email: body.email,
          });
        } catch (err) {
          throw keycloakUnavailable(err);
        }
      }
      await db.transaction(async (tx) => {
        await user.update(values, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'user',
          entityId: id,
          scopeAgentId: user.agentId,
          before,
          after: snapshot(user),
        });
      });
      ctx.agents.invalidate();
      return summary(user, agent);
    },

    async setActive(auth: AuthContext, id: string, active: boolean) {
      const { user, agent } = await load(auth, id);
      if (!active && user.id === auth.user.id) {
        throw new AppError(
          400,
          'USER_IS_SELF',
          bi('حساب خودتان را نمی‌توانید غیرفعال کنید.', 'You cannot disable your own account.'),
        );
      }
      const before = snapshot(user);
      // Kartabl first: the user's current token is refused from this moment.
      await db.transaction(async (tx) => {
        await user.update({ active }, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: active ? 'enable' : 'disable',
          entityType: 'user',
          entityId: id,
          scopeAgentId: user.agentId,
          before,
          after: snapshot(user),
        });
      });
      ctx.agents.invalidate();
      ctx.access.invalidate(id);
      await recordEvent(db, {
        type: active ? 'user.enabled' : 'user.disabled',
        actor: auth.who,
        message: `${user.username} ${active ? 'enabled' : 'disabled'}`,
        details: { userId: id, agentId: user.agentId },
      });
      if (user.issuer === realm.issuerOf(agent.realm)) {
        try {
          await updateRealmUser(realm.kc(), agent.realm, user.subject, { enabled: active });
        } catch (err) {
          throw keycloakUnavailable(err);
        }
      }
      return summary(user, agent);
    },

    async resetPassword(auth: AuthContext, id: string) {
      const { user, agent } = await load(auth, id);
      const { realm: r, kcId } = realmAccount(user, agent);
      const password = temporaryPassword();
      try {
        await setRealmUserPassword(realm.kc(), r, kcId, password, true);
      } catch (err) {
        throw keycloakUnavailable(err);
      }
      await db.transaction(async (tx) => {
        await appendAudit(db, tx, auth.who, {
          action: 'reset-password',
          entityType: 'user',
          entityId: id,
          scopeAgentId: user.agentId,
          after: { username: user.username, temporary: true },
        });
      });
      await recordEvent(db, {
        type: 'user.password-reset',
        actor: auth.who,
        message: `temporary password set for ${user.username}`,
        details: { userId: id, agentId: user.agentId },
      });
      return { temporaryPassword: password };
    },
  };
}
