import { createTicketActivities, type TicketActivityDeps } from './tickets';

export type ActivityDeps = TicketActivityDeps;

/** All activities of the worker, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  return { ...createTicketActivities(deps) };
}
