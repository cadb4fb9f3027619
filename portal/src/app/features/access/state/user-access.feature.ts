import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PermissionInfo, UserAccess } from '../data/access.models';
import { UserAccessActions, UserAccessApiActions } from './access.actions';

/** One user's grants being looked at or edited (`/admin/access/users/:id`, or embedded in a user page). */
export interface UserAccessState {
  readonly userId: string | null;
  readonly access: UserAccess | null;
  readonly catalog: readonly PermissionInfo[];
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly saving: boolean;
  readonly saveError: ApiError | null;
  /** True after a save until the next change or load: the page says "saved". */
  readonly saved: boolean;
}

export const initialUserAccessState: UserAccessState = {
  userId: null,
  access: null,
  catalog: [],
  loading: false,
  error: null,
  saving: false,
  saveError: null,
  saved: false,
};

export const userAccessFeature = createFeature({
  name: 'userAccess',
  reducer: createReducer(
    initialUserAccessState,
    on(UserAccessActions.opened, (state, { userId }): UserAccessState => ({
      ...initialUserAccessState,
      catalog: state.catalog,
      // Another user's grants must never show while this one's load.
      access: state.userId === userId ? state.access : null,
      userId,
      loading: true,
    })),
    on(UserAccessApiActions.loaded, (state, { access, catalog }): UserAccessState =>
      access.userId === state.userId ? { ...state, access, catalog, loading: false } : state,
    ),
    on(UserAccessApiActions.loadFailed, (state, { userId, error }): UserAccessState =>
      userId === state.userId ? { ...state, loading: false, error } : state,
    ),
    on(UserAccessActions.rolesSubmitted, (state): UserAccessState => ({ ...state, saving: true, saveError: null, saved: false })),
    on(UserAccessApiActions.saved, (state, { access }): UserAccessState =>
      access.userId === state.userId ? { ...state, access, saving: false, saved: true } : { ...state, saving: false },
    ),
    on(UserAccessApiActions.saveFailed, (state, { error }): UserAccessState => ({ ...state, saving: false, saveError: error })),
  ),
});
