import { randomUUID } from 'node:crypto';
import { UniqueConstraintError, type Transaction } from 'sequelize';
import type { Database } from '../../../db';
import { appendAudit } from '../../../db/audit';
import type { AccessRepository } from '../../../db/repositories/access';
import { BROKER_ONLY, PERMISSION_CATALOG, aboveCeiling, isPermission, type Permission } from '../../../domain/access';
import { bi } from '../../../domain/i18n';
import type { AuthContext } from '../../lib/auth';
import { AppError } from '../../lib/errors';
import { assertInSubtree } from '../../lib/scope';
import type { AgentDirectory } from '../agents/agents.repository';

export interface PackageInput {
  code: string;
  nameFa: string;
  nameEn: string;
  permissions: string[];
}

export interface RoleInput {
  code: string;
  nameFa: string;
  nameEn: string;
  packageIds: string[];
  /** Broker only: `broker` (broker staff) or `agent` (a template every agent may grant). */
  scope?: 'broker' | 'agent' | 'own';
}

const aboveCeilingError = (field: string, items: string[]): AppError =>
  new AppError(
    403,
    'ABOVE_CEILING',
    bi(
      `این دسترسی‌ها بالاتر از سقف دسترسی نمایندگی است: ${items.join('، ')}`,
      `These permissions are above the agent's access ceiling: ${items.join(', ')}`,
    ),
    [
      {
        field,
        code: 'ABOVE_CEILING',
        message: bi(`بالاتر از سقف مجاز: ${items.join('، ')}`, `Above the ceiling: ${items.join(', ')}`),
      },
    ],
  );

/** Refuses permissions above a ceiling (the domain rule `aboveCeiling`), naming them on `field`. */
function assertUnderCeiling(field: string, permissions: Iterable<string>, ceiling: ReadonlySet<string> | 'none'): void {
  const above = aboveCeiling(permissions, ceiling);
  if (above.length) throw aboveCeilingError(field, above);
}

const conflict = (field: string): AppError =>
  new AppError(409, 'CODE_TAKEN', bi('این کد قبلاً استفاده شده است.', 'This code is already in use.'), [
    { field, code: 'CODE_TAKEN', message: bi('این کد قبلاً استفاده شده است.', 'This code is already in use.') },
  ]);

const notFound = (fa: string, en: string): AppError => AppError.notFound(bi(fa, en));

