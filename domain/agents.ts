import { bi, type Bilingual } from './i18n';

/** Lifecycle of an agent (R-REALM): stored as `provisioning`, `active` once its realm exists. */
export const AGENT_STATUSES = ['provisioning', 'active', 'suspended'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/** The Keycloak realm of an agent, derived from its code. */
export const realmOfAgent = (code: string): string => `agent-${code}`;

/** The workflow that provisions (or finishes provisioning) an agent's realm; one per agent. */
export const agentRealmWorkflowId = (agentId: string): string => `agent-realm-${agentId}`;

/** A host name as stored: lower-case, no scheme, port, path or trailing dot. */
export function normalizeDomain(input: string): string {
  return input.trim().toLowerCase().replace(/\.$/, '');
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** True for a plausible DNS host name (labels of letters, digits and `-`; `localhost` allowed). */
export function isHostName(domain: string): boolean {
  if (!domain || domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2 && domain !== 'localhost') return false;
  return labels.every((l) => LABEL.test(l));
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  isBroker: boolean;
}

export type MoveRefusal = { code: string; message: Bilingual };

/**
 * May `agentId` move under `newParentId`? The broker never moves; the caller's own agent never
 * moves (an agent cannot re-parent itself); both ends must lie in the caller's subtree; the new
 * parent cannot be the agent itself or one of its descendants (no cycles).
 * Returns null when allowed.
 */
export function whyNotMove(
  nodes: readonly TreeNode[],
  callerAgentId: string,
  agentId: string,
  newParentId: string,
): MoveRefusal | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const agent = byId.get(agentId);
  const parent = byId.get(newParentId);
  const inCallerTree = (id: string): boolean => {
    let cur = byId.get(id);
    const seen = new Set<string>();
    while (cur && !seen.has(cur.id)) {
      if (cur.id === callerAgentId) return true;
      seen.add(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    return false;
  };
  if (!agent || !inCallerTree(agentId)) {
    return { code: 'NOT_FOUND', message: bi('نماینده یافت نشد.', 'Agent not found.') };
  }
  if (!parent || !inCallerTree(newParentId)) {
    return { code: 'PARENT_NOT_FOUND', message: bi('نمایندهٔ والد یافت نشد.', 'The new parent agent was not found.') };
  }
  if (agent.isBroker) {
    return { code: 'AGENT_IS_BROKER', message: bi('کارگزار اصلی جابه‌جا نمی‌شود.', 'The main broker cannot be moved.') };
  }
  if (agentId === callerAgentId) {
    return {
      code: 'AGENT_IS_OWN',
      message: bi('نمایندگی خودتان را نمی‌توانید جابه‌جا کنید.', 'You cannot move your own agent.'),
    };
  }
  // Walking up from the new parent must not meet the agent itself.
  let cur: TreeNode | undefined = parent;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    if (cur.id === agentId) {
      return {
        code: 'MOVE_CYCLE',
        message: bi(
          'نماینده را نمی‌توان زیر خودش یا زیرمجموعه‌اش برد.',
          'An agent cannot be moved under itself or one of its sub-agents.',
        ),
      };
    }
    seen.add(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return null;
}
