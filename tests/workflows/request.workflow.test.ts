import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { RequestActivities } from '../../activities/requests';
import type { Permission } from '../../domain/access';
import type { PspVerdict } from '../../domain/psp/adapter';
import type {
  ActionCommand,
  Actor,
  RequestPayload,
  RequestSnapshot,
  RequestTask,
  RequestType,
} from '../../domain/requests/model';
import {
  REQUEST_WORKFLOW_TYPE,
  type RequestInput,
  actionUpdate,
  getRequestQuery,
  submittedUpdate,
} from '../../workflows/requests/definitions';
import type { requestWorkflow } from '../../workflows/requests/request.workflow';
import { startWorkflowTestEnv } from '../helpers/workflow-env';

const ALPHA = 'agent-alpha';
const BROKER = 'agent-broker';
const person = (name: string, agentId: string, permissions: Permission[]): Actor => ({
  id: randomUUID(),
  displayName: name,
  agentId,
  permissions,
});
const submitter = person('علی ثبت‌کننده', ALPHA, ['requests.create', 'requests.read']);
const alphaReviewer = person('مدیر آلفا', ALPHA, ['requests.review', 'requests.read', 'requests.supervise']);
const brokerApprover = person('کارگزار', BROKER, ['requests.review', 'requests.read', 'requests.operate']);
const technician = person('تکنسین', ALPHA, ['requests.install', 'requests.read']);
const stranger = person('بیگانه', 'agent-beta', ['requests.review', 'requests.read']);

/** What the mocked world does, per request id (set by each test). */
interface World {
  /** Verdicts returned by successive status calls. */
  verdicts: PspVerdict[];
  /** Submissions: accepted unless a rejection or a failure is queued. */
  submissions: ('accept' | 'reject' | 'unmapped')[];
  stock: number;
  sla?: { warnMs: number; criticalMs: number; dueMs: number };
  calls: string[];
  /** When each status call came (ms). */
  polledAt?: number[];
  serials: Map<string, 'reserved' | 'installed' | 'free'>;
}
const worlds = new Map<string, World>();
const projected = new Map<string, RequestSnapshot[]>();
const world = (id: string): World => worlds.get(id)!;

