import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';

export const OrgChooserPageActions = createActionGroup({
  source: 'Org Chooser Page',
  events: {
    Opened: emptyProps(),
    'Organisation Chosen': props<{ realm: string }>(),
  },
});

export const PublicApiActions = createActionGroup({
  source: 'Public API',
  events: {
    'Agents Loaded': props<{ agents: readonly PublicAgent[] }>(),
    'Agents Load Failed': props<{ error: ApiError }>(),
  },
});

export const KeycloakActions = createActionGroup({
  source: 'Keycloak',
  events: {
    'Login Failed': props<{ error: ApiError }>(),
  },
});
