import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AgentSummary } from '../../agents/data/agents-api.service';
import { UserDetail, UserPage, UserQuery, UserSummary } from '../data/users-api.service';
import { NewUserPageActions, UserChangeKind, UserDetailPageActions, UserListPageActions, UsersApiActions } from './users.actions';

/** A temporary password as the API returned it, kept only until the person dismisses it. */
export interface ShownPassword {
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  readonly reason: 'created' | 'reset';
}

export interface UsersState {
  readonly query: UserQuery;
  readonly page: UserPage | null;
  readonly listLoading: boolean;
  readonly listError: ApiError | null;
  /** Agents of the caller's subtree (agent filter and chooser); empty when agents.read is missing. */
  readonly agents: readonly AgentSummary[];
  readonly detail: UserDetail | null;
  readonly detailLoading: boolean;
  readonly detailError: ApiError | null;
  readonly creating: boolean;
  readonly createError: ApiError | null;
  readonly busy: UserChangeKind | null;
  readonly changeError: { readonly kind: UserChangeKind; readonly error: ApiError } | null;
  /** Set after a change went through, so forms can close (`profile`, `status`). */
  readonly lastChange: UserChangeKind | null;
  readonly password: ShownPassword | null;
}

export const USERS_PAGE_SIZE = 20;

export const initialUsersState: UsersState = {
  query: { page: 1, pageSize: USERS_PAGE_SIZE },
  page: null,
  listLoading: false,
  listError: null,
  agents: [],
  detail: null,
  detailLoading: false,
  detailError: null,
  creating: false,
  createError: null,
  busy: null,
  changeError: null,
  lastChange: null,
  password: null,
};

const withUser = (detail: UserDetail | null, user: UserSummary): UserDetail | null =>
  detail && detail.user.id === user.id ? { ...detail, user: { ...detail.user, ...user } } : detail;

export const usersFeature = createFeature({
  name: 'users',
  reducer: createReducer(
    initialUsersState,
    on(UserListPageActions.opened, UserListPageActions.queryChanged, (state, { query }): UsersState => ({
      ...state,
      query,
      listLoading: true,
      listError: null,
    })),
    on(UsersApiActions.listLoaded, (state, { page }): UsersState => ({ ...state, page, listLoading: false })),
    on(UsersApiActions.listFailed, (state, { error }): UsersState => ({ ...state, listLoading: false, listError: error })),
    on(UsersApiActions.agentsLoaded, (state, { agents }): UsersState => ({ ...state, agents })),
    on(NewUserPageActions.opened, (state): UsersState => ({ ...state, creating: false, createError: null, password: null })),
    on(NewUserPageActions.submitted, (state): UsersState => ({ ...state, creating: true, createError: null })),
    on(UsersApiActions.createSucceeded, (state, { user, temporaryPassword }): UsersState => ({
      ...state,
      creating: false,
      password: { userId: user.id, username: user.username, password: temporaryPassword, reason: 'created' },
    })),
    on(UsersApiActions.createFailed, (state, { error }): UsersState => ({ ...state, creating: false, createError: error })),
    on(UserDetailPageActions.opened, (state, { id }): UsersState => ({
      ...state,
      detail: state.detail?.user.id === id ? state.detail : null,
      detailLoading: true,
      detailError: null,
      busy: null,
      changeError: null,
      lastChange: null,
      // A password stays on screen only for the user it belongs to (the one just created).
      password: state.password?.userId === id ? state.password : null,
    })),
    on(UsersApiActions.detailLoaded, (state, { detail }): UsersState => ({ ...state, detail, detailLoading: false })),
    on(UsersApiActions.detailFailed, (state, { error }): UsersState => ({ ...state, detailLoading: false, detailError: error })),
    on(UserDetailPageActions.profileSaved, (state): UsersState => ({
      ...state,
      busy: 'profile',
      changeError: null,
      lastChange: null,
    })),
    on(UserDetailPageActions.disableConfirmed, UserDetailPageActions.enableConfirmed, (state): UsersState => ({
      ...state,
      busy: 'status',
      changeError: null,
      lastChange: null,
    })),
    on(UserDetailPageActions.resetPasswordConfirmed, (state): UsersState => ({
      ...state,
      busy: 'password',
      changeError: null,
      lastChange: null,
      password: null,
    })),
    on(UsersApiActions.userChanged, (state, { user, kind }): UsersState => ({
      ...state,
      busy: null,
      lastChange: kind,
      detail: withUser(state.detail, user),
      page: state.page && {
        ...state.page,
        items: state.page.items.map((u) => (u.id === user.id ? user : u)),
      },
    })),
    on(UsersApiActions.passwordReset, (state, { id, temporaryPassword }): UsersState => ({
      ...state,
      busy: null,
      lastChange: 'password',
      password: {
        userId: id,
        username: state.detail?.user.id === id ? state.detail.user.username : '',
        password: temporaryPassword,
        reason: 'reset',
      },
    })),
    on(UsersApiActions.changeFailed, (state, { kind, error }): UsersState => ({
      ...state,
      busy: null,
      changeError: { kind, error },
    })),
    on(UserDetailPageActions.passwordDismissed, (state): UsersState => ({ ...state, password: null })),
  ),
  extraSelectors: ({ selectAgents, selectChangeError }) => ({
    /** Agents that can take new users (active: their realm is ready), for the create form's chooser. */
    selectAssignableAgents: createSelector(selectAgents, (agents) => agents.filter((a) => a.status === 'active')),
    selectProfileError: createSelector(selectChangeError, (e) => (e?.kind === 'profile' ? e.error : null)),
    selectActionError: createSelector(selectChangeError, (e) => (e && e.kind !== 'profile' ? e.error : null)),
  }),
});