const activities: RequestActivities = {
  projectRequest(s) {
    projected.set(s.id, [...(projected.get(s.id) ?? []), s]);
    return Promise.resolve();
  },
  planApproval: () =>
    Promise.resolve([
      { agentId: ALPHA, kind: 'review' as const },
      { agentId: BROKER, kind: 'approve' as const },
    ]),
  brokerAgentId: () => Promise.resolve(BROKER),
  planSla({ openedAt, kind }) {
    const w = [...worlds.values()].find((x) => x.sla);
    if (!w?.sla || kind === 'correction') return Promise.resolve(null);
    const t = Date.parse(openedAt);
    const iso = (ms: number) => new Date(t + ms).toISOString();
    return Promise.resolve({ warnAt: iso(w.sla.warnMs), criticalAt: iso(w.sla.criticalMs), dueAt: iso(w.sla.dueMs) });
  },
  submitToPsp(a) {
    const w = world(a.requestId);
    w.calls.push(`submit:${a.operation}:${a.key}`);
    const next = w.submissions.shift() ?? 'accept';
    if (next === 'unmapped') {
      return Promise.reject(
        ApplicationFailure.create({
          type: 'PspUnmappedValue',
          message: 'guild 5411 is not mapped',
          nonRetryable: true,
          details: [{ text: { fa: 'صنف نگاشت نشده است.', en: 'The guild is not mapped.' } }],
        }),
      );
    }
    if (next === 'reject') {
      return Promise.resolve({
        outcome: 'rejected' as const,
        rejection: {
          code: 'A104',
          pspMessage: 'مالک شبا با پذیرنده یکی نیست',
          text: { fa: 'مالک شبا یکی نیست', en: 'Sheba owner mismatch' },
        },
      });
    }
    return Promise.resolve({ outcome: 'accepted' as const, trackingCode: `TRK-${w.calls.length}` });
  },
  pspVerdict(a) {
    const w = [...worlds.values()].find((x) => x.calls.some((c) => c.endsWith(a.key)))!;
    w.calls.push(`status:${a.trackingCode}`);
    (w.polledAt ??= []).push(Date.now());
    const v = w.verdicts.shift() ?? {
      state: 'approved' as const,
      trackingCode: a.trackingCode,
      merchantId: 'M1',
      terminalId: 'T1',
    };
    return Promise.resolve({ ...v, trackingCode: a.trackingCode });
  },
  allocateSerial(a) {
    const w = world(a.requestId);
    if (w.stock <= 0) {
      return Promise.reject(
        ApplicationFailure.create({
          type: 'NoStock',
          message: 'no stock',
          nonRetryable: true,
          details: [{ text: { fa: 'موجودی نیست', en: 'No stock' } }],
        }),
      );
    }
    const reserved = [...w.serials].find(([, s]) => s === 'reserved');
    if (reserved) return Promise.resolve({ serial: reserved[0], warehouseId: 'WH-ALPHA' });
    const serial = `SN-${w.stock}`;
    w.stock -= 1;
    w.serials.set(serial, 'reserved');
    w.calls.push(`allocate:${serial}`);
    return Promise.resolve({ serial, warehouseId: 'WH-ALPHA' });
  },
  releaseSerial(a) {
    const w = world(a.requestId);
    for (const [s, st] of w.serials) if (st === 'reserved') w.serials.set(s, 'free');
    w.stock += 1;
    w.calls.push('release');
    return Promise.resolve();
  },
  installSerial(a) {
    const w = world(a.requestId);
    for (const [s, st] of w.serials) if (st === 'reserved') w.serials.set(s, 'installed');
    w.calls.push('install');
    return Promise.resolve();
  },
  returnSerial(a) {
    world(a.requestId).calls.push(`return:${a.serial}`);
    return Promise.resolve();
  },
  serialOnTerminal: () => Promise.resolve('OLD-1'),
  terminalModel: () => Promise.resolve('pax-s90'),
  applyOutcome(a) {
    world(a.requestId).calls.push(`outcome:${a.step}`);
    const state = a.type === 'install' && a.step === 'main' ? 'awaiting_device' : a.type === 'collect' ? 'collected' : 'active';
    return Promise.resolve({ terminalId: a.terminalId ?? 'TERM-NEW', terminalState: state });
  },
};

let env: TestWorkflowEnvironment;
let stop: (() => Promise<void>) | undefined;
const taskQueue = `requests-test-${randomUUID()}`;

beforeAll(async () => {
  ({ env, stop } = await startWorkflowTestEnv(activities, taskQueue));
});

afterAll(async () => {
  await stop?.();
});

const PAYLOADS: Record<RequestType, RequestPayload> = {
  install: { merchantId: 'm1', shopId: 's1', accountId: 'a1', deviceModel: 'pax-s90' },
  define: { terminalId: 't1', deviceModel: 'pax-s90' },
  swap: { terminalId: 't1', reason: 'faulty' },
  account: { terminalId: 't1', accountId: 'a2' },
  merchant: { terminalId: 't1', changes: { shopNameFa: 'نان سنگک' } },
  collect: { terminalId: 't1', reason: 'merchant-cancelled' },
  reactivate: { terminalId: 't1', note: 'پرونده مالیاتی تشکیل شد' },
};

