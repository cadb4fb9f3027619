import { addBusinessMinutes, businessMinutesBetween } from '../../domain/calendar';
import {
  type Actor,
  type RequestSnapshot,
  type RequestTask,
  DEFAULT_SLA_POLICY,
  allowedActions,
  approvalChain,
  slaMinutes,
  whyNoDocumentChange,
  whyNot,
} from '../../domain/requests/model';

const task = (over: Partial<RequestTask> = {}): RequestTask => ({
  id: 'r1.t1',
  seq: 1,
  kind: 'review',
  agentId: 'alpha',
  permission: 'requests.review',
  assignee: null,
  createdAt: '2026-11-23T06:00:00.000Z',
  warnAt: null,
  criticalAt: null,
  dueAt: null,
  sla: 'none',
  escalated: false,
  closedAt: null,
  closedBy: null,
  outcome: null,
  reason: null,
  problem: null,
  ...over,
});
const actor = (id: string, agentId: string, permissions: string[]): Actor => ({ id, displayName: id, agentId, permissions });
const req = (t: RequestTask): Pick<RequestSnapshot, 'state' | 'tasks' | 'submitter' | 'agentId'> => ({
  state: 'in_review',
  tasks: [t],
  submitter: { id: 'sub', displayName: 'sub' },
  agentId: 'alpha',
});
const reviewer = actor('rev', 'alpha', ['requests.review']);

describe('inbox action rules (whyNot)', () => {
  test('a reviewer of the task’s agency may claim, approve, reject and return', () => {
    const r = req(task());
    expect(whyNot(r, { action: 'claim', taskId: 'r1.t1', actor: reviewer })).toBeNull();
    expect(whyNot(r, { action: 'approve', taskId: 'r1.t1', actor: reviewer })).toBeNull();
    expect(whyNot(r, { action: 'reject', taskId: 'r1.t1', actor: reviewer, reason: 'ناقص' })).toBeNull();
  });
  test.each([
    ['stale task id', { action: 'approve', taskId: 'r1.t0', actor: reviewer }, 'TASK_STALE', 409],
    [
      'another agency',
      { action: 'approve', taskId: 'r1.t1', actor: actor('x', 'beta', ['requests.review']) },
      'NOT_YOUR_AGENT',
      403,
    ],
    [
      'no permission',
      { action: 'approve', taskId: 'r1.t1', actor: actor('x', 'alpha', ['requests.read']) },
      'MISSING_PERMISSION',
      403,
    ],
    ['reject without reason', { action: 'reject', taskId: 'r1.t1', actor: reviewer, reason: '  ' }, 'REASON_REQUIRED', 400],
    ['resubmit at a review', { action: 'resubmit', taskId: 'r1.t1', actor: reviewer }, 'ACTION_NOT_ALLOWED_AT_STAGE', 409],
    [
      'reassign without supervise',
      { action: 'reassign', taskId: 'r1.t1', actor: reviewer, assignee: { id: 'a', displayName: 'a' } },
      'MISSING_PERMISSION',
      403,
    ],
    ['cancel by a stranger', { action: 'cancel', taskId: 'r1.t1', actor: reviewer }, 'NOT_SUBMITTER', 403],
  ] as const)('refused: %s', (_name, cmd, code, status) => {
    const e = whyNot(req(task()), cmd);
    expect(e?.code).toBe(code);
    expect(e?.status).toBe(status);
    expect(e?.text.fa).toMatch(/[\u0600-\u06FF]/);
  });
  test('a task someone else holds: only they act; a supervisor may release it', () => {
    const r = req(task({ assignee: { id: 'other', displayName: 'رضا' } }));
    expect(whyNot(r, { action: 'approve', taskId: 'r1.t1', actor: reviewer })?.code).toBe('TASK_TAKEN');
    expect(whyNot(r, { action: 'claim', taskId: 'r1.t1', actor: reviewer })?.code).toBe('TASK_TAKEN');
    expect(whyNot(r, { action: 'release', taskId: 'r1.t1', actor: reviewer })?.code).toBe('TASK_TAKEN');
    const sup = actor('sup', 'alpha', ['requests.review', 'requests.supervise']);
    expect(whyNot(r, { action: 'release', taskId: 'r1.t1', actor: sup })).toBeNull();
  });
  test('the submitter cancels or resubmits at correction; the install task needs requests.install', () => {
    const sub = actor('sub', 'alpha', ['requests.create']);
    const c = req(task({ kind: 'correction', permission: 'requests.create', assignee: { id: 'sub', displayName: 'sub' } }));
    expect(whyNot(c, { action: 'resubmit', taskId: 'r1.t1', actor: sub, payload: { terminalId: 't', note: 'x' } })).toBeNull();
    expect(whyNot(c, { action: 'cancel', taskId: 'r1.t1', actor: sub })).toBeNull();
    const i = req(task({ kind: 'install', permission: 'requests.install' }));
    expect(whyNot(i, { action: 'confirm-install', taskId: 'r1.t1', actor: reviewer })?.code).toBe('MISSING_PERMISSION');
    expect(allowedActions(i, actor('tech', 'alpha', ['requests.install']))).toEqual(['claim', 'confirm-install']);
  });
  test('allowedActions of a reviewer on an unassigned review', () => {
    expect(allowedActions(req(task()), reviewer)).toEqual(['claim', 'approve', 'reject', 'return']);
  });
});

