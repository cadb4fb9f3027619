import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AuditEntry, AuditQuery, AuditVerification, EventsQuery, Page, SystemEvent } from '../data/audit.models';

export const AuditLogPageActions = createActionGroup({
  source: 'Audit Log Page',
  events: {
    Opened: props<{ query: AuditQuery }>(),
    'Query Changed': props<{ query: AuditQuery }>(),
    'Refresh Clicked': props<{ query: AuditQuery }>(),
    'Verify Clicked': emptyProps(),
  },
});

export const AuditApiActions = createActionGroup({
  source: 'Audit API',
  events: {
    'Audit Loaded': props<{ page: Page<AuditEntry> }>(),
    'Audit Load Failed': props<{ error: ApiError }>(),
    'Chain Verified': props<{ verification: AuditVerification }>(),
    'Verify Failed': props<{ error: ApiError }>(),
  },
});

export const EventsPageActions = createActionGroup({
  source: 'Events Page',
  events: {
    Opened: props<{ query: EventsQuery }>(),
    'Query Changed': props<{ query: EventsQuery }>(),
    'Refresh Clicked': props<{ query: EventsQuery }>(),
  },
});

export const EventsApiActions = createActionGroup({
  source: 'Events API',
  events: {
    'Events Loaded': props<{ page: Page<SystemEvent> }>(),
    'Events Load Failed': props<{ error: ApiError }>(),
  },
});
