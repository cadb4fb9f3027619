import { createAgentActivities, type AgentActivityDeps } from './agents';
import { createPspActivities, type PspActivityDeps } from './psp';
import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps & { agents: AgentActivityDeps; psp?: PspActivityDeps };

/** All activities of the worker, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTicketActivities(deps),
    ...createAgentActivities(deps.agents),
    ...(deps.psp ? createPspActivities(deps.psp) : {}),
  };
}
