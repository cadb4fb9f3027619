import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../../activities/agents';
import type { AgentRealmInput, AgentRealmResult } from './definitions';

/** Keycloak and database work: retried with back-off (Keycloak restarting, database busy). */
const { provisionAgentRealm, completeAgentProvisioning } = proxyActivities<activities.AgentActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '30 seconds',
    maximumAttempts: 8,
    nonRetryableErrorTypes: ['AgentMissing', 'SecretUnreadable'],
  },
});

/** Events and failure notes: best effort, short. */
const { recordAgentRealmEvent } = proxyActivities<activities.AgentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 5 },
});

/**
 * R-REALM: brings an agent's Keycloak realm in line with the agent (realm, roles, portal client
 * with the agent's domains, audience mapper, first admin) and marks a `provisioning` agent
 * `active`. Every step is idempotent, so a run that died half-way is finished by the next one
 * (the workflow id is derived from the agent id: a retry while a run is going joins it).
 * No secret passes through the workflow history: the first admin's temporary password is sealed
 * in the database and read by the activity.
 */
export async function agentRealmWorkflow(input: AgentRealmInput): Promise<AgentRealmResult> {
  const { agentId, reason } = input;
  await recordAgentRealmEvent(agentId, 'agent.provisioning.started', `realm provisioning started (${reason})`);
  try {
    const { adminSubject } = await provisionAgentRealm(agentId);
    const status = await completeAgentProvisioning(agentId, adminSubject);
    await recordAgentRealmEvent(agentId, 'agent.provisioning.done', `realm provisioned; agent is ${status}`);
    return { status };
  } catch (err) {
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : '') || err.message : String(err);
    await recordAgentRealmEvent(agentId, 'agent.provisioning.failed', `realm provisioning failed: ${cause}`);
    throw err;
  }
}
