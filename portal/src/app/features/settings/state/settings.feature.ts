import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { IpRanges, ServiceSwitch } from '../data/settings-api.service';
import { SettingsApiActions, SettingsPageActions } from './settings.actions';

export interface SettingsState {
  readonly ranges: IpRanges | null;
  readonly services: readonly ServiceSwitch[];
  /** Agents other than the broker, for the per-agent ranges. */
  readonly agents: readonly PublicAgent[];
  readonly agent: string;
  readonly loading: boolean;
  readonly saving: boolean;
  readonly error: ApiError | null;
}

export const initialSettingsState: SettingsState = {
  ranges: null,
  services: [],
  agents: [],
  agent: '',
  loading: false,
  saving: false,
  error: null,
};

export const settingsFeature = createFeature({
  name: 'settings',
  reducer: createReducer(
    initialSettingsState,
    on(SettingsPageActions.opened, (state) => ({ ...state, loading: true, error: null })),
    on(SettingsApiActions.rangesLoaded, (state, { ranges }) => ({ ...state, ranges, loading: false })),
    on(SettingsApiActions.servicesLoaded, SettingsApiActions.serviceChanged, (state, { items }) => ({
      ...state,
      services: items,
    })),
    on(SettingsApiActions.agentsLoaded, (state, { agents }) => {
      const others = agents.filter((a) => !a.isBroker);
      return {
        ...state,
        agents: others,
        agent: others.some((a) => a.code === state.agent) ? state.agent : (others[0]?.code ?? ''),
      };
    }),
    on(SettingsApiActions.loadFailed, (state, { error }) => ({ ...state, loading: false, error })),
    on(SettingsPageActions.agentChosen, (state, { agent }) => ({ ...state, agent })),
    on(SettingsPageActions.globalRangesSubmitted, SettingsPageActions.agentRangesSubmitted, (state) => ({
      ...state,
      saving: true,
      error: null,
    })),
    on(SettingsApiActions.rangesSaved, (state) => ({ ...state, saving: false })),
    on(SettingsApiActions.rangesFailed, SettingsApiActions.serviceFailed, (state, { error }) => ({
      ...state,
      saving: false,
      error,
    })),
    on(SettingsPageActions.serviceToggled, (state, { key, enabled }) => ({
      ...state,
      error: null,
      services: state.services.map((s) => (s.key === key ? { ...s, enabled } : s)),
    })),
  ),
  extraSelectors: ({ selectRanges, selectAgent, selectError }) => ({
    selectAgentRanges: createSelector(
      selectRanges,
      selectAgent,
      (ranges, agent) => ranges?.agents.find((a) => a.agent.code === agent)?.ranges ?? [],
    ),
    /** The global list would lock the caller out: offer "save anyway". */
    selectLockout: createSelector(selectError, (error) => error?.code === 'IP_LOCKOUT'),
    selectRangeErrors: createSelector(selectError, (error) => error?.fields ?? []),
  }),
});
