/** Shared by the agent realm workflow and its clients (the API). */
export const AGENT_REALM_WORKFLOW_TYPE = 'agentRealmWorkflow';

export interface AgentRealmInput {
  agentId: string;
  /** Why the run was started (create, retry, domains changed, activate); recorded with the events. */
  reason: string;
}

export interface AgentRealmResult {
  status: 'provisioning' | 'active' | 'suspended';
}
