import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  Attachment,
  TicketCategory,
  TicketDetail,
  TicketPage,
  TicketPriority,
  TicketQuery,
  TicketAction,
} from '../../../core/api/api.models';

export interface TicketDraft {
  readonly categoryCode: string;
  readonly subject: string;
  readonly body: string;
  readonly priority: TicketPriority;
  readonly file: File | null;
}

export interface MessageDraft {
  readonly body: string;
  readonly file: File | null;
}

export const TicketsPageActions = createActionGroup({
  source: 'Tickets Page',
  events: {
    Opened: props<{ query: TicketQuery }>(),
    'Query Changed': props<{ query: TicketQuery }>(),
    'Refresh Clicked': props<{ query: TicketQuery }>(),
  },
});

export const NewTicketPageActions = createActionGroup({
  source: 'New Ticket Page',
  events: {
    Opened: emptyProps(),
    Submitted: props<{ draft: TicketDraft }>(),
  },
});

export const TicketDetailPageActions = createActionGroup({
  source: 'Ticket Detail Page',
  events: {
    Opened: props<{ id: string }>(),
    'Refresh Clicked': props<{ id: string }>(),
    'Claim Clicked': props<{ id: string }>(),
    'Release Clicked': props<{ id: string }>(),
    'Close Clicked': props<{ id: string }>(),
    'Message Submitted': props<{ id: string; action: 'answer' | 'reply'; draft: MessageDraft }>(),
    'Rating Submitted': props<{ id: string; score: number; comment: string }>(),
    'Attachment Clicked': props<{ attachment: Attachment }>(),
  },
});

export const TicketsApiActions = createActionGroup({
  source: 'Tickets API',
  events: {
    'List Loaded': props<{ page: TicketPage }>(),
    'List Load Failed': props<{ error: ApiError }>(),
    'Categories Loaded': props<{ categories: readonly TicketCategory[] }>(),
    'Categories Load Failed': props<{ error: ApiError }>(),
    'Ticket Loaded': props<{ ticket: TicketDetail }>(),
    'Ticket Load Failed': props<{ id: string; error: ApiError }>(),
    'Ticket Created': props<{ ticket: TicketDetail }>(),
    'Ticket Create Failed': props<{ error: ApiError }>(),
    'Action Succeeded': props<{ action: TicketAction; ticket: TicketDetail }>(),
    'Action Failed': props<{ id: string; action: TicketAction; error: ApiError }>(),
    'Attachment Download Failed': props<{ error: ApiError }>(),
  },
});
