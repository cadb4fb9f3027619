import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { AgentBranding } from '../data/branding-api.service';
import { BrandingApiActions, BrandingPageActions } from './branding.actions';

export interface BrandingState {
  /** Agents a broker may brand (empty for an agent, which brands only itself). */
  readonly agents: readonly PublicAgent[];
  readonly agent: string;
  readonly branding: AgentBranding | null;
  readonly loading: boolean;
  readonly saving: boolean;
  readonly error: ApiError | null;
}

export const initialBrandingState: BrandingState = {
  agents: [],
  agent: '',
  branding: null,
  loading: false,
  saving: false,
  error: null,
};

export const brandingFeature = createFeature({
  name: 'branding',
  reducer: createReducer(
    initialBrandingState,
    on(BrandingPageActions.opened, (state, { agent }) => ({
      ...state,
      agent: state.agent || agent,
      loading: true,
      error: null,
    })),
    on(BrandingPageActions.agentChosen, (state, { agent }) => ({
      ...state,
      agent,
      branding: state.branding?.agent.code === agent ? state.branding : null,
      loading: true,
      error: null,
    })),
    on(BrandingApiActions.agentsLoaded, (state, { agents }) => ({ ...state, agents })),
    on(BrandingApiActions.loaded, (state, { branding }) =>
      branding.agent.code === state.agent ? { ...state, branding, loading: false } : state,
    ),
    on(BrandingApiActions.loadFailed, (state, { error }) => ({ ...state, loading: false, error })),
    on(
      BrandingPageActions.saveSubmitted,
      BrandingPageActions.logoChosen,
      BrandingPageActions.logoRemoved,
      BrandingPageActions.domainAdded,
      BrandingPageActions.domainRemoved,
      (state) => ({ ...state, saving: true, error: null }),
    ),
    on(BrandingApiActions.changed, (state, { branding }) => ({ ...state, branding, saving: false })),
    on(BrandingApiActions.changeFailed, (state, { error }) => ({ ...state, saving: false, error })),
  ),
  extraSelectors: ({ selectBranding }) => ({
    /** Contrast warnings the API attached to the stored colours. */
    selectWarnings: createSelector(selectBranding, (b) => b?.warnings ?? []),
  }),
});
