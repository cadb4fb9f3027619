import { z } from 'zod';
import type { Database } from '../../db';
import { bi } from '../../domain/i18n';
import type { AgentDirectory } from '../components/agents/agents.repository';
import type { AuthContext } from './auth';
import { AppError } from './errors';
import { Code } from './schemas';

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

/** An agent named in a path or body by id (UUID) or by code (`alpha`). */
export const AgentRefSchema = z.union([z.uuid(), Code]).meta({ description: 'Agent id (UUID) or agent code', example: 'alpha' });

export const AgentRefParams = z.object({ id: AgentRefSchema });

/** The id of an agent named by id or code, or a 404. */
export async function agentIdOf(db: Database, ref: string, what = bi('نماینده یافت نشد.', 'Agent not found.')): Promise<string> {
  const { Agent } = db.models;
  const row = /^[0-9a-f-]{36}$/i.test(ref) ? await Agent.findByPk(ref) : await Agent.findOne({ where: { code: ref } });
  if (!row) throw AppError.notFound(what);
  return row.id;
}