async function submit(
  type: RequestType,
  w: Partial<World> = {},
  timings: Partial<RequestInput['timings']> = {},
): Promise<WorkflowHandle<typeof requestWorkflow>> {
  const id = randomUUID();
  worlds.set(id, { verdicts: [], submissions: [], stock: 5, calls: [], serials: new Map(), ...w });
  const input: RequestInput = {
    id,
    number: `REQ-1405-${id.slice(0, 6)}`,
    type,
    agentId: ALPHA,
    pspCode: 'psp-a',
    submitter,
    payload: PAYLOADS[type],
    createdAt: new Date().toISOString(),
    timings: { pollIntervalMs: 50, pollMaxMs: 200, ...timings },
  };
  const handle = await env.client.workflow.start<typeof requestWorkflow>(REQUEST_WORKFLOW_TYPE, {
    workflowId: `request-${id}`,
    taskQueue,
    args: [input],
  });
  await handle.executeUpdate(submittedUpdate);
  return handle;
}

/** Waits until the workflow opened a task of `kind` and returns it. */
async function taskOf(h: WorkflowHandle<typeof requestWorkflow>, kind: RequestTask['kind']): Promise<RequestTask> {
  for (let i = 0; i < 200; i += 1) {
    const s = await h.query(getRequestQuery);
    const t = s.tasks.find((x) => x.closedAt === null && x.kind === kind);
    if (t) return t;
    await new Promise((r) => setTimeout(r, 50));
  }
  const s = await h.query(getRequestQuery);
  throw new Error(`no open ${kind} task; state ${s.state}, tasks ${JSON.stringify(s.tasks.map((t) => [t.kind, t.outcome]))}`);
}

const act = (h: WorkflowHandle<typeof requestWorkflow>, cmd: Omit<ActionCommand, 'taskId'> & { task: RequestTask }) =>
  h.executeUpdate(actionUpdate, { args: [{ ...cmd, taskId: cmd.task.id }] });

async function approveAll(h: WorkflowHandle<typeof requestWorkflow>): Promise<void> {
  await act(h, { action: 'approve', actor: alphaReviewer, task: await taskOf(h, 'review') });
  await act(h, { action: 'approve', actor: brokerApprover, task: await taskOf(h, 'approve') });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause.type ?? '';
    throw err;
  }
  throw new Error('the action was accepted');
}

