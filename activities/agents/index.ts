import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Database } from '../../db';
import { SYSTEM_ACTOR, appendAudit, recordEvent } from '../../db/audit';
import type { AgentRow } from '../../db/models';
import { SecretBox } from '../../db/secret-box';
import {
  AGENT_ROLES,
  KeycloakAdmin,
  findRealmUser,
  provisionRealm,
  type PortalClientSpec,
  type RealmProvisioningConfig,
  type RealmSpec,
} from '../../infra/keycloak/provision';

/** What realm provisioning needs; the worker reads it from the same variables as the API. */
export interface AgentActivityDeps {
  db: Database;
  realms: RealmProvisioningConfig;
}

/** The first admin as stored on the agent (no password: that is sealed separately). */
export interface FirstAdmin {
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  mobile: string | null;
}

export const parseFirstAdmin = (json: string | null): FirstAdmin | null => (json ? (JSON.parse(json) as FirstAdmin) : null);

/** The realm an agent should have: roles, portal client for its domains + the local portal, first admin. */
export function realmSpecOf(
  agent: Pick<AgentRow, 'realm' | 'code' | 'nameFa' | 'status'>,
  domains: string[],
  config: Pick<AgentActivityDeps['realms'], 'portalUrls' | 'testClients'>,
  firstAdmin?: FirstAdmin & { password: string },
): RealmSpec {
  const origins = [...domains.map((d) => `https://${d}`), ...config.portalUrls];
  const portal: PortalClientSpec = { redirectUris: origins.map((o) => `${o}/*`), webOrigins: origins };
  return {
    realm: agent.realm,
    displayName: agent.nameFa,
    agentCode: agent.code,
    roles: AGENT_ROLES,
    enabled: agent.status !== 'suspended',
    portal,
    testClients: config.testClients,
    users: firstAdmin
      ? [
          {
            username: firstAdmin.username,
            password: firstAdmin.password,
            email: firstAdmin.email ?? '',
            firstName: firstAdmin.firstName,
            lastName: firstAdmin.lastName,
            roles: ['agent-admin'],
            temporary: true,
            createOnly: true,
          },
        ]
      : [],
  };
}