/** Access packages, roles, user grants and agent ceilings (R-ACCESS). No HTTP here. */
export function createAccessService(deps: { db: Database; repo: AccessRepository; agents: AgentDirectory }) {
  const { db, repo, agents } = deps;
  const m = db.models;

  const brokerId = async (tx?: Transaction): Promise<string> => {
    const b = await m.Agent.findOne({ where: { isBroker: true }, transaction: tx });
    if (!b) throw new Error('the main broker is not seeded');
    return b.id;
  };

  /** Packages the caller can see: the broker's (system and shared) and their own agent's. */
  async function visiblePackageOwners(auth: AuthContext): Promise<string[]> {
    const broker = await brokerId();
    return auth.agent.isBroker ? [broker] : [broker, auth.agent.id];
  }

  async function packageView(rows: InstanceType<typeof m.AccessPackage>[], ceiling: Set<string> | 'none') {
    const perms = await repo.packagePermissions(rows.map((r) => r.id));
    return rows.map((r) => {
      const permissions = (perms.get(r.id) ?? []).filter(isPermission).sort();
      return {
        id: r.id,
        code: r.code,
        nameFa: r.nameFa,
        nameEn: r.nameEn,
        system: Boolean(r.system),
        ownerAgentId: r.ownerAgentId,
        permissions,
        withinCeiling: aboveCeiling(permissions, ceiling).length === 0,
      };
    });
  }

  function checkPermissions(list: string[], ceiling: Set<string> | 'none'): Permission[] {
    const unknown = list.filter((p) => !isPermission(p));
    if (unknown.length) {
      throw AppError.validation([
        {
          field: 'permissions',
          code: 'UNKNOWN_PERMISSION',
          message: bi(`دسترسی ناشناخته: ${unknown.join('، ')}`, `Unknown permission: ${unknown.join(', ')}`),
        },
      ]);
    }
    assertUnderCeiling('permissions', list, ceiling);
    return [...new Set(list)].filter(isPermission);
  }

  async function ownPackage(auth: AuthContext, id: string, tx?: Transaction) {
    const row = await m.AccessPackage.findByPk(id, { transaction: tx });
    if (!row || row.ownerAgentId !== auth.agent.id) throw notFound('بسته دسترسی یافت نشد.', 'Access package not found.');
    return row;
  }

  async function ownRole(auth: AuthContext, id: string, tx?: Transaction) {
    const row = await m.Role.findByPk(id, { transaction: tx });
    if (!row || row.ownerAgentId !== auth.agent.id) throw notFound('نقش یافت نشد.', 'Role not found.');
    return row;
  }

  /** Packages a role may bundle: visible to the caller and under the caller's ceiling. */
  async function checkPackages(auth: AuthContext, ids: string[], tx: Transaction) {
    const owners = await visiblePackageOwners(auth);
    const rows = ids.length ? await m.AccessPackage.findAll({ where: { id: [...new Set(ids)] }, transaction: tx }) : [];
    const missing = [...new Set(ids)].filter((id) => !rows.some((r) => r.id === id && owners.includes(r.ownerAgentId)));
    if (missing.length) {
      throw AppError.validation([
        { field: 'packageIds', code: 'UNKNOWN_PACKAGE', message: bi('بستهٔ دسترسی ناشناخته است.', 'Unknown access package.') },
      ]);
    }
    const perms = await repo.permissionsOfPackages(
      rows.map((r) => r.id),
      tx,
    );
    assertUnderCeiling('packageIds', perms, await repo.ceilingOf(auth.agent.id, tx));
    return rows;
  }

  async function roleView(rows: InstanceType<typeof m.Role>[]) {
    const links = rows.length ? await m.RolePackage.findAll({ where: { roleId: rows.map((r) => r.id) } }) : [];
    const counts = new Map<string, number>();
    if (rows.length) {
      for (const g of await m.UserRole.findAll({ where: { roleId: rows.map((r) => r.id) }, attributes: ['roleId'] })) {
        counts.set(g.roleId, (counts.get(g.roleId) ?? 0) + 1);
      }
    }
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      nameFa: r.nameFa,
      nameEn: r.nameEn,
      scope: r.scope,
      system: Boolean(r.system),
      ownerAgentId: r.ownerAgentId,
      packageIds: links.filter((l) => l.roleId === r.id).map((l) => l.packageId),
      users: counts.get(r.id) ?? 0,
    }));
  }

  /** Roles a user of `targetAgent` may receive from the caller. */
  async function grantableRoles(auth: AuthContext, targetAgentId: string, isBrokerUser: boolean, tx?: Transaction) {
    const broker = await brokerId(tx);
    const chain = (await repo.ancestry(targetAgentId, tx)).map((a) => a.id);
    const rows = await m.Role.findAll({ where: { ownerAgentId: [broker, ...chain] }, transaction: tx });
    return rows.filter((r) => {
      if (r.scope === 'broker') return isBrokerUser && auth.agent.isBroker;
      if (r.scope === 'agent') return !isBrokerUser;
      // `own`: roles an agent defined, for users of itself and the agents below it that the caller sees.
      return r.ownerAgentId !== broker || isBrokerUser;
    });
  }

  async function userInScope(auth: AuthContext, userId: string, tx?: Transaction) {
    const user = await m.User.findByPk(userId, { transaction: tx });
    await assertInSubtree(agents, auth, user?.agentId, bi('کاربر یافت نشد.', 'User not found.'));
    return user!;
  }

  return {
    catalog() {
      return {
        items: PERMISSION_CATALOG.map((p) => ({
          code: p.code,
          module: p.module,
          label: p.label,
          brokerOnly: BROKER_ONLY.has(p.code),
        })),
      };
    },

    async listPackages(auth: AuthContext) {
      const rows = await m.AccessPackage.findAll({
        where: { ownerAgentId: await visiblePackageOwners(auth) },
        order: [
          ['system', 'DESC'],
          ['code', 'ASC'],
        ],
      });
      return { items: await packageView(rows, await repo.ceilingOf(auth.agent.id)) };
    },

    async createPackage(auth: AuthContext, input: PackageInput) {
      const permissions = checkPermissions(input.permissions, await repo.ceilingOf(auth.agent.id));
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          const row = await m.AccessPackage.create(
            { id, ownerAgentId: auth.agent.id, code: input.code, nameFa: input.nameFa, nameEn: input.nameEn, system: false },
            { transaction: tx },
          );
          await m.PackagePermission.bulkCreate(
            permissions.map((permission) => ({ packageId: id, permission })),
            { transaction: tx },
          );
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'access-package',
            entityId: id,
            scopeAgentId: auth.agent.id,
            after: { code: row.code, nameFa: row.nameFa, nameEn: row.nameEn, permissions },
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw conflict('code');
        throw err;
      }
      repo.invalidate();
      return (await packageView([(await m.AccessPackage.findByPk(id))!], await repo.ceilingOf(auth.agent.id)))[0];
    },

    async updatePackage(auth: AuthContext, id: string, input: Omit<PackageInput, 'code'>) {
      const permissions = checkPermissions(input.permissions, await repo.ceilingOf(auth.agent.id));
      await db.transaction(async (tx) => {
        const row = await ownPackage(auth, id, tx);
        const before = {
          nameFa: row.nameFa,
          nameEn: row.nameEn,
          permissions: ((await repo.packagePermissions([id], tx)).get(id) ?? []).sort(),
        };
        await row.update({ nameFa: input.nameFa, nameEn: input.nameEn }, { transaction: tx });
        await m.PackagePermission.destroy({ where: { packageId: id }, transaction: tx });
        await m.PackagePermission.bulkCreate(
          permissions.map((permission) => ({ packageId: id, permission })),
          { transaction: tx },
        );
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'access-package',
          entityId: id,
          scopeAgentId: auth.agent.id,
          before,
          after: { nameFa: input.nameFa, nameEn: input.nameEn, permissions: [...permissions].sort() },
        });
      });
      repo.invalidate();
      return (await packageView([(await m.AccessPackage.findByPk(id))!], await repo.ceilingOf(auth.agent.id)))[0];
    },

    async deletePackage(auth: AuthContext, id: string) {
      await db.transaction(async (tx) => {
        const row = await ownPackage(auth, id, tx);
        if (row.system) throw AppError.forbidden(bi('بسته‌های سیستمی حذف نمی‌شوند.', 'System packages cannot be deleted.'));
        const used =
          (await m.RolePackage.count({ where: { packageId: id }, transaction: tx })) +
          (await m.AgentCeiling.count({ where: { packageId: id }, transaction: tx }));
        if (used) {
          throw new AppError(
            409,
            'IN_USE',
            bi('این بسته در نقش‌ها یا سقف دسترسی استفاده شده است.', 'This package is used by roles or ceilings.'),
          );
        }
        const permissions = (await repo.packagePermissions([id], tx)).get(id) ?? [];
        await m.PackagePermission.destroy({ where: { packageId: id }, transaction: tx });
        await row.destroy({ transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'access-package',
          entityId: id,
          scopeAgentId: auth.agent.id,
          before: { code: row.code, nameFa: row.nameFa, nameEn: row.nameEn, permissions },
        });
      });
      repo.invalidate();
    },

    async listRoles(auth: AuthContext) {
      const broker = await brokerId();
      const rows = await m.Role.findAll({
        where: { ownerAgentId: auth.agent.isBroker ? [broker] : [broker, auth.agent.id] },
        order: [
          ['system', 'DESC'],
          ['code', 'ASC'],
        ],
      });
      const visible = rows.filter((r) => auth.agent.isBroker || r.scope !== 'broker');
      return { items: await roleView(visible) };
    },

    async createRole(auth: AuthContext, input: RoleInput) {
      const scope = auth.agent.isBroker ? (input.scope ?? 'broker') : 'own';
      const id = randomUUID();
      try {
        await db.transaction(async (tx) => {
          const packages = await checkPackages(auth, input.packageIds, tx);
          await m.Role.create(
            {
              id,
              ownerAgentId: auth.agent.id,
              code: input.code,
              nameFa: input.nameFa,
              nameEn: input.nameEn,
              scope,
              system: false,
            },
            { transaction: tx },
          );
          await m.RolePackage.bulkCreate(
            packages.map((p) => ({ roleId: id, packageId: p.id })),
            { transaction: tx },
          );
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'role',
            entityId: id,
            scopeAgentId: auth.agent.id,
            after: {
              code: input.code,
              nameFa: input.nameFa,
              nameEn: input.nameEn,
              scope,
              packages: packages.map((p) => p.code).sort(),
            },
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw conflict('code');
        throw err;
      }
      repo.invalidate();
      return (await roleView([(await m.Role.findByPk(id))!]))[0];
    },

    async updateRole(auth: AuthContext, id: string, input: Omit<RoleInput, 'code' | 'scope'>) {
      await db.transaction(async (tx) => {
        const row = await ownRole(auth, id, tx);
        const packages = await checkPackages(auth, input.packageIds, tx);
        const beforeLinks = await m.RolePackage.findAll({ where: { roleId: id }, transaction: tx });
        const before = { nameFa: row.nameFa, nameEn: row.nameEn, packageIds: beforeLinks.map((l) => l.packageId).sort() };
        await row.update({ nameFa: input.nameFa, nameEn: input.nameEn }, { transaction: tx });
        await m.RolePackage.destroy({ where: { roleId: id }, transaction: tx });
        await m.RolePackage.bulkCreate(
          packages.map((p) => ({ roleId: id, packageId: p.id })),
          { transaction: tx },
        );
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'role',
          entityId: id,
          scopeAgentId: auth.agent.id,
          before,
          after: { nameFa: input.nameFa, nameEn: input.nameEn, packageIds: packages.map((p) => p.id).sort() },
        });
      });
      repo.invalidate();
      return (await roleView([(await m.Role.findByPk(id))!]))[0];
    },

    async deleteRole(auth: AuthContext, id: string) {
      await db.transaction(async (tx) => {
        const row = await ownRole(auth, id, tx);
        if (row.system) throw AppError.forbidden(bi('نقش‌های سیستمی حذف نمی‌شوند.', 'System roles cannot be deleted.'));
        if (await m.UserRole.count({ where: { roleId: id }, transaction: tx })) {
          throw new AppError(409, 'IN_USE', bi('این نقش به کاربرانی داده شده است.', 'This role is granted to users.'));
        }
        await m.RolePackage.destroy({ where: { roleId: id }, transaction: tx });
        await row.destroy({ transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'role',
          entityId: id,
          scopeAgentId: auth.agent.id,
          before: { code: row.code, nameFa: row.nameFa, nameEn: row.nameEn },
        });
      });
      repo.invalidate();
    },

    async userAccess(auth: AuthContext, userId: string) {
      const user = await userInScope(auth, userId);
      const agent = await m.Agent.findByPk(user.agentId);
      const { roles, permissions } = await repo.accessOf(user.id, user.agentId);
      const grants = await m.UserRole.findAll({ where: { userId } });
      const grantable = await grantableRoles(auth, user.agentId, Boolean(agent?.isBroker));
      return {
        userId,
        roleIds: grants.map((g) => g.roleId),
        roles,
        permissions,
        grantable: (await roleView(grantable)).map(({ id, code, nameFa, nameEn, scope }) => ({
          id,
          code,
          nameFa,
          nameEn,
          scope,
        })),
      };
    },

    /** Replaces a user's roles; refused when a role lies above the user's agent's ceiling. */
    async setUserRoles(auth: AuthContext, userId: string, roleIds: string[]) {
      await db.transaction(async (tx) => {
        const user = await userInScope(auth, userId, tx);
        const agent = await m.Agent.findByPk(user.agentId, { transaction: tx });
        const grantable = await grantableRoles(auth, user.agentId, Boolean(agent?.isBroker), tx);
        const wanted = [...new Set(roleIds)];
        const unknown = wanted.filter((id) => !grantable.some((r) => r.id === id));
        if (unknown.length) {
          throw AppError.validation([
            {
              field: 'roleIds',
              code: 'ROLE_NOT_GRANTABLE',
              message: bi('این نقش را نمی‌توان به این کاربر داد.', 'This role cannot be granted to this user.'),
            },
          ]);
        }
        const links = wanted.length ? await m.RolePackage.findAll({ where: { roleId: wanted }, transaction: tx }) : [];
        const perms = await repo.permissionsOfPackages(
          links.map((l) => l.packageId),
          tx,
        );
        assertUnderCeiling('roleIds', [...perms].sort(), await repo.ceilingOf(user.agentId, tx));
        const before = (await m.UserRole.findAll({ where: { userId }, transaction: tx })).map((g) => g.roleId).sort();
        await m.UserRole.destroy({ where: { userId }, transaction: tx });
        await m.UserRole.bulkCreate(
          wanted.map((roleId) => ({ userId, roleId })),
          { transaction: tx },
        );
        await user.update({ rolesSeeded: true }, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'grant',
          entityType: 'user-roles',
          entityId: userId,
          scopeAgentId: user.agentId,
          before: { roleIds: before },
          after: { roleIds: [...wanted].sort() },
        });
      });
      repo.invalidate(userId);
      return this.userAccess(auth, userId);
    },

    async ceiling(auth: AuthContext, agentId: string) {
      await assertInSubtree(agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      const agent = await m.Agent.findByPk(agentId);
      if (!agent) throw notFound('نماینده یافت نشد.', 'Agent not found.');
      const rows = await m.AgentCeiling.findAll({ where: { agentId } });
      const effective = await repo.ceilingOf(agentId);
      return {
        agentId,
        isBroker: Boolean(agent.isBroker),
        packageIds: rows.map((r) => r.packageId),
        permissions: effective === 'none' ? null : [...effective].filter((p) => !BROKER_ONLY.has(p as Permission)).sort(),
      };
    },

    /** The broker sets which packages an agent may hand out (R-ACCESS). */
    async setCeiling(auth: AuthContext, agentId: string, packageIds: string[]) {
      await db.transaction(async (tx) => {
        const agent = await m.Agent.findByPk(agentId, { transaction: tx });
        if (!agent) throw notFound('نماینده یافت نشد.', 'Agent not found.');
        if (agent.isBroker) {
          throw AppError.validation([
            {
              field: 'agentId',
              code: 'BROKER_HAS_NO_CEILING',
              message: bi('کارگزار اصلی سقف دسترسی ندارد.', 'The main broker has no ceiling.'),
            },
          ]);
        }
        const broker = await brokerId(tx);
        const wanted = [...new Set(packageIds)];
        const rows = wanted.length
          ? await m.AccessPackage.findAll({ where: { id: wanted, ownerAgentId: broker }, transaction: tx })
          : [];
        if (rows.length !== wanted.length) {
          throw AppError.validation([
            { field: 'packageIds', code: 'UNKNOWN_PACKAGE', message: bi('بستهٔ دسترسی ناشناخته است.', 'Unknown access package.') },
          ]);
        }
        const before = (await m.AgentCeiling.findAll({ where: { agentId }, transaction: tx })).map((r) => r.packageId).sort();
        await m.AgentCeiling.destroy({ where: { agentId }, transaction: tx });
        await m.AgentCeiling.bulkCreate(
          wanted.map((packageId) => ({ agentId, packageId })),
          { transaction: tx },
        );
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'agent-ceiling',
          entityId: agentId,
          scopeAgentId: agentId,
          before: { packageIds: before },
          after: { packageIds: [...wanted].sort() },
        });
      });
      repo.invalidate();
      return this.ceiling(auth, agentId);
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
