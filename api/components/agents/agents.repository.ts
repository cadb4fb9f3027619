import { randomUUID } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import type { JWTPayload } from 'jose';
import type { Database } from '../../../db';
import type { AccessRepository } from '../../../db/repositories/access';
import type { AgentInfo, UserInfo } from '../../lib/auth';

const SUBTREE_TTL_MS = 10_000;
/** A known user is read from the database at most this often (and `lastSeenAt` written then). */
const USER_TTL_MS = 60_000;
const USER_CACHE_MAX = 10_000;

/** Agents and the users who act for them. */
export function createAgentDirectory(db: Database, access: AccessRepository) {
  const { Agent, User } = db.models;
  let tree: { at: number; children: Map<string | null, string[]> } | null = null;
  const users = new Map<string, { at: number; user: UserInfo }>();

  const toInfo = (a: InstanceType<typeof Agent>): AgentInfo => ({
    id: a.id,
    code: a.code,
    realm: a.realm,
    nameFa: a.nameFa,
    nameEn: a.nameEn,
    isBroker: Boolean(a.isBroker),
  });

  return {
    /** Forget cached users and the agent tree (after a user was disabled or an agent moved). */
    invalidate(): void {
      users.clear();
      tree = null;
    },

    async activeAgents(): Promise<AgentInfo[]> {
      const rows = await Agent.findAll({
        where: { active: true },
        order: [
          ['isBroker', 'DESC'],
          ['code', 'ASC'],
        ],
      });
      return rows.map(toInfo);
    },

    async byIds(ids: string[]): Promise<Map<string, AgentInfo>> {
      if (!ids.length) return new Map();
      const rows = await Agent.findAll({ where: { id: [...new Set(ids)] } });
      return new Map(rows.map((r) => [r.id, toInfo(r)]));
    },

    /** The agent and every agent below it. */
    async subtreeIds(agentId: string): Promise<string[]> {
      if (!tree || Date.now() - tree.at > SUBTREE_TTL_MS) {
        const children = new Map<string | null, string[]>();
        for (const a of await Agent.findAll({ attributes: ['id', 'parentId'] })) {
          const list = children.get(a.parentId) ?? [];
          list.push(a.id);
          children.set(a.parentId, list);
        }
        tree = { at: Date.now(), children };
      }
      const out: string[] = [];
      const queue = [agentId];
      while (queue.length) {
        const id = queue.shift() as string;
        out.push(id);
        queue.push(...(tree.children.get(id) ?? []));
      }
      return out;
    },

    /** The user record of a token's issuer + subject, created on first sight and kept current. */
    async resolveUser(
      agent: AgentInfo,
      issuer: string,
      subject: string,
      claims: JWTPayload,
      tokenRoles: string[] = [],
    ): Promise<UserInfo> {
      const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : subject;
      const given = typeof claims.given_name === 'string' ? claims.given_name : '';
      const family = typeof claims.family_name === 'string' ? claims.family_name : '';
      const displayName = (typeof claims.name === 'string' && claims.name) || `${given} ${family}`.trim() || username;
      const email = typeof claims.email === 'string' ? claims.email : null;
      const key = `${issuer}\n${subject}`;
      const cached = users.get(key);
      if (
        cached &&
        Date.now() - cached.at < USER_TTL_MS &&
        cached.user.username === username &&
        cached.user.displayName === displayName &&
        cached.user.email === email
      ) {
        return cached.user;
      }
      const now = new Date();
      let row = await User.findOne({ where: { issuer, subject } });
      if (!row) {
        try {
          row = await User.create({
            id: randomUUID(),
            issuer,
            subject,
            agentId: agent.id,
            username,
            displayName,
            email,
            lastSeenAt: now,
          });
        } catch (err) {
          if (!(err instanceof UniqueConstraintError)) throw err;
          row = await User.findOne({ where: { issuer, subject } });
          if (!row) throw err;
        }
      } else if (
        row.username !== username ||
        row.displayName !== displayName ||
        row.email !== email ||
        !row.lastSeenAt ||
        now.getTime() - new Date(row.lastSeenAt).getTime() > USER_TTL_MS
      ) {
        await row.update({ username, displayName, email, lastSeenAt: now });
      }
      if (!row.rolesSeeded) {
        await access.seedGrantsFromToken(row.id, { id: agent.id, parentId: null, isBroker: agent.isBroker }, tokenRoles);
      }
      const user: UserInfo = {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        email: row.email,
        active: row.active !== false,
      };
      if (users.size >= USER_CACHE_MAX) users.clear();
      users.set(key, { at: now.getTime(), user });
      return user;
    },
  };
}

export type AgentDirectory = ReturnType<typeof createAgentDirectory>;
