import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AgentSummary } from '../../agents/data/agents-api.service';
import { NewUser, UserChanges, UserDetail, UserPage, UserQuery, UserSummary } from '../data/users-api.service';

export const UserListPageActions = createActionGroup({
  source: 'User List Page',
  events: {
    Opened: props<{ query: UserQuery }>(),
    'Query Changed': props<{ query: UserQuery }>(),
  },
});

export const NewUserPageActions = createActionGroup({
  source: 'New User Page',
  events: {
    Opened: emptyProps(),
    Submitted: props<{ user: NewUser }>(),
  },
});

export const UserDetailPageActions = createActionGroup({
  source: 'User Detail Page',
  events: {
    Opened: props<{ id: string }>(),
    'Profile Saved': props<{ id: string; changes: UserChanges }>(),
    'Disable Confirmed': props<{ id: string }>(),
    'Enable Confirmed': props<{ id: string }>(),
    'Reset Password Confirmed': props<{ id: string }>(),
    /** The person has copied (or chosen not to keep) the temporary password: it is forgotten. */
    'Password Dismissed': emptyProps(),
  },
});

export const UsersApiActions = createActionGroup({
  source: 'Users API',
  events: {
    'List Loaded': props<{ page: UserPage }>(),
    'List Failed': props<{ error: ApiError }>(),
    'Agents Loaded': props<{ agents: readonly AgentSummary[] }>(),
    'Detail Loaded': props<{ detail: UserDetail }>(),
    'Detail Failed': props<{ error: ApiError }>(),
    'Create Succeeded': props<{ user: UserSummary; temporaryPassword: string }>(),
    'Create Failed': props<{ error: ApiError }>(),
    /** Profile edits and enable/disable answer with the user's new summary. */
    'User Changed': props<{ user: UserSummary; kind: UserChangeKind }>(),
    'Password Reset': props<{ id: string; temporaryPassword: string }>(),
    'Change Failed': props<{ kind: UserChangeKind; error: ApiError }>(),
  },
});

export type UserChangeKind = 'profile' | 'status' | 'password';
