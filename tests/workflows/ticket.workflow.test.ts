import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TicketActivities } from '../../activities/tickets';
import type { Permission } from '../../domain/access';
import type { Actor, TicketSnapshot } from '../../domain/tickets/ticket';
import {
  TICKET_WORKFLOW_TYPE,
  type TicketInput,
  type TicketTimings,
  claimUpdate,
  closeUpdate,
  getTicketQuery,
  openedUpdate,
  postMessageUpdate,
  rateUpdate,
  releaseUpdate,
} from '../../workflows/tickets/definitions';
import type { ticketWorkflow } from '../../workflows/tickets/ticket.workflow';
import { startWorkflowTestEnv } from '../helpers/workflow-env';

const person = (name: string, permissions: Permission[], agentId = 'agent-alpha'): Actor => ({
  id: randomUUID(),
  displayName: name,
  agentId,
  permissions,
});
const requester = person('علی محمدی', ['tickets.create', 'tickets.read-own']);
const supporter = person('سارا رضایی', ['tickets.inbox', 'tickets.answer', 'tickets.read-all'], 'broker');
const otherSupporter = person('رضا کریمی', ['tickets.inbox', 'tickets.answer', 'tickets.read-all'], 'broker');
const supervisor = person('مریم احمدی', ['tickets.inbox', 'tickets.answer', 'tickets.read-all', 'tickets.escalations'], 'broker');

const LONG: TicketTimings = { firstResponseSlaMs: 3_600_000, autoCloseAfterMs: 3_600_000, ratingWindowMs: 3_600_000 };

let env: TestWorkflowEnvironment;
let stop: (() => Promise<void>) | undefined;
const taskQueue = `tickets-test-${randomUUID()}`;
/** Every snapshot the workflow projected, by ticket id: the mocked read model. */
const projected = new Map<string, TicketSnapshot[]>();

const activities: TicketActivities = {
  projectTicket(snapshot) {
    const list = projected.get(snapshot.id) ?? [];
    list.push(snapshot);
    projected.set(snapshot.id, list);
    return Promise.resolve();
  },
};

beforeAll(async () => {
  ({ env, stop } = await startWorkflowTestEnv(activities, taskQueue));
});

afterAll(async () => {
  await stop?.();
});

async function openTicket(timings: TicketTimings = LONG): Promise<WorkflowHandle<typeof ticketWorkflow>> {
  const id = randomUUID();
  const input: TicketInput = {
    id,
    number: `TK-1405-${id.slice(0, 6)}`,
    agentId: requester.agentId,
    requester,
    categoryCode: 'technical',
    subject: 'کارتخوان روشن نمی‌شود',
    body: 'از صبح امروز دستگاه روشن نمی‌شود.',
    priority: 'normal',
    attachments: [],
    timings,
  };
  const handle = await env.client.workflow.start<typeof ticketWorkflow>(TICKET_WORKFLOW_TYPE, {
    workflowId: `ticket-${id}`,
    taskQueue,
    args: [input],
  });
  await handle.executeUpdate(openedUpdate);
  return handle;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) return err.cause.type ?? '';
    throw err;
  }
  throw new Error('expected the update to be refused');
}

const lastProjection = (id: string): TicketSnapshot => {
  const list = projected.get(id) ?? [];
  return list[list.length - 1];
};

