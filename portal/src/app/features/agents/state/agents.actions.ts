import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AgentSummary } from '../data/agents-api.service';

export const AgentTreePageActions = createActionGroup({
  source: 'Agent Tree Page',
  events: { Opened: emptyProps(), 'Refresh Clicked': emptyProps() },
});

export const AgentsApiActions = createActionGroup({
  source: 'Agents API',
  events: {
    'Agents Loaded': props<{ items: AgentSummary[] }>(),
    'Agents Load Failed': props<{ error: ApiError }>(),
  },
});
