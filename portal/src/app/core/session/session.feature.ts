import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../api/api-error';
import { Me } from '../api/api.models';
import { AuthActions, MeApiActions, ShellActions } from './session.actions';

export type SessionStatus = 'starting' | 'anonymous' | 'loading' | 'ready' | 'failed';

export interface SessionState {
  readonly status: SessionStatus;
  readonly me: Me | null;
  readonly error: ApiError | null;
}

export const initialSessionState: SessionState = { status: 'starting', me: null, error: null };

export const sessionFeature = createFeature({
  name: 'session',
  reducer: createReducer(
    initialSessionState,
    on(AuthActions.notSignedIn, (): SessionState => ({ status: 'anonymous', me: null, error: null })),
    on(AuthActions.sessionRestored, ShellActions.sessionRetryClicked, (state): SessionState => ({
      ...state,
      status: 'loading',
      error: null,
    })),
    on(MeApiActions.meLoaded, (_state, { me }): SessionState => ({ status: 'ready', me, error: null })),
    on(MeApiActions.meLoadFailed, (state, { error }): SessionState => ({ ...state, status: 'failed', error })),
  ),
  extraSelectors: ({ selectMe }) => ({
    selectPermissions: createSelector(selectMe, (me): ReadonlySet<string> => new Set(me?.permissions ?? [])),
    selectMenu: createSelector(selectMe, (me) => me?.menu ?? []),
    selectUser: createSelector(selectMe, (me) => me?.user ?? null),
    selectAgent: createSelector(selectMe, (me) => me?.agent ?? null),
  }),
});

export const {
  selectStatus: selectSessionStatus,
  selectPermissions,
  selectMenu,
  selectUser,
  selectAgent,
  selectError: selectSessionError,
} = sessionFeature;

/** True when the signed-in person holds at least one of the permissions. */
export const selectHasAnyPermission = (...permissions: string[]) =>
  createSelector(selectPermissions, (held) => permissions.some((permission) => held.has(permission)));
