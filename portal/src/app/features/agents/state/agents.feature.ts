import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AgentSummary } from '../data/agents-api.service';
import { AgentTreePageActions, AgentsApiActions } from './agents.actions';

export interface AgentsState {
  items: AgentSummary[];
  loading: boolean;
  error: ApiError | null;
}

const initialState: AgentsState = { items: [], loading: false, error: null };

/** A row of the tree: the agent and its depth below the caller's own agent. */
export interface AgentTreeRow {
  agent: AgentSummary;
  depth: number;
}

/** Depth-first order from the roots (agents whose parent is not in the list). */
export function toTreeRows(items: readonly AgentSummary[]): AgentTreeRow[] {
  const ids = new Set(items.map((a) => a.id));
  const children = new Map<string | null, AgentSummary[]>();
  for (const a of items) {
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    children.set(key, [...(children.get(key) ?? []), a]);
  }
  const rows: AgentTreeRow[] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const a of children.get(parent) ?? []) {
      rows.push({ agent: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

export const agentsFeature = createFeature({
  name: 'agents',
  reducer: createReducer(
    initialState,
    on(AgentTreePageActions.opened, AgentTreePageActions.refreshClicked, (s): AgentsState => ({
      ...s,
      loading: true,
      error: null,
    })),
    on(AgentsApiActions.agentsLoaded, (s, { items }): AgentsState => ({ ...s, items, loading: false })),
    on(AgentsApiActions.agentsLoadFailed, (s, { error }): AgentsState => ({ ...s, error, loading: false })),
  ),
  extraSelectors: ({ selectItems }) => ({ selectTreeRows: createSelector(selectItems, toTreeRows) }),
});
