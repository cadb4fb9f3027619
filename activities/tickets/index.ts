import type { TicketSnapshot } from '../../domain/tickets/ticket';

/** What the ticket activities need from the outside world; the worker passes real ones. */
export interface TicketActivityDeps {
  readModel: {
    /** Writes the snapshot if it is newer than what is stored; idempotent. */
    saveTicket(snapshot: TicketSnapshot): Promise<void>;
  };
}

export function createTicketActivities(deps: TicketActivityDeps) {
  return {
    /** Projects the workflow's state into the database read model (lists, search, detail). */
    async projectTicket(snapshot: TicketSnapshot): Promise<void> {
      await deps.readModel.saveTicket(snapshot);
    },
  };
}

export type TicketActivities = ReturnType<typeof createTicketActivities>;