describe('request workflow', () => {
  test('install: review, approval, PSP, serial from the warehouse, technician, device definition → done and active', async () => {
    const h = await submit('install');
    await approveAll(h);
    const install = await taskOf(h, 'install');
    let s = await h.query(getRequestQuery);
    expect(s.state).toBe('installing');
    expect(s.serial).toBe('SN-5');
    await act(h, { action: 'claim', actor: technician, task: install });
    await act(h, { action: 'confirm-install', actor: technician, task: install, reason: 'نصب شد' });
    s = await h.result();
    expect(s.state).toBe('done');
    const w = world(s.id);
    expect(w.calls.filter((c) => c.startsWith('submit:'))).toEqual([
      `submit:main:${s.id}-0`,
      `submit:defineDevice:${s.id}-device-1`,
    ]);
    expect(w.calls).toContain('install');
    expect(s.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'submitted',
        'approved',
        'psp_accepted',
        'psp_approved',
        'serial_allocated',
        'installed',
        'serial_installed',
        'done',
      ]),
    );
    // Every version reached the read model, in order.
    const versions = projected.get(s.id)!.map((x) => x.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions.at(-1)).toBe(s.version);

    if (process.env.SAVE_HISTORIES === '1') {
      const history = await h.fetchHistory();
      fs.writeFileSync(path.join(__dirname, 'histories', 'request-install-story.json'), historyToJSON(history));
    }
  });

  test.each<RequestType>(['define', 'swap', 'account', 'merchant', 'collect', 'reactivate'])(
    '%s: approvals then the PSP then the effects → done',
    async (type) => {
      const h = await submit(type);
      await approveAll(h);
      const s = await h.result();
      expect(s.state).toBe('done');
      const w = world(s.id);
      expect(w.calls).toContain('outcome:main');
      if (type === 'define' || type === 'swap') expect(w.calls).toContain('install');
      if (type === 'swap' || type === 'collect') expect(w.calls).toContain('return:OLD-1');
    },
  );

  test('return for correction, resubmit with new data, approved on the second round', async () => {
    const h = await submit('account');
    const review = await taskOf(h, 'review');
    expect(await refusal(act(h, { action: 'return', actor: alphaReviewer, task: review }))).toBe('REASON_REQUIRED');
    await act(h, { action: 'return', actor: alphaReviewer, task: review, reason: 'شبا اشتباه است' });
    const fix = await taskOf(h, 'correction');
    expect(fix.assignee?.id).toBe(submitter.id);
    expect((await h.query(getRequestQuery)).state).toBe('returned');
    await act(h, { action: 'resubmit', actor: submitter, task: fix, payload: { terminalId: 't1', accountId: 'a3' } });
    await approveAll(h);
    const s = await h.result();
    expect(s.state).toBe('done');
    expect(s.round).toBe(1);
    expect(s.payload).toEqual({ terminalId: 't1', accountId: 'a3' });
    expect(world(s.id).calls.find((c) => c.startsWith('submit:'))).toBe(`submit:main:${s.id}-1`);
  });

  test('a PSP business rejection returns the request to the submitter with the PSP message; the reserved serial is released', async () => {
    const h = await submit('swap', { submissions: ['reject'] });
    await approveAll(h);
    const fix = await taskOf(h, 'correction');
    expect(fix.problem?.code).toBe('PSP_REJECTED:A104');
    expect(fix.reason).toBe('مالک شبا با پذیرنده یکی نیست');
    const w = world((await h.query(getRequestQuery)).id);
    expect(w.calls).toContain('release');
    // Cancelled by the submitter at the correction stage: the request keeps why (as at any other stage).
    await act(h, { action: 'cancel', actor: submitter, task: fix, reason: 'پذیرنده حساب دیگری معرفی می‌کند' });
    const s = await h.result();
    expect(s.state).toBe('cancelled');
    expect(s.outcomeReason).toBe('پذیرنده حساب دیگری معرفی می‌کند');
  });

  test('an unmapped code parks the request for an operator; after retry it goes through', async () => {
    const h = await submit('collect', { submissions: ['unmapped'] });
    await approveAll(h);
    const fix = await taskOf(h, 'fix');
    expect(fix.agentId).toBe(BROKER);
    expect(fix.permission).toBe('requests.operate');
    expect(fix.problem?.code).toBe('PspUnmappedValue');
    expect((await h.query(getRequestQuery)).state).toBe('parked');
    expect(await refusal(act(h, { action: 'retry', actor: alphaReviewer, task: fix }))).toBe('NOT_YOUR_AGENT');
    await act(h, { action: 'retry', actor: brokerApprover, task: fix });
    expect((await h.result()).state).toBe('done');
  });

  test('a PSP that never answers: polls slow down, then the request parks for the operators; a retry asks again', async () => {
    const pending = { state: 'pending' as const, trackingCode: '' };
    const h = await submit(
      'account',
      { verdicts: Array.from({ length: 1000 }, () => pending) },
      { pollIntervalMs: 50, pollMaxMs: 100, slowPollAfterMs: 300, slowPollMs: 400, stalePspAfterMs: 1500 },
    );
    await approveAll(h);
    const fix = await taskOf(h, 'fix');
    expect(fix.agentId).toBe(BROKER);
    expect(fix.permission).toBe('requests.operate');
    expect(fix.problem?.code).toBe('PSP_NO_VERDICT');
    expect(fix.problem?.text.en).toContain('has not answered');
    let s = await h.query(getRequestQuery);
    expect(s.state).toBe('parked');
    const w = world(s.id);
    // Every 100 ms at most at first; once pending for 300 ms, never sooner than every 400 ms.
    const at = w.polledAt ?? [];
    expect(at.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i + 1 < at.length; i += 1) {
      if (at[i] - at[0] >= 300) expect(at[i + 1] - at[i]).toBeGreaterThanOrEqual(390);
    }
    expect(at.filter((t) => t - at[0] >= 300).length).toBeLessThanOrEqual(4);
    // The PSP answers at last: the operator's retry asks again and the request goes through.
    w.verdicts = [];
    await act(h, { action: 'retry', actor: brokerApprover, task: fix });
    s = await h.result();
    expect(s.state).toBe('done');
    expect(s.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['parked', 'retried', 'psp_approved']));
  });

  test('no stock parks an install at the requesting agency; it continues once a person retries', async () => {
    const h = await submit('install', { stock: 0 });
    await approveAll(h);
    const fix = await taskOf(h, 'fix');
    expect(fix.agentId).toBe(ALPHA);
    expect(fix.problem?.code).toBe('NoStock');
    world((await h.query(getRequestQuery)).id).stock = 2;
    await act(h, { action: 'retry', actor: alphaReviewer, task: fix });
    const install = await taskOf(h, 'install');
    await act(h, { action: 'confirm-install', actor: technician, task: install });
    expect((await h.result()).state).toBe('done');
  });

  test('SLA: warnings at 50 % and 80 %, then breach and escalation, all on the timeline', async () => {
    const h = await submit('reactivate', { sla: { warnMs: 300, criticalMs: 600, dueMs: 900 } });
    let review = await taskOf(h, 'review');
    for (let i = 0; i < 100 && !review.escalated; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      review = (await h.query(getRequestQuery)).tasks.find((t) => t.id === review.id)!;
    }
    worlds.get((await h.query(getRequestQuery)).id)!.sla = undefined;
    expect(review.sla).toBe('breached');
    expect(review.escalated).toBe(true);
    const types = (await h.query(getRequestQuery)).timeline.map((e) => e.type);
    expect(types.filter((t) => t === 'sla_warning')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['sla_breached', 'escalated']));
    await act(h, { action: 'reject', actor: alphaReviewer, task: review, reason: 'مدارک ناقص' });
    const s = await h.result();
    expect(s.state).toBe('rejected');
    expect(s.outcomeReason).toBe('مدارک ناقص');
  });

  test('refusals: another agency, a stale task, someone else’s claim, cancel by a non-submitter', async () => {
    const h = await submit('merchant');
    const review = await taskOf(h, 'review');
    expect(await refusal(act(h, { action: 'approve', actor: stranger, task: review }))).toBe('NOT_YOUR_AGENT');
    expect(await refusal(act(h, { action: 'approve', actor: submitter, task: review }))).toBe('MISSING_PERMISSION');
    const colleague = person('همکار', ALPHA, ['requests.review']);
    await act(h, { action: 'claim', actor: colleague, task: review });
    expect(await refusal(act(h, { action: 'approve', actor: alphaReviewer, task: review }))).toBe('TASK_TAKEN');
    // A supervisor can take it back and reassign it.
    await act(h, {
      action: 'reassign',
      actor: alphaReviewer,
      task: review,
      assignee: { id: alphaReviewer.id, displayName: alphaReviewer.displayName },
    });
    await act(h, { action: 'approve', actor: alphaReviewer, task: review });
    expect(await refusal(act(h, { action: 'approve', actor: alphaReviewer, task: review }))).toBe('TASK_STALE');
    const approve = await taskOf(h, 'approve');
    expect(await refusal(act(h, { action: 'cancel', actor: brokerApprover, task: approve }))).toBe('NOT_SUBMITTER');
    await act(h, { action: 'cancel', actor: submitter, task: approve, reason: 'دیگر لازم نیست' });
    const s = await h.result();
    expect(s.state).toBe('cancelled');
    expect(world(s.id).calls.filter((c) => c.startsWith('submit:'))).toHaveLength(0);
  });
});