export function createAgentActivities(deps: AgentActivityDeps) {
  const { db, realms } = deps;
  const m = db.models;
  let kc: KeycloakAdmin | undefined;
  const admin = (): KeycloakAdmin => {
    if (!realms.admin) {
      throw ApplicationFailure.retryable('KEYCLOAK_ADMIN_USER/KEYCLOAK_ADMIN_PASSWORD are not set for the worker', 'Config');
    }
    kc ??= new KeycloakAdmin({ keycloakUrl: realms.adminUrl, ...realms.admin });
    return kc;
  };

  const loadAgent = async (agentId: string): Promise<AgentRow> => {
    const agent = await m.Agent.findByPk(agentId);
    if (!agent) throw ApplicationFailure.nonRetryable(`agent ${agentId} does not exist`, 'AgentMissing');
    return agent;
  };

  return {
    /** Creates or repairs the agent's realm (idempotent); returns the first admin's Keycloak id. */
    async provisionAgentRealm(agentId: string): Promise<{ adminSubject: string | null }> {
      const agent = await loadAgent(agentId);
      const domains = (await m.AgentDomain.findAll({ where: { agentId }, order: [['domain', 'ASC']] })).map((d) => d.domain);
      const firstAdmin = parseFirstAdmin(agent.firstAdmin);
      let pending: (FirstAdmin & { password: string }) | undefined;
      if (firstAdmin && agent.firstAdminSecret) {
        if (!realms.credentialsKey) throw ApplicationFailure.retryable('CREDENTIALS_KEY is not set for the worker', 'Config');
        let password: string;
        try {
          password = SecretBox.fromBase64(realms.credentialsKey).open(agent.firstAdminSecret, agent.id);
        } catch {
          throw ApplicationFailure.nonRetryable(
            "the first admin's sealed password cannot be opened (was CREDENTIALS_KEY changed?)",
            'SecretUnreadable',
          );
        }
        pending = { ...firstAdmin, password };
      }
      const kcAdmin = admin();
      await provisionRealm(kcAdmin, realmSpecOf(agent, domains, realms, pending), () => undefined);
      const found = firstAdmin ? await findRealmUser(kcAdmin, agent.realm, firstAdmin.username) : undefined;
      return { adminSubject: found?.id ?? null };
    },

    /**
     * Marks a `provisioning` agent `active` (a suspended one stays suspended), forgets the sealed
     * temporary password and registers the first admin as a user holding `agent-admin`.
     */
    async completeAgentProvisioning(agentId: string, adminSubject: string | null): Promise<AgentRow['status']> {
      return db.transaction(async (tx) => {
        const agent = await m.Agent.findByPk(agentId, { transaction: tx });
        if (!agent) throw ApplicationFailure.nonRetryable(`agent ${agentId} does not exist`, 'AgentMissing');
        const before = { status: agent.status, active: agent.active };
        const firstAdmin = parseFirstAdmin(agent.firstAdmin);
        const issuer = `${realms.keycloakUrl}/realms/${agent.realm}`;
        if (
          firstAdmin &&
          adminSubject &&
          !(await m.User.findOne({ where: { issuer, subject: adminSubject }, transaction: tx }))
        ) {
          const userId = randomUUID();
          const displayName = `${firstAdmin.firstName} ${firstAdmin.lastName}`.trim() || firstAdmin.username;
          await m.User.create(
            {
              id: userId,
              issuer,
              subject: adminSubject,
              agentId,
              username: firstAdmin.username,
              displayName,
              email: firstAdmin.email,
              firstName: firstAdmin.firstName,
              lastName: firstAdmin.lastName,
              mobile: firstAdmin.mobile,
              createdBy: agent.createdBy,
              lastSeenAt: null,
              rolesSeeded: true,
            },
            { transaction: tx },
          );
          const broker = await m.Agent.findOne({ where: { isBroker: true }, transaction: tx });
          const role = broker
            ? await m.Role.findOne({ where: { ownerAgentId: broker.id, system: true, code: 'agent-admin' }, transaction: tx })
            : null;
          if (role) await m.UserRole.create({ userId, roleId: role.id }, { transaction: tx });
          await appendAudit(db, tx, SYSTEM_ACTOR, {
            action: 'create',
            entityType: 'user',
            entityId: userId,
            scopeAgentId: agentId,
            after: { username: firstAdmin.username, displayName, agentId, roles: role ? [role.code] : [] },
          });
        }
        const status = agent.status === 'provisioning' ? 'active' : agent.status;
        await agent.update(
          {
            status,
            active: status === 'active',
            firstAdminSecret: null,
            provisionError: null,
            provisionedAt: agent.provisionedAt ?? new Date(),
          },
          { transaction: tx },
        );
        if (before.status !== status) {
          await appendAudit(db, tx, SYSTEM_ACTOR, {
            action: 'provisioned',
            entityType: 'agent',
            entityId: agentId,
            scopeAgentId: agentId,
            before,
            after: { status, active: status === 'active' },
          });
        }
        return status;
      });
    },

    async recordAgentRealmEvent(agentId: string, type: string, message: string): Promise<void> {
      const failed = type.endsWith('.failed');
      if (failed) await m.Agent.update({ provisionError: message.slice(0, 1000) }, { where: { id: agentId } });
      await recordEvent(db, {
        type,
        severity: failed ? 'error' : 'info',
        actor: { ...SYSTEM_ACTOR, agentId },
        code: failed ? 'REALM_PROVISIONING_FAILED' : null,
        message,
        details: { agentId },
      });
    },
  };
}

export type AgentActivities = ReturnType<typeof createAgentActivities>;
