/** Settings keys of the request workflows (table `settings`). */
/** Scope `global`: the SlaPolicy (domain/requests/model.ts). */
export const REQUEST_SLA_KEY = 'requests.sla';
/** Scope = agent id: `false` when the agent skips reviewing requests from below (default on). */
export const REVIEW_STEP_KEY = 'requests.reviewStep';
