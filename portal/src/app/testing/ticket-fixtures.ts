import { TicketDetail, TicketPage, TicketSummary } from '../core/api/api.models';

/** Test data shaped like the API's answers. */
export function aTicketSummary(overrides: Partial<TicketSummary> = {}): TicketSummary {
  return {
    id: 't1',
    number: 1404001,
    subject: 'کارتخوان روشن نمی‌شود',
    categoryCode: 'device',
    priority: 'normal',
    state: 'open',
    agent: { id: 'a2', code: 'alpha', nameFa: 'نمایندگی آلفا', nameEn: 'Alpha Agency' },
    requester: { id: 'u1', displayName: 'سارا احمدی' },
    assignee: null,
    escalated: false,
    firstResponseDueAt: '2025-11-23T14:00:00Z',
    createdAt: '2025-11-23T10:00:00Z',
    updatedAt: '2025-11-23T10:00:00Z',
    closedAt: null,
    rating: null,
    ...overrides,
  };
}

export function aTicketDetail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    ...aTicketSummary(),
    messages: [],
    timeline: [{ seq: 1, type: 'created', at: '2025-11-23T10:00:00Z', actor: { id: 'u1', displayName: 'سارا احمدی' }, data: {} }],
    allowedActions: ['reply', 'close'],
    ...overrides,
  };
}

export function aTicketPage(items: readonly TicketSummary[], overrides: Partial<TicketPage> = {}): TicketPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    counts: { open: items.length, waiting_for_support: 0, answered: 0, closed: 0 },
    ...overrides,
  };
}