describe('who may change a request’s documents (whyNoDocumentChange)', () => {
  const sub = actor('sub', 'alpha', ['requests.create']);
  const colleague = actor('col', 'alpha', ['requests.create']);
  const draft = { state: 'draft' as const, tasks: [], submitter: { id: 'sub', displayName: 'sub' }, agentId: 'alpha' };
  const correction = task({ kind: 'correction', permission: 'requests.create', assignee: { id: 'sub', displayName: 'sub' } });
  const returned = { ...req(correction), state: 'returned' as const };

  test('a draft: only its author (as editing the draft)', () => {
    expect(whyNoDocumentChange(draft, sub)).toBeNull();
    const e = whyNoDocumentChange(draft, colleague);
    expect([e?.code, e?.status]).toEqual(['NOT_SUBMITTER', 403]);
    expect(e?.text.fa).toMatch(/[\u0600-\u06FF]/);
  });
  test('returned for correction: whoever may resubmit it (its agency, requests.create)', () => {
    expect(whyNoDocumentChange(returned, sub)).toBeNull();
    expect(whyNoDocumentChange(returned, colleague)).toBeNull();
    expect(whyNoDocumentChange(returned, actor('b', 'beta', ['requests.create']))?.code).toBe('NOT_YOUR_AGENT');
    expect(whyNoDocumentChange(returned, actor('r', 'alpha', ['requests.review']))?.code).toBe('MISSING_PERMISSION');
  });
  test.each(['in_review', 'at_psp', 'parked', 'installing', 'done', 'rejected', 'cancelled'] as const)(
    'refused with 409 DOCUMENTS_LOCKED when %s',
    (state) => {
      const e = whyNoDocumentChange({ ...req(task()), state }, sub);
      expect([e?.code, e?.status]).toEqual(['DOCUMENTS_LOCKED', 409]);
      expect(e?.text.en).toContain('draft');
    },
  );
  test('returned without an open correction task (not projected yet) is refused too', () => {
    expect(whyNoDocumentChange({ ...returned, tasks: [] }, sub)?.code).toBe('DOCUMENTS_LOCKED');
  });
});

describe('approval chain', () => {
  const tree = [
    { id: 'broker', parentId: null, reviewStep: true },
    { id: 'alpha', parentId: 'broker', reviewStep: true },
    { id: 'alpha-1', parentId: 'alpha', reviewStep: true },
  ];
  test('every agent from the requester up reviews, the credential owner approves', () => {
    expect(approvalChain(tree, 'alpha-1', 'broker')).toEqual([
      { agentId: 'alpha-1', kind: 'review' },
      { agentId: 'alpha', kind: 'review' },
      { agentId: 'broker', kind: 'approve' },
    ]);
  });
  test('an agent with its review step off is skipped; a direct broker owner approves itself', () => {
    const off = tree.map((a) => (a.id === 'alpha-1' ? { ...a, reviewStep: false } : a));
    expect(approvalChain(off, 'alpha-1', 'broker')).toEqual([
      { agentId: 'alpha', kind: 'review' },
      { agentId: 'broker', kind: 'approve' },
    ]);
    expect(approvalChain(tree, 'alpha-1', 'alpha')).toEqual([
      { agentId: 'alpha-1', kind: 'review' },
      { agentId: 'alpha', kind: 'approve' },
    ]);
    expect(approvalChain(tree, 'broker', 'broker')).toEqual([{ agentId: 'broker', kind: 'approve' }]);
  });
  test('an owner that is not above the requester is a data error', () => {
    expect(() => approvalChain(tree, 'alpha', 'alpha-1')).toThrow(RangeError);
  });
});

describe('SLA minutes and business hours', () => {
  test('per type overrides per kind; zero means no SLA', () => {
    const p = { calendar: 'business' as const, minutes: { review: 60, 'install.review': 30, fix: 0 } };
    expect(slaMinutes(p, 'install', 'review')).toBe(30);
    expect(slaMinutes(p, 'swap', 'review')).toBe(60);
    expect(slaMinutes(p, 'swap', 'fix')).toBeNull();
    expect(slaMinutes(DEFAULT_SLA_POLICY, 'swap', 'correction')).toBeNull();
  });
  // 2026-11-23 is a Monday; Tehran is UTC+03:30.
  test('inside a working day', () => {
    expect(addBusinessMinutes(new Date('2026-11-23T06:30:00Z'), 60).toISOString()).toBe('2026-11-23T07:30:00.000Z');
  });
  test('after hours starts next morning at 08:00', () => {
    expect(addBusinessMinutes(new Date('2026-11-23T18:00:00Z'), 30).toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });
  test('Thursday ends at noon and Friday is skipped', () => {
    const thu11 = new Date('2026-11-26T07:30:00Z');
    const due = addBusinessMinutes(thu11, 120);
    expect(due.toISOString()).toBe('2026-11-28T05:30:00.000Z'); // Saturday 09:00
    expect(businessMinutesBetween(thu11, due)).toBe(120);
  });
  test('an official holiday is skipped', () => {
    const due = addBusinessMinutes(new Date('2026-11-23T12:00:00Z'), 60, new Set(['2026-11-24']));
    // Monday 15:30 → 30 minutes that day, Tuesday off, 30 more on Wednesday: 08:30.
    expect(due.toISOString()).toBe('2026-11-25T05:00:00.000Z');
  });
});
