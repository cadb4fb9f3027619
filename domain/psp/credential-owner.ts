/**
 * The credential-owner rule (SPEC §2): a request for a PSP is sent under the credentials of the
 * nearest agent at or above the requester that is a DIRECT BROKER of that PSP, else the main broker's.
 *
 * Decisions for the edge cases (fail closed: never send a request under another contract):
 * - Ownership follows the direct-broker flag alone. An agent flagged direct but with no stored
 *   credentials still owns its subtree's requests for that PSP; they stop with `no-credentials`
 *   (a fixable configuration error) instead of silently going out under the main broker's contract.
 * - A suspended (or still provisioning) direct broker also still owns them; they stop with
 *   `owner-suspended`. A suspended agent that is NOT a direct broker is simply passed through.
 * - The main broker owns everything not owned below it (its own flag does not matter); without
 *   credentials → `no-credentials`.
 * Pure: the approval routing ("who approves") uses the same owner.
 */

export interface AgentNode {
  id: string;
  parentId: string | null;
  /** The main broker (root). */
  isBroker: boolean;
  status: 'provisioning' | 'active' | 'suspended';
}

export interface AgentPspLink {
  agentId: string;
  direct: boolean;
  hasCredentials: boolean;
}

export type CredentialOwner =
  | { ok: true; ownerId: string; via: 'direct-broker' | 'main-broker'; path: string[] }
  | {
      ok: false;
      problem: 'no-credentials' | 'owner-suspended' | 'unknown-agent' | 'no-main-broker';
      ownerId: string | null;
      path: string[];
    };

/**
 * @param agents the tree (at least the requester and its ancestors)
 * @param links the agents' links to THIS PSP
 */
export function resolveCredentialOwner(
  agents: Iterable<AgentNode>,
  links: Iterable<AgentPspLink>,
  requesterId: string,
): CredentialOwner {
  const byId = new Map<string, AgentNode>();
  for (const a of agents) byId.set(a.id, a);
  const linkOf = new Map<string, AgentPspLink>();
  for (const l of links) linkOf.set(l.agentId, l);

  const path: string[] = [];
  let node = byId.get(requesterId);
  if (!node) return { ok: false, problem: 'unknown-agent', ownerId: null, path };
  while (node) {
    if (path.includes(node.id)) break; // a cycle would be a data bug: treat as no root
    path.push(node.id);
    const link = linkOf.get(node.id);
    const owns = node.isBroker || Boolean(link?.direct);
    if (owns) {
      const via = node.isBroker ? 'main-broker' : 'direct-broker';
      if (!node.isBroker && node.status !== 'active') return { ok: false, problem: 'owner-suspended', ownerId: node.id, path };
      if (!link?.hasCredentials) return { ok: false, problem: 'no-credentials', ownerId: node.id, path };
      return { ok: true, ownerId: node.id, via, path };
    }
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return { ok: false, problem: 'no-main-broker', ownerId: null, path };
}