describe('ticket workflow', () => {
  test('when a ticket is opened, then the read model gets it open, with the first message and a due first response', async () => {
    const handle = await openTicket();
    const t = lastProjection(handle.workflowId.replace('ticket-', ''));
    expect(t.state).toBe('open');
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0].author.side).toBe('requester');
    expect(t.timeline.map((e) => e.type)).toEqual(['created']);
    expect(Date.parse(t.firstResponseDueAt!) - Date.parse(t.createdAt)).toBe(LONG.firstResponseSlaMs);
    await handle.terminate();
  });

  test('when support answers and the requester replies, closes and rates, then the ticket walks every state and completes', async () => {
    const handle = await openTicket();
    let t = await handle.executeUpdate(claimUpdate, { args: [{ actor: supporter }] });
    expect(t.assignee?.id).toBe(supporter.id);

    t = await handle.executeUpdate(postMessageUpdate, {
      args: [{ actor: supporter, body: 'لطفاً باتری را بررسی کنید.', attachments: [] }],
    });
    expect(t.state).toBe('answered');
    expect(t.firstRespondedAt).not.toBeNull();

    t = await handle.executeUpdate(postMessageUpdate, { args: [{ actor: requester, body: 'باتری سالم است.', attachments: [] }] });
    expect(t.state).toBe('waiting_for_support');

    t = await handle.executeUpdate(postMessageUpdate, {
      args: [{ actor: supporter, body: 'دستگاه جایگزین فرستاده شد.', attachments: [] }],
    });
    expect(t.state).toBe('answered');

    t = await handle.executeUpdate(closeUpdate, { args: [{ actor: requester }] });
    expect(t.state).toBe('closed');
    expect(t.closeReason).toBe('requester');

    t = await handle.executeUpdate(rateUpdate, { args: [{ actor: requester, score: 5, comment: 'عالی' }] });
    expect(t.rating).toEqual({ score: 5, comment: 'عالی' });

    const final = await handle.result();
    expect(final.timeline.map((e) => e.type)).toEqual([
      'created',
      'claimed',
      'answered',
      'replied',
      'answered',
      'closed',
      'rated',
    ]);
    expect(final.messages.map((m) => m.author.side)).toEqual(['requester', 'support', 'requester', 'support']);
    // The read model saw the last version.
    expect(lastProjection(final.id).version).toBe(final.version);
    expect(lastProjection(final.id).rating?.score).toBe(5);

    // `SAVE_HISTORIES=1` refreshes the history the replay test guards (only after a deliberate change).
    if (process.env.SAVE_HISTORIES === '1') {
      const history = await handle.fetchHistory();
      fs.writeFileSync(path.join(__dirname, 'histories', 'ticket-full-story.json'), historyToJSON(history));
    }
  });

  test('when nobody answers within the first-response SLA, then the ticket is escalated to the support supervisor and it is recorded', async () => {
    const handle = await openTicket({ ...LONG, firstResponseSlaMs: 1500 });
    const id = handle.workflowId.replace('ticket-', '');
    await waitFor(() => lastProjection(id)?.escalated === true, 15_000);
    const t = lastProjection(id);
    const types = t.timeline.map((e) => e.type);
    expect(types).toEqual(['created', 'sla_breached', 'escalated']);
    expect(t.timeline[2].data).toEqual({ toRole: 'support-supervisor' });
    expect(t.state).toBe('open');
    await handle.terminate();
  });

  test('when support answers in time, then the SLA does not fire', async () => {
    const handle = await openTicket({ ...LONG, firstResponseSlaMs: 1500 });
    await handle.executeUpdate(postMessageUpdate, { args: [{ actor: supporter, body: 'در حال بررسی هستیم.', attachments: [] }] });
    await sleep(2500);
    const t = await handle.query(getTicketQuery);
    expect(t.escalated).toBe(false);
    expect(t.timeline.map((e) => e.type)).not.toContain('sla_breached');
    await handle.terminate();
  });

  test('when the requester stays quiet after an answer, then the ticket closes itself after the quiet period', async () => {
    const handle = await openTicket({ ...LONG, autoCloseAfterMs: 1500, ratingWindowMs: 500 });
    await handle.executeUpdate(postMessageUpdate, { args: [{ actor: supporter, body: 'مشکل برطرف شد.', attachments: [] }] });
    const final = await handle.result();
    expect(final.state).toBe('closed');
    expect(final.closeReason).toBe('auto');
    const closed = final.timeline.find((e) => e.type === 'closed');
    expect(closed?.actor).toBeNull();
    expect(closed?.data).toEqual({ reason: 'auto' });
    expect(lastProjection(final.id).state).toBe('closed');
  });

  test('when the requester replies within the quiet period, then the ticket stays open for support', async () => {
    const handle = await openTicket({ ...LONG, autoCloseAfterMs: 2000 });
    await handle.executeUpdate(postMessageUpdate, {
      args: [{ actor: supporter, body: 'لطفاً سریال را بفرستید.', attachments: [] }],
    });
    await handle.executeUpdate(postMessageUpdate, { args: [{ actor: requester, body: 'سریال: 12345678', attachments: [] }] });
    await sleep(3000);
    expect((await handle.query(getTicketQuery)).state).toBe('waiting_for_support');
    await handle.terminate();
  });

  test('when people act outside their role or the state, then the validators refuse with a stable code and nothing changes', async () => {
    const handle = await openTicket();
    const before = await handle.query(getTicketQuery);

    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [{ actor: requester }] }))).toBe('TICKET_SUPPORT_ONLY');
    expect(await refusal(handle.executeUpdate(closeUpdate, { args: [{ actor: supporter }] }))).toBe('TICKET_REQUESTER_ONLY');
    expect(await refusal(handle.executeUpdate(rateUpdate, { args: [{ actor: requester, score: 4, comment: null }] }))).toBe(
      'TICKET_NOT_CLOSED',
    );
    expect(await refusal(handle.executeUpdate(releaseUpdate, { args: [{ actor: supporter }] }))).toBe('TICKET_NOT_CLAIMED');

    await handle.executeUpdate(claimUpdate, { args: [{ actor: supporter }] });
    expect(await refusal(handle.executeUpdate(claimUpdate, { args: [{ actor: otherSupporter }] }))).toBe('TICKET_HELD_BY_OTHER');
    expect(
      await refusal(
        handle.executeUpdate(postMessageUpdate, { args: [{ actor: otherSupporter, body: 'من جواب می‌دهم', attachments: [] }] }),
      ),
    ).toBe('TICKET_HELD_BY_OTHER');
    // A supervisor may take over.
    const taken = await handle.executeUpdate(claimUpdate, { args: [{ actor: supervisor }] });
    expect(taken.assignee?.id).toBe(supervisor.id);

    const after = await handle.query(getTicketQuery);
    expect(after.messages).toHaveLength(before.messages.length);
    await handle.executeUpdate(closeUpdate, { args: [{ actor: requester }] });
    expect(await refusal(handle.executeUpdate(rateUpdate, { args: [{ actor: requester, score: 6, comment: null }] }))).toBe(
      'TICKET_RATING_OUT_OF_RANGE',
    );
    expect(await refusal(handle.executeUpdate(closeUpdate, { args: [{ actor: requester }] }))).toBe('TICKET_CLOSED');
    await handle.terminate();
  });

  test('when a refused update is reported, then it carries the Persian and English text', async () => {
    const handle = await openTicket();
    try {
      await handle.executeUpdate(claimUpdate, { args: [{ actor: requester }] });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect(cause.details?.[0]).toEqual({ fa: 'این کار تنها از پشتیبان‌ها برمی‌آید.', en: 'Only support staff can do this.' });
    }
    await handle.terminate();
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(100);
  }
}
