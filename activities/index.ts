import { createAgentActivities, type AgentActivityDeps } from './agents';
import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps & { agents: AgentActivityDeps };

/** All activities of the worker, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return { ...createTicketActivities(deps), ...createAgentActivities(deps.agents) };
}
