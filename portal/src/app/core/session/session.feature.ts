import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../api/api-error';
import { Me, MenuGroup } from '../api/api.models';
import { AuthActions, MeApiActions, ShellActions } from './session.actions';

export type SessionStatus = 'starting' | 'anonymous' | 'loading' | 'ready' | 'failed';

export interface SessionState {
  readonly status: SessionStatus;
  readonly me: Me | null;
  readonly error: ApiError | null;
}

export const initialSessionState: SessionState = { status: 'starting', me: null, error: null };

/**
 * The menu in its module groups. An API without `menuGroups` gets one unnamed section, so the items
 * still show in the order of `menu`.
 */
export function menuGroupsOf(me: Me | null): readonly MenuGroup[] {
  if (!me) return [];
  if (me.menuGroups) {
    const seen = new Set<string>();
    return me.menuGroups
      .map((group) => ({ ...group, items: onePerRoute(group.items, seen) }))
      .filter((group) => group.items.length > 0);
  }
  const items = onePerRoute(me.menu, new Set<string>());
  return items.length ? [{ key: '', icon: '', labelFa: '', labelEn: '', items }] : [];
}

/**
 * The first item of each route: two items may lead to the same page under different permissions
 * (e.g. "Requests" for `requests.read` and "All requests" for `requests.read-all`).
 */
function onePerRoute<T extends { route: string }>(items: readonly T[], seen: Set<string>): T[] {
  return items.filter((item) => {
    if (seen.has(item.route)) return false;
    seen.add(item.route);
    return true;
  });
}

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
    selectMenu: createSelector(selectMe, (me) => onePerRoute(me?.menu ?? [], new Set<string>())),
    selectMenuGroups: createSelector(selectMe, (me): readonly MenuGroup[] => menuGroupsOf(me)),
    selectUser: createSelector(selectMe, (me) => me?.user ?? null),
    selectAgent: createSelector(selectMe, (me) => me?.agent ?? null),
  }),
});

export const {
  selectStatus: selectSessionStatus,
  selectPermissions,
  selectMenu,
  selectMenuGroups,
  selectUser,
  selectAgent,
  selectError: selectSessionError,
} = sessionFeature;

/** True when the signed-in person holds at least one of the permissions. */
export const selectHasAnyPermission = (...permissions: string[]) =>
  createSelector(selectPermissions, (held) => permissions.some((permission) => held.has(permission)));
