import { bi } from '../../domain/i18n';
import type { AgentDirectory } from '../components/agents/agents.repository';
import type { AuthContext } from './auth';
import { AppError } from './errors';

/**
 * Subtree scope (SPEC §1): an agent sees and acts on itself and the agents below it only.
 * Anything outside is reported as "not found", so IDs of other agents' records leak nothing.
 */
export async function assertInSubtree(
  agents: AgentDirectory,
  auth: AuthContext,
  agentId: string | null | undefined,
  what = bi('موردی یافت نشد.', 'Not found.'),
): Promise<void> {
  if (!agentId) throw AppError.notFound(what);
  if (auth.agent.isBroker) return;
  const subtree = await agents.subtreeIds(auth.agent.id);
  if (!subtree.includes(agentId)) throw AppError.notFound(what);
}

/** The agent ids the caller may see (undefined: all, for the main broker). */
export async function visibleAgentIds(agents: AgentDirectory, auth: AuthContext): Promise<string[] | undefined> {
  return auth.agent.isBroker ? undefined : agents.subtreeIds(auth.agent.id);
}
