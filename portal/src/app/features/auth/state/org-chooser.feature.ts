import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { KeycloakActions, OrgChooserPageActions, PublicApiActions } from './org-chooser.actions';

export interface OrgChooserState {
  readonly agents: readonly PublicAgent[];
  readonly loading: boolean;
  readonly error: ApiError | null;
  /** The realm whose login page the browser is being sent to. */
  readonly signingInTo: string | null;
}

export const initialOrgChooserState: OrgChooserState = { agents: [], loading: false, error: null, signingInTo: null };

export const orgChooserFeature = createFeature({
  name: 'orgChooser',
  reducer: createReducer(
    initialOrgChooserState,
    on(OrgChooserPageActions.opened, (state): OrgChooserState => ({ ...state, loading: true, error: null })),
    on(PublicApiActions.agentsLoaded, (state, { agents }): OrgChooserState => ({ ...state, agents, loading: false })),
    on(PublicApiActions.agentsLoadFailed, (state, { error }): OrgChooserState => ({ ...state, loading: false, error })),
    on(OrgChooserPageActions.organisationChosen, (state, { realm }): OrgChooserState => ({ ...state, signingInTo: realm })),
    on(KeycloakActions.loginFailed, (state): OrgChooserState => ({ ...state, signingInTo: null })),
  ),
});
