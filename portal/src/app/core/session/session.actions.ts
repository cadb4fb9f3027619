import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../api/api-error';
import { Me } from '../api/api.models';

/** What keycloak-js found when the app started. */
export const AuthActions = createActionGroup({
  source: 'Auth',
  events: {
    'Session Restored': emptyProps(),
    'Not Signed In': emptyProps(),
  },
});

export const ShellActions = createActionGroup({
  source: 'Shell',
  events: {
    'Logout Clicked': emptyProps(),
    'Session Retry Clicked': emptyProps(),
  },
});

/** The window came back into focus, or a minute went by: `GET /api/me` again so new grants and menu show. */
export const SessionRefreshActions = createActionGroup({
  source: 'Session Refresh',
  events: {
    'Refresh Due': emptyProps(),
  },
});

export const MeApiActions = createActionGroup({
  source: 'Me API',
  events: {
    'Me Loaded': props<{ me: Me }>(),
    'Me Load Failed': props<{ error: ApiError }>(),
    /** A background refresh failed; the person keeps working with what they had. */
    'Me Refresh Failed': props<{ error: ApiError }>(),
  },
});
