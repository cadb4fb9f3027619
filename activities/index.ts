import { createAgentActivities, type AgentActivityDeps } from './agents';
import { createPspActivities, type PspActivityDeps } from './psp';
import { createRequestActivities, type RequestActivityDeps } from './requests';
import { createTerminalSyncActivities, type TerminalSyncActivityDeps } from './terminals';
import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps & {
  agents: AgentActivityDeps;
  psp?: PspActivityDeps;
  requests?: RequestActivityDeps;
  terminalSync?: TerminalSyncActivityDeps;
};

/** All activities of the worker, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createTicketActivities(deps),
    ...createAgentActivities(deps.agents),
    ...(deps.psp ? createPspActivities(deps.psp) : {}),
    ...(deps.requests ? createRequestActivities(deps.requests) : {}),
    ...(deps.terminalSync ? createTerminalSyncActivities(deps.terminalSync) : {}),
  };
}
