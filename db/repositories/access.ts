import { randomUUID } from 'node:crypto';
import { Op, UniqueConstraintError, type Transaction } from 'sequelize';
import type { Database } from '../index';
import { readSetting, writeSetting } from './settings';
import {
  effectivePermissions,
  PERMISSIONS,
  SYSTEM_PACKAGES,
  SYSTEM_ROLES,
  DEFAULT_AGENT_CEILING,
  type Permission,
} from '../../domain/access';

/**
 * How long a user's computed permissions are reused. Grant, role, package and ceiling changes
 * made through this process apply at once (the cache is dropped); other API replicas pick them
 * up within this delay. No new login is needed either way.
 */
export const ACCESS_CACHE_TTL_MS = 10_000;

export interface AgentNode {
  id: string;
  parentId: string | null;
  isBroker: boolean;
}

/** Reads and writes grants; computes what a user may do. */
export function createAccessRepository(db: Database) {
  const m = db.models;
  const cache = new Map<string, { at: number; roles: string[]; permissions: Permission[] }>();

  async function packagePermissions(packageIds: string[], tx?: Transaction): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(packageIds.map((id) => [id, []]));
    if (!packageIds.length) return out;
    const rows = await m.PackagePermission.findAll({ where: { packageId: [...new Set(packageIds)] }, transaction: tx });
    for (const r of rows) out.get(r.packageId)?.push(r.permission);
    return out;
  }

  async function ancestry(agentId: string, tx?: Transaction): Promise<AgentNode[]> {
    const chain: AgentNode[] = [];
    let id: string | null = agentId;
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      const a: { id: string; parentId: string | null; isBroker: boolean } | null = await m.Agent.findByPk(id, {
        attributes: ['id', 'parentId', 'isBroker'],
        transaction: tx,
      });
      if (!a) break;
      chain.push({ id: a.id, parentId: a.parentId, isBroker: Boolean(a.isBroker) });
      id = a.parentId;
    }
    return chain;
  }

  /** Every permission the packages carry together. */
  async function permissionsOfPackages(packageIds: string[], tx?: Transaction): Promise<string[]> {
    return [...(await packagePermissions(packageIds, tx)).values()].flat();
  }

  return {
    packagePermissions,
    permissionsOfPackages,
    ancestry,

    /**
     * The permissions an agent may hand out: the broker has no ceiling; an agent is cut by its
     * own ceiling and by every ceiling above it.
     */
    async ceilingOf(agentId: string, tx?: Transaction): Promise<Set<string> | 'none'> {
      const chain = await ancestry(agentId, tx);
      if (!chain.length || chain[0].isBroker) return 'none';
      let allowed: Set<string> | undefined;
      for (const node of chain) {
        if (node.isBroker) break;
        const rows = await m.AgentCeiling.findAll({ where: { agentId: node.id }, transaction: tx });
        const perms = new Set(
          await permissionsOfPackages(
            rows.map((r) => r.packageId),
            tx,
          ),
        );
        const prev: Set<string> | undefined = allowed;
        allowed = prev ? new Set([...prev].filter((p) => perms.has(p))) : perms;
      }
      return allowed ?? new Set();
    },

    /** The user's role codes and effective permissions (cached for ACCESS_CACHE_TTL_MS). */
    async accessOf(userId: string, agentId: string): Promise<{ roles: string[]; permissions: Permission[] }> {
      const hit = cache.get(userId);
      if (hit && Date.now() - hit.at < ACCESS_CACHE_TTL_MS) return hit;
      const grants = await m.UserRole.findAll({ where: { userId } });
      const roles = grants.length ? await m.Role.findAll({ where: { id: grants.map((g) => g.roleId) } }) : [];
      const rolePackages = roles.length ? await m.RolePackage.findAll({ where: { roleId: roles.map((r) => r.id) } }) : [];
      const perms = await permissionsOfPackages(rolePackages.map((r) => r.packageId));
      const ceiling = await this.ceilingOf(agentId);
      const value = {
        at: Date.now(),
        roles: roles.map((r) => r.code).sort(),
        permissions: effectivePermissions(perms, ceiling),
      };
      if (cache.size > 10_000) cache.clear();
      cache.set(userId, value);
      return value;
    },

    /** Drops cached permissions (all, or one user's). */
    invalidate(userId?: string): void {
      if (userId) cache.delete(userId);
      else cache.clear();
    },

    /**
     * A user seen for the first time keeps the system roles their token names (how realms are
     * bootstrapped: Keycloak's first admin carries `agent-admin`). From then on the database
     * alone decides; changing grants needs no new login.
     */
    async seedGrantsFromToken(userId: string, agent: AgentNode, tokenRoles: string[]): Promise<void> {
      const seed = () =>
        db.transaction(async (tx) => {
          // The row lock makes a second request for the same new user wait, then see it seeded.
          const user = await m.User.findByPk(userId, { transaction: tx, lock: tx.LOCK.UPDATE });
          if (!user || user.rolesSeeded) return;
          const broker = await m.Agent.findOne({ where: { isBroker: true }, transaction: tx });
          const scope = agent.isBroker ? 'broker' : 'agent';
          const roles =
            broker && tokenRoles.length
              ? await m.Role.findAll({
                  where: { ownerAgentId: broker.id, system: true, scope, code: tokenRoles },
                  transaction: tx,
                })
              : [];
          const existing = new Set((await m.UserRole.findAll({ where: { userId }, transaction: tx })).map((g) => g.roleId));
          for (const r of roles) if (!existing.has(r.id)) await m.UserRole.create({ userId, roleId: r.id }, { transaction: tx });
          await user.update({ rolesSeeded: true }, { transaction: tx });
        });
      try {
        await seed();
      } catch (err) {
        // Another request seeded the same user between our read and write: that is the result we wanted.
        if (!(err instanceof UniqueConstraintError)) throw err;
      }
      cache.delete(userId);
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;

/** System packages and roles (owned by the broker) and the default ceiling of agents without one. */
const KNOWN_PERMISSIONS_KEY = 'access.knownPermissions';

export async function seedAccess(db: Database, brokerId: string): Promise<void> {
  const m = db.models;
  await db.transaction(async (tx) => {
    const packageIds = new Map<string, string>();
    /** System packages this run created: an upgrade adds them to system roles and default ceilings. */
    const added = new Set<string>();
    // Permissions the catalogue gained since the last start go into the system packages that list
    // them (the broker's own edits of system packages are kept: known permissions are not re-added).
    const known = new Set(
      await readSetting<string[] | null>(db, 'global', KNOWN_PERMISSIONS_KEY, null, tx).then(
        async (list) =>
          list ?? (await m.PackagePermission.findAll({ attributes: ['permission'], transaction: tx })).map((x) => x.permission),
      ),
    );
    for (const p of SYSTEM_PACKAGES) {
      let row = await m.AccessPackage.findOne({ where: { ownerAgentId: brokerId, code: p.code }, transaction: tx });
      if (!row) {
        row = await m.AccessPackage.create(
          { id: randomUUID(), ownerAgentId: brokerId, code: p.code, nameFa: p.name.fa, nameEn: p.name.en, system: true },
          { transaction: tx },
        );
        added.add(p.code);
      }
      if (row.system) {
        // A system package follows the code: permissions a newer version added are granted.
        const have = new Set(
          (await m.PackagePermission.findAll({ where: { packageId: row.id }, transaction: tx })).map((x) => x.permission),
        );
        for (const permission of p.permissions)
          if (!have.has(permission) && (added.has(p.code) || !known.has(permission)))
            await m.PackagePermission.create({ packageId: row.id, permission }, { transaction: tx });
      }
      packageIds.set(p.code, row.id);
    }
    if (added.size) {
      const newDefault = DEFAULT_AGENT_CEILING.filter((c) => added.has(c));
      if (newDefault.length) {
        const withCeiling = await m.AgentCeiling.findAll({ attributes: ['agentId'], transaction: tx });
        for (const agentId of new Set(withCeiling.map((c) => c.agentId)))
          for (const code of newDefault)
            await m.AgentCeiling.create({ agentId, packageId: packageIds.get(code)! }, { transaction: tx });
      }
    }
    for (const r of SYSTEM_ROLES) {
      let row = await m.Role.findOne({ where: { ownerAgentId: brokerId, code: r.code }, transaction: tx });
      if (row?.system) {
        for (const code of r.packages) {
          const packageId = packageIds.get(code);
          if (packageId && added.has(code)) await m.RolePackage.create({ roleId: row.id, packageId }, { transaction: tx });
        }
      }
      if (!row) {
        row = await m.Role.create(
          {
            id: randomUUID(),
            ownerAgentId: brokerId,
            code: r.code,
            nameFa: r.name.fa,
            nameEn: r.name.en,
            scope: r.scope,
            system: true,
          },
          { transaction: tx },
        );
        for (const code of r.packages) {
          const packageId = packageIds.get(code);
          if (packageId) await m.RolePackage.create({ roleId: row.id, packageId }, { transaction: tx });
        }
      }
    }
    await writeSetting(db, tx, 'global', KNOWN_PERMISSIONS_KEY, [...PERMISSIONS]);
    // Permissions the code no longer knows are dropped from every package.
    await m.PackagePermission.destroy({ where: { permission: { [Op.notIn]: [...PERMISSIONS] } }, transaction: tx });
  });
}

/** Gives an agent the default ceiling if it has none yet. */
export async function ensureDefaultCeiling(db: Database, agentId: string, tx?: Transaction): Promise<void> {
  const m = db.models;
  const agent = await m.Agent.findByPk(agentId, { transaction: tx });
  if (!agent || agent.isBroker) return;
  if (await m.AgentCeiling.count({ where: { agentId }, transaction: tx })) return;
  const broker = await m.Agent.findOne({ where: { isBroker: true }, transaction: tx });
  if (!broker) return;
  const packages = await m.AccessPackage.findAll({
    where: { ownerAgentId: broker.id, code: DEFAULT_AGENT_CEILING },
    transaction: tx,
  });
  for (const p of packages) await m.AgentCeiling.create({ agentId, packageId: p.id }, { transaction: tx });
}
