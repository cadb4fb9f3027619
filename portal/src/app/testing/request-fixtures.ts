import {
  InboxItem,
  InboxPage,
  RequestDetail,
  RequestSummary,
  RequestTask,
  TerminalDetail,
} from '../features/requests/data/requests.models';

export function aTask(overrides: Partial<RequestTask> = {}): RequestTask {
  return {
    id: 'r1.t1',
    seq: 1,
    kind: 'approve',
    agentId: 'broker',
    permission: 'requests.review',
    assignee: null,
    createdAt: '2025-11-23T06:00:00Z',
    warnAt: '2025-11-23T10:00:00Z',
    criticalAt: '2025-11-23T12:24:00Z',
    dueAt: '2025-11-23T14:00:00Z',
    sla: 'ok',
    escalated: false,
    closedAt: null,
    closedBy: null,
    outcome: null,
    reason: null,
    problem: null,
    ...overrides,
  };
}

export function aRequestSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 'r1',
    number: 'REQ-14040902-000001',
    type: 'install',
    state: 'in_review',
    agentId: 'alpha',
    agentName: { fa: 'نمایندگی آلفا', en: 'Alpha agency' },
    pspCode: 'psp-a',
    submitter: { id: 'u1', displayName: 'Alpha User' },
    merchantId: 'm1',
    merchantName: { fa: 'فروشگاه نمونه', en: 'Sample shop' },
    terminalId: null,
    serial: null,
    createdAt: '2025-11-23T06:00:00Z',
    submittedAt: '2025-11-23T06:00:00Z',
    updatedAt: '2025-11-23T06:00:00Z',
    closedAt: null,
    openTask: aTask(),
    ...overrides,
  };
}

export function aRequestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...aRequestSummary(),
    payload: { merchantId: 'm1', shopId: 's1', accountId: 'a1', deviceModel: 'pax-s90' },
    round: 0,
    chain: [{ agentId: 'broker', kind: 'approve' }],
    psp: {
      key: null,
      operation: null,
      trackingCode: null,
      verdict: null,
      rejection: null,
      pspMerchantId: null,
      pspTerminalId: null,
    },
    tasks: [aTask()],
    timeline: [],
    outcomeReason: null,
    allowedActions: ['claim', 'approve', 'reject', 'return'],
    pspCalls: [],
    agreements: [],
    merchant: null,
    terminal: null,
    documents: [],
    ...overrides,
  };
}

export function anInboxItem(id: string, overrides: Partial<RequestTask> = {}): InboxItem {
  return {
    task: aTask({ id: `${id}.t1`, ...overrides }),
    request: aRequestSummary({ id, number: `REQ-14040902-00000${id.slice(1)}` }),
  };
}

export function anInboxPage(items: readonly InboxItem[], counts: Partial<InboxPage['counts']> = {}): InboxPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    counts: { byKind: {}, bySla: {}, views: {}, ...counts },
  };
}

export function aTerminal(overrides: Partial<TerminalDetail> = {}): TerminalDetail {
  return {
    id: 't1',
    pspCode: 'psp-a',
    pspTerminalId: '00012345',
    pspMerchantId: 'M-77',
    merchantId: 'm1',
    merchantName: { fa: 'فروشگاه نمونه', en: 'Sample shop' },
    shopId: 's1',
    shopName: { fa: 'شعبه مرکزی', en: 'Main branch' },
    accountId: 'a1',
    agentId: 'alpha',
    deviceModel: 'pax-s90',
    serial: 'SN-1',
    state: 'active',
    updatedAt: '2025-11-23T06:00:00Z',
    requests: [],
    ...overrides,
  };
}
