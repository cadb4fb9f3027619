import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from '../../activities/tickets';
import {
  type Actor,
  type PersonRef,
  type TicketAction,
  type TicketSnapshot,
  type TimelineEvent,
  factsOf,
  stateAfterMessage,
  whyNot,
} from '../../domain/tickets/ticket';
import {
  type ActorCommand,
  type MessageCommand,
  type RateCommand,
  type TicketInput,
  claimUpdate,
  closeUpdate,
  getTicketQuery,
  openedUpdate,
  postMessageUpdate,
  rateUpdate,
  releaseUpdate,
} from './definitions';

/** Short database work: retried until the database is back, so an accepted change is never lost. */
const { projectTicket } = proxyActivities<activities.TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['InvalidSnapshotError'],
  },
});

/**
 * A support ticket: open → (answered ⇄ waiting_for_support) → closed, then a rating window.
 * People act through updates whose validators apply the rule book in `domain/tickets`.
 */
export async function ticketWorkflow(input: TicketInput): Promise<TicketSnapshot> {
  const nowIso = (): string => new Date().toISOString();
  const person = (a: Actor): PersonRef => ({ id: a.id, displayName: a.displayName });
  const createdAt = nowIso();

  const t: TicketSnapshot = {
    id: input.id,
    number: input.number,
    agentId: input.agentId,
    requester: person(input.requester),
    categoryCode: input.categoryCode,
    subject: input.subject,
    priority: input.priority,
    state: 'open',
    assignee: null,
    escalated: false,
    firstResponseDueAt: new Date(Date.now() + input.timings.firstResponseSlaMs).toISOString(),
    firstRespondedAt: null,
    createdAt,
    updatedAt: createdAt,
    closedAt: null,
    closeReason: null,
    rating: null,
    messages: [],
    timeline: [],
    version: 0,
  };

  let projected = 0;
  let finished = false;

  const record = (type: TimelineEvent['type'], actor: PersonRef | null, data: Record<string, unknown> = {}): void => {
    t.timeline.push({ seq: t.timeline.length + 1, type, at: nowIso(), actor, data });
  };
  const addMessage = (
    actor: Actor,
    side: 'requester' | 'support',
    body: string,
    attachments: MessageCommand['attachments'],
  ): void => {
    const seq = t.messages.length + 1;
    t.messages.push({ id: `${t.id}-m${seq}`, seq, author: { ...person(actor), side }, body, attachments, createdAt: nowIso() });
  };
  /** Applies a change and resolves once the read model has it. */
  const commit = async (change: () => void): Promise<TicketSnapshot> => {
    change();
    t.version += 1;
    t.updatedAt = nowIso();
    const version = t.version;
    await condition(() => projected >= version);
    return t;
  };
  const validate = (action: TicketAction) => (cmd: ActorCommand) => {
    const reason = whyNot(action, factsOf(t), cmd.actor);
    if (reason) {
      throw ApplicationFailure.create({ type: reason.code, message: reason.text.en, details: [reason.text], nonRetryable: true });
    }
  };

  setHandler(getTicketQuery, () => t);

  setHandler(openedUpdate, async () => {
    await condition(() => projected >= 1);
    return t;
  });

  setHandler(
    claimUpdate,
    (cmd) =>
      commit(() => {
        t.assignee = person(cmd.actor);
        record('claimed', person(cmd.actor));
      }),
    { validator: validate('claim') },
  );

  setHandler(
    releaseUpdate,
    (cmd) =>
      commit(() => {
        const previous = t.assignee;
        t.assignee = null;
        record('released', person(cmd.actor), { previousAssignee: previous });
      }),
    { validator: validate('release') },
  );

  setHandler(
    postMessageUpdate,
    (cmd: MessageCommand) =>
      commit(() => {
        const side = cmd.actor.id === t.requester.id ? 'requester' : 'support';
        addMessage(cmd.actor, side, cmd.body, cmd.attachments);
        if (side === 'support') {
          if (!t.assignee) {
            t.assignee = person(cmd.actor);
            record('claimed', person(cmd.actor), { implicit: true });
          }
          t.firstRespondedAt ??= nowIso();
          record('answered', person(cmd.actor), { messageSeq: t.messages.length });
        } else {
          record('replied', person(cmd.actor), { messageSeq: t.messages.length });
        }
        t.state = stateAfterMessage(t.state, side);
      }),
    {
      validator: (cmd: MessageCommand) => validate(cmd.actor.id === t.requester.id ? 'reply' : 'answer')(cmd),
    },
  );

  setHandler(
    closeUpdate,
    (cmd) =>
      commit(() => {
        closeTicket('requester', person(cmd.actor));
      }),
    { validator: validate('close') },
  );

  setHandler(
    rateUpdate,
    (cmd: RateCommand) =>
      commit(() => {
        t.rating = { score: cmd.score, comment: cmd.comment };
        record('rated', person(cmd.actor), { score: cmd.score });
      }),
    {
      validator: (cmd: RateCommand) => {
        validate('rate')(cmd);
        if (!Number.isInteger(cmd.score) || cmd.score < 1 || cmd.score > 5) {
          throw ApplicationFailure.create({
            type: 'TICKET_RATING_OUT_OF_RANGE',
            message: 'The rating must be a whole number from 1 to 5.',
            details: [{ fa: 'امتیاز باید عددی صحیح از ۱ تا ۵ باشد.', en: 'The rating must be a whole number from 1 to 5.' }],
            nonRetryable: true,
          });
        }
      },
    },
  );

  function closeTicket(reason: 'requester' | 'auto', actor: PersonRef | null): void {
    t.state = 'closed';
    t.closedAt = nowIso();
    t.closeReason = reason;
    record('closed', actor, { reason });
  }

  // The projector writes every new version to the read model, one at a time, in order.
  const projector = (async () => {
    for (;;) {
      await condition(() => t.version > projected || finished);
      if (t.version <= projected) return;
      const version = t.version;
      await projectTicket(structuredCloneSnapshot(t));
      projected = version;
    }
  })();

  // Creation.
  addMessage(input.requester, 'requester', input.body, input.attachments);
  record('created', person(input.requester), { categoryCode: input.categoryCode, priority: input.priority });
  t.version = 1;

  // First-response SLA: on breach, escalate to the support supervisor.
  const sla = (async () => {
    const responded = await condition(
      () => t.firstRespondedAt !== null || t.state === 'closed',
      input.timings.firstResponseSlaMs,
    );
    if (!responded) {
      await commit(() => {
        t.escalated = true;
        record('sla_breached', null, { sla: 'first_response', dueAt: t.firstResponseDueAt });
        record('escalated', null, { toRole: 'support-supervisor' });
      });
    }
  })();

  // Conversation until closed; an answer left without reply for the quiet period closes it.
  while (t.state !== 'closed') {
    if (t.state === 'answered') {
      const messages = t.messages.length;
      const stirred = await condition(
        () => t.state !== 'answered' || t.messages.length !== messages,
        input.timings.autoCloseAfterMs,
      );
      if (!stirred) await commit(() => closeTicket('auto', null));
    } else {
      await condition(() => t.state === 'answered' || t.state === 'closed');
    }
  }

  await condition(() => t.rating !== null, input.timings.ratingWindowMs);
  await sla;
  await condition(allHandlersFinished);
  finished = true;
  await projector;
  return t;
}

/** A deep copy, so the activity input is a frozen picture of this version. */
function structuredCloneSnapshot(t: TicketSnapshot): TicketSnapshot {
  return JSON.parse(JSON.stringify(t)) as TicketSnapshot;
}
