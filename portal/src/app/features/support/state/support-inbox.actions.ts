import { createActionGroup, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { TicketPage, TicketQuery } from '../../../core/api/api.models';

export const SupportInboxPageActions = createActionGroup({
  source: 'Support Inbox Page',
  events: {
    Opened: props<{ query: TicketQuery }>(),
    'Filters Changed': props<{ query: TicketQuery }>(),
    'Refresh Clicked': props<{ query: TicketQuery }>(),
  },
});

export const SupportInboxApiActions = createActionGroup({
  source: 'Support Inbox API',
  events: {
    'Inbox Loaded': props<{ page: TicketPage }>(),
    'Inbox Load Failed': props<{ error: ApiError }>(),
  },
});
