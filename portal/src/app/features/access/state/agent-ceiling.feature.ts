import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AccessPackage, AgentCeiling, PermissionInfo } from '../data/access.models';
import { CeilingApiActions, CeilingPageActions } from './access.actions';

export interface AgentCeilingState {
  readonly agentId: string | null;
  readonly ceiling: AgentCeiling | null;
  readonly packages: readonly AccessPackage[];
  readonly catalog: readonly PermissionInfo[];
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly saving: boolean;
  readonly saveError: ApiError | null;
  readonly saved: boolean;
}

export const initialAgentCeilingState: AgentCeilingState = {
  agentId: null,
  ceiling: null,
  packages: [],
  catalog: [],
  loading: false,
  error: null,
  saving: false,
  saveError: null,
  saved: false,
};

export const agentCeilingFeature = createFeature({
  name: 'agentCeiling',
  reducer: createReducer(
    initialAgentCeilingState,
    on(CeilingPageActions.opened, (state, { agentId }): AgentCeilingState => ({
      ...initialAgentCeilingState,
      packages: state.packages,
      catalog: state.catalog,
      ceiling: state.agentId === agentId ? state.ceiling : null,
      agentId,
      loading: true,
    })),
    on(CeilingApiActions.loaded, (state, { ceiling, packages, catalog }): AgentCeilingState =>
      ceiling.agentId === state.agentId ? { ...state, ceiling, packages, catalog, loading: false } : state,
    ),
    on(CeilingApiActions.loadFailed, (state, { agentId, error }): AgentCeilingState =>
      agentId === state.agentId ? { ...state, loading: false, error } : state,
    ),
    on(CeilingPageActions.submitted, (state): AgentCeilingState => ({ ...state, saving: true, saveError: null, saved: false })),
    on(CeilingApiActions.saved, (state, { ceiling }): AgentCeilingState => ({ ...state, ceiling, saving: false, saved: true })),
    on(CeilingApiActions.saveFailed, (state, { error }): AgentCeilingState => ({ ...state, saving: false, saveError: error })),
  ),
});
