import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { IpRanges, ServiceSwitch } from '../data/settings-api.service';

export const SettingsPageActions = createActionGroup({
  source: 'Settings Page',
  events: {
    Opened: emptyProps(),
    'Agent Chosen': props<{ agent: string }>(),
    /** `force` saves a global list that would lock the caller out (after the API warned with IP_LOCKOUT). */
    'Global Ranges Submitted': props<{ ranges: readonly string[]; force: boolean }>(),
    'Agent Ranges Submitted': props<{ agent: string; ranges: readonly string[] }>(),
    'Service Toggled': props<{ key: string; enabled: boolean }>(),
  },
});

export const SettingsApiActions = createActionGroup({
  source: 'Settings API',
  events: {
    'Ranges Loaded': props<{ ranges: IpRanges }>(),
    'Services Loaded': props<{ items: readonly ServiceSwitch[] }>(),
    'Agents Loaded': props<{ agents: readonly PublicAgent[] }>(),
    'Load Failed': props<{ error: ApiError }>(),
    'Ranges Saved': emptyProps(),
    'Ranges Failed': props<{ error: ApiError }>(),
    'Service Changed': props<{ items: readonly ServiceSwitch[] }>(),
    'Service Failed': props<{ error: ApiError }>(),
  },
});
