import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type * as activities from '../../activities/requests';
import type { PspRejection, PspVerdict } from '../../domain/psp/adapter';
import {
  ALLOCATES_BEFORE_PSP,
  type ActionCommand,
  type PersonRef,
  type Problem,
  type RequestEventType,
  type RequestSnapshot,
  type RequestState,
  type RequestTask,
  type SwapPayload,
  type TaskKind,
  TASK_PERMISSION,
  type TaskOutcome,
  openTask,
  terminalOf,
  whyNot,
} from '../../domain/requests/model';
import type { Permission } from '../../domain/access';
import {
  DEFAULT_POLL_BOUNDS,
  type RequestInput,
  actionUpdate,
  getRequestQuery,
  pspPokeSignal,
  submittedUpdate,
} from './definitions';

/** Patch: slower polling after a day of a pending verdict, parked after `stalePspAfterMs` (2026-12). */
const PATCH_BOUNDED_POLLING = 'bounded-psp-polling';

/** Errors that stop a request until a person fixes something (then "retry" from the inbox). */
const PARKING_ERRORS = ['PspUnmappedValue', 'PspCredentialsUnavailable', 'PspAdapterMissing', 'PspServiceDisabled', 'NoStock'];

/**
 * Database work: retried until the database is back, so accepted work is never lost. These take
 * milliseconds; the timeout is how long a request waits after its worker died mid-activity (no
 * heartbeats), so it is kept short (bench/chaos.ts: 30 s made every worker crash cost 30 s per request).
 */
const db = proxyActivities<activities.RequestActivities>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: PARKING_ERRORS,
  },
});

/** PSP calls: idempotent by key at the PSP, so retrying after a lost answer registers nothing twice. */
const psp = proxyActivities<activities.RequestActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '2 minutes',
    nonRetryableErrorTypes: [...PARKING_ERRORS, 'PspBusinessRejection', 'RequestDataMissing'],
  },
});

/**
 * One request of any type (SPEC §2): approval up the agent tree, then the PSP, then the device and
 * terminal effects. People act through `actionUpdate` (validated by domain/requests rules); the
 * snapshot is projected into the read model after every change.
 */
export async function requestWorkflow(input: RequestInput): Promise<RequestSnapshot> {
  const nowIso = (): string => new Date().toISOString();
  const person = (a: PersonRef): PersonRef => ({ id: a.id, displayName: a.displayName });
  const at = nowIso();
  const r: RequestSnapshot = {
    id: input.id,
    number: input.number,
    type: input.type,
    agentId: input.agentId,
    pspCode: input.pspCode,
    submitter: person(input.submitter),
    payload: input.payload,
    state: 'in_review',
    round: 0,
    chain: [],
    terminalId: terminalOf(input.type, input.payload),
    merchantId: input.type === 'install' ? (input.payload as { merchantId: string }).merchantId : null,
    serial: null,
    psp: {
      key: null,
      operation: null,
      trackingCode: null,
      verdict: null,
      rejection: null,
      pspMerchantId: null,
      pspTerminalId: null,
    },
    tasks: [],
    timeline: [],
    outcomeReason: null,
    createdAt: input.createdAt,
    submittedAt: at,
    updatedAt: at,
    closedAt: null,
    version: 0,
  };

  let projected = 0;
  let finished = false;
  let pokes = 0;
  const watchers: Promise<void>[] = [];

  const record = (type: RequestEventType, actor: PersonRef | null, data: Record<string, unknown> = {}): void => {
    r.timeline.push({ seq: r.timeline.length + 1, type, at: nowIso(), actor: actor ? person(actor) : null, data });
  };
  /** Applies a change and resolves once the read model has it. */
  const commit = async (change: () => void): Promise<RequestSnapshot> => {
    change();
    r.version += 1;
    r.updatedAt = nowIso();
    const version = r.version;
    await condition(() => projected >= version);
    return r;
  };

  setHandler(getRequestQuery, () => r);
  setHandler(submittedUpdate, async () => {
    await condition(() => projected >= 1);
    return r;
  });
  setHandler(pspPokeSignal, () => {
    pokes += 1;
  });

  setHandler(actionUpdate, (cmd: ActionCommand) => commit(() => apply(cmd)), {
    validator: (cmd: ActionCommand) => {
      const reason = whyNot(r, cmd);
      if (reason) {
        throw ApplicationFailure.create({
          type: reason.code,
          message: reason.text.en,
          details: [{ text: reason.text, status: reason.status }],
          nonRetryable: true,
        });
      }
    },
  });

  function close(task: RequestTask, outcome: TaskOutcome, actor: PersonRef, reason: string | null = null): void {
    task.closedAt = nowIso();
    task.closedBy = person(actor);
    task.outcome = outcome;
    task.reason = reason;
  }

  function apply(cmd: ActionCommand): void {
    const task = openTask(r)!;
    const actor = person(cmd.actor);
    const reason = cmd.reason?.trim() || null;
    const base = { taskId: task.id, kind: task.kind, agentId: task.agentId };
    switch (cmd.action) {
      case 'claim':
        task.assignee = actor;
        record('claimed', actor, base);
        break;
      case 'release':
        record('released', actor, { ...base, previous: task.assignee });
        task.assignee = null;
        break;
      case 'reassign':
        task.assignee = person(cmd.assignee!);
        record('reassigned', actor, { ...base, to: task.assignee });
        break;
      case 'approve':
        close(task, 'approved', actor);
        record('approved', actor, base);
        break;
      case 'reject':
        close(task, 'rejected', actor, reason);
        record('rejected', actor, { ...base, reason });
        break;
      case 'return':
        close(task, 'returned', actor, reason);
        record('returned', actor, { ...base, reason });
        break;
      case 'resubmit':
        r.payload = cmd.payload!;
        r.round += 1;
        close(task, 'resubmitted', actor, reason);
        record('resubmitted', actor, { ...base, round: r.round });
        break;
      case 'cancel':
        close(task, 'cancelled', actor, reason);
        record('cancelled', actor, { ...base, reason });
        break;
      case 'retry':
        close(task, 'retried', actor, reason);
        record('retried', actor, base);
        break;
      case 'confirm-install':
        close(task, 'installed', actor, reason);
        record('installed', actor, { ...base, serial: r.serial, note: reason });
        break;
    }
  }

  /** Opens a task, watches its SLA, and resolves with it once someone closed it. */
  async function task(
    kind: TaskKind,
    agentId: string,
    state: RequestState,
    extra: { permission?: Permission; problem?: Problem; reason?: string | null } = {},
  ): Promise<RequestTask> {
    const plan = await db.planSla({ type: r.type, kind, openedAt: nowIso() });
    const seq = r.tasks.length + 1;
    const t: RequestTask = {
      id: `${r.id}.t${seq}`,
      seq,
      kind,
      agentId,
      permission: extra.permission ?? TASK_PERMISSION[kind],
      assignee: kind === 'correction' ? person(r.submitter) : null,
      createdAt: nowIso(),
      warnAt: plan?.warnAt ?? null,
      criticalAt: plan?.criticalAt ?? null,
      dueAt: plan?.dueAt ?? null,
      sla: plan ? 'ok' : 'none',
      escalated: false,
      closedAt: null,
      closedBy: null,
      outcome: null,
      reason: extra.reason ?? null,
      problem: extra.problem ?? null,
    };
    await commit(() => {
      r.state = state;
      r.tasks.push(t);
      record('task_opened', null, { taskId: t.id, kind, agentId, dueAt: t.dueAt, problem: t.problem?.code ?? null });
    });
    if (plan) watchers.push(watchSla(t, plan));
    await condition(() => t.closedAt !== null);
    return t;
  }

  async function watchSla(t: RequestTask, plan: { warnAt: string; criticalAt: string; dueAt: string }): Promise<void> {
    const marks = [
      { at: plan.warnAt, sla: 'warning', percent: 50 },
      { at: plan.criticalAt, sla: 'critical', percent: 80 },
      { at: plan.dueAt, sla: 'breached', percent: 100 },
    ] as const;
    for (const mark of marks) {
      const closed = await condition(() => t.closedAt !== null, Math.max(1, Date.parse(mark.at) - Date.now()));
      if (closed) return;
      await commit(() => {
        t.sla = mark.sla;
        if (mark.sla === 'breached') {
          t.escalated = true;
          record('sla_breached', null, { taskId: t.id, kind: t.kind, dueAt: t.dueAt });
          record('escalated', null, { taskId: t.id, agentId: t.agentId, toPermission: 'requests.supervise' });
        } else {
          record('sla_warning', null, { taskId: t.id, kind: t.kind, percent: mark.percent, dueAt: t.dueAt });
        }
      });
    }
  }

  /** The problem a parking error describes, or null for anything else. */
  function problemOf(err: unknown): Problem | null {
    const cause = err instanceof ActivityFailure ? err.cause : err;
    if (!(cause instanceof ApplicationFailure) || !cause.type || !PARKING_ERRORS.includes(cause.type)) return null;
    const details = (cause.details?.[0] ?? {}) as Record<string, unknown>;
    const text = (details.text as Problem['text'] | undefined) ?? { fa: cause.message, en: cause.message };
    return { code: cause.type, text, details };
  }

  /** Runs a step; a parking error opens a fix task and the step is tried again after "retry". */
  async function unblocked<T>(step: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await step();
      } catch (err) {
        const problem = problemOf(err);
        if (!problem) throw err;
        // No stock is the requesting agency's to fix; everything else is the main broker's operators'.
        const own = problem.code === 'NoStock';
        await commit(() => record('parked', null, { problem: problem.code, text: problem.text }));
        await task('fix', own ? r.agentId : await db.brokerAgentId(), 'parked', {
          permission: own ? 'requests.review' : 'requests.operate',
          problem,
        });
        await commit(() => {
          r.state = 'at_psp';
        });
      }
    }
  }

  async function finish(state: 'done' | 'rejected' | 'cancelled', reason: string | null): Promise<RequestSnapshot> {
    await commit(() => {
      r.state = state;
      r.outcomeReason = reason;
      r.closedAt = nowIso();
      record('done', null, { state, reason });
    });
    await Promise.all(watchers);
    await condition(allHandlersFinished);
    finished = true;
    await projector;
    return r;
  }

  /** The correction round: the submitter fixes and resubmits, or cancels (with the reason they gave, if any). */
  async function correction(
    reason: string | null,
    problem: Problem | null,
  ): Promise<{ resubmitted: true } | { resubmitted: false; reason: string | null }> {
    const t = await task('correction', r.agentId, 'returned', { reason, problem: problem ?? undefined });
    return t.outcome === 'resubmitted' ? { resubmitted: true } : { resubmitted: false, reason: t.reason };
  }

  /** Polls for the verdict; a callback (poke) since `pokesBefore` — even one that came early — polls at once. */
  async function awaitVerdict(trackingCode: string, key: string, pokesBefore: number): Promise<PspVerdict> {
    const bounds = { ...DEFAULT_POLL_BOUNDS, ...input.timings };
    let wait = input.timings.pollIntervalMs;
    let seen = pokesBefore;
    let since = Date.now();
    for (;;) {
      await condition(() => pokes > seen, wait);
      seen = pokes;
      wait = Math.min(wait * 2, input.timings.pollMaxMs);
      const verdict = await psp.pspVerdict({ key, agentId: r.agentId, pspCode: r.pspCode, trackingCode });
      if (verdict.state !== 'pending') return verdict;
      // A PSP that does not answer must not grow the history without end: poll less often after a
      // day, and after `stalePspAfterMs` hand the request to the operators (callbacks still wake it).
      const pending = Date.now() - since;
      if (pending < bounds.slowPollAfterMs || !patched(PATCH_BOUNDED_POLLING)) continue;
      wait = Math.max(wait, bounds.slowPollMs);
      if (pending < bounds.stalePspAfterMs) continue;
      const days = Math.max(1, Math.round(pending / 86_400_000));
      const problem: Problem = {
        code: 'PSP_NO_VERDICT',
        text: {
          fa: `PSP پس از ${days} روز هنوز پاسخی به این درخواست (کد رهگیری ${trackingCode}) نداده است؛ وضعیت را نزد PSP بررسی کنید و دوباره بپرسید.`,
          en: `The PSP has not answered this request (tracking code ${trackingCode}) after ${days} days; check with the PSP and ask again.`,
        },
        details: { trackingCode, pendingMs: pending },
      };
      await commit(() => record('parked', null, { problem: problem.code, text: problem.text }));
      await task('fix', await db.brokerAgentId(), 'parked', { permission: 'requests.operate', problem });
      await commit(() => {
        r.state = 'at_psp';
      });
      since = Date.now();
      wait = input.timings.pollIntervalMs;
    }
  }

  /** One submission to the PSP and its verdict; a rejection comes back as data. */
  async function atPsp(
    operation: 'main' | 'defineDevice',
    key: string,
  ): Promise<{ ok: true; verdict: PspVerdict & { state: 'approved' } } | { ok: false; rejection: PspRejection }> {
    const pokesBefore = pokes;
    const sub = await unblocked(() =>
      psp.submitToPsp({
        requestId: r.id,
        key,
        operation,
        type: r.type,
        agentId: r.agentId,
        pspCode: r.pspCode,
        payload: r.payload,
        serial: r.serial,
        terminalId: r.terminalId,
      }),
    );
    if (sub.outcome === 'rejected') {
      await commit(() => {
        r.psp = { ...r.psp, key, operation, trackingCode: null, verdict: 'rejected', rejection: sub.rejection };
        record('psp_rejected', null, { key, operation, code: sub.rejection.code, pspMessage: sub.rejection.pspMessage });
      });
      return { ok: false, rejection: sub.rejection };
    }
    await commit(() => {
      r.psp = { ...r.psp, key, operation, trackingCode: sub.trackingCode, verdict: 'pending', rejection: null };
      record('psp_accepted', null, { key, operation, trackingCode: sub.trackingCode });
    });
    const verdict = await awaitVerdict(sub.trackingCode, key, pokesBefore);
    if (verdict.state === 'rejected') {
      await commit(() => {
        r.psp = { ...r.psp, verdict: 'rejected', rejection: verdict.rejection };
        record('psp_rejected', null, {
          key,
          operation,
          trackingCode: sub.trackingCode,
          code: verdict.rejection.code,
          pspMessage: verdict.rejection.pspMessage,
        });
      });
      return { ok: false, rejection: verdict.rejection };
    }
    if (verdict.state !== 'approved') throw new Error('unreachable: pending verdict');
    await commit(() => {
      r.psp = {
        ...r.psp,
        verdict: 'approved',
        pspMerchantId: verdict.merchantId ?? r.psp.pspMerchantId,
        pspTerminalId: verdict.terminalId ?? r.psp.pspTerminalId,
      };
      record('psp_approved', null, {
        key,
        operation,
        trackingCode: sub.trackingCode,
        merchantId: verdict.merchantId,
        terminalId: verdict.terminalId,
      });
    });
    return { ok: true, verdict };
  }

  async function allocate(deviceModel: string, serial?: string): Promise<void> {
    const a = await unblocked(() => db.allocateSerial({ requestId: r.id, agentId: r.agentId, deviceModel, serial }));
    await commit(() => {
      r.serial = a.serial;
      record('serial_allocated', null, { serial: a.serial, warehouseId: a.warehouseId });
    });
  }

  async function release(): Promise<void> {
    if (!r.serial) return;
    await db.releaseSerial({ requestId: r.id });
    await commit(() => {
      record('serial_released', null, { serial: r.serial });
      r.serial = null;
    });
  }

  /** The PSP phase and the device/terminal effects: 'done', or a rejection for the submitter. */
  async function carryOut(): Promise<
    | { done: true }
    | { done: false; cancelled: true; reason: string | null }
    | { done: false; cancelled?: false; rejection: PspRejection }
  > {
    await commit(() => {
      r.state = 'at_psp';
    });
    const p = r.payload as { deviceModel?: string; serial?: string; terminalId?: string };
    let oldSerial: string | null = null;
    if (ALLOCATES_BEFORE_PSP.has(r.type)) {
      if (r.type === 'swap') oldSerial = await db.serialOnTerminal({ terminalId: r.terminalId! });
      const model = p.deviceModel ?? (await db.terminalModel({ terminalId: r.terminalId! }));
      await allocate(model, p.serial);
    }
    const main = await atPsp('main', `${r.id}-${r.round}`);
    if (!main.ok) {
      await release(); // compensation: the reserved device goes back to the shelf
      return { done: false, rejection: main.rejection };
    }
    const outcome = await db.applyOutcome({
      requestId: r.id,
      type: r.type,
      step: 'main',
      agentId: r.agentId,
      pspCode: r.pspCode,
      payload: r.payload,
      serial: r.serial,
      terminalId: r.terminalId,
      pspMerchantId: r.psp.pspMerchantId,
      pspTerminalId: r.psp.pspTerminalId,
    });
    await commit(() => {
      r.terminalId = outcome.terminalId;
      record('terminal_updated', null, { terminalId: outcome.terminalId, state: outcome.terminalState });
    });

    if (r.type === 'define' || r.type === 'swap') {
      // The old device comes off the terminal (back to the requester's warehouse) before the new one goes on.
      if (r.type === 'swap' && oldSerial) {
        await unblocked(() =>
          db.returnSerial({ requestId: r.id, serial: oldSerial, terminalId: r.terminalId!, agentId: r.agentId }),
        );
        await commit(() =>
          record('serial_returned', null, {
            serial: oldSerial,
            terminalId: r.terminalId,
            reason: (r.payload as SwapPayload).reason,
          }),
        );
      }
      await unblocked(() => db.installSerial({ requestId: r.id, terminalId: r.terminalId! }));
      await commit(() => record('serial_installed', null, { serial: r.serial, terminalId: r.terminalId }));
    }
    if (r.type === 'collect') {
      const serial = await db.serialOnTerminal({ terminalId: r.terminalId! });
      if (serial) {
        await unblocked(() => db.returnSerial({ requestId: r.id, serial, terminalId: r.terminalId!, agentId: r.agentId }));
        await commit(() => record('serial_returned', null, { serial, terminalId: r.terminalId }));
      }
    }
    if (r.type === 'install') {
      // A device from the requester's warehouse, a technician on site, then the PSP binds it.
      for (let attempt = 1; ; attempt += 1) {
        await allocate((r.payload as { deviceModel: string }).deviceModel);
        const installation = await task('install', r.agentId, 'installing');
        if (installation.outcome === 'cancelled') {
          // The terminal stays registered at the PSP, waiting for a device (a later "define" request);
          // the reserved device goes back to the shelf.
          await release();
          return { done: false, cancelled: true, reason: installation.reason };
        }
        await commit(() => {
          r.state = 'at_psp';
        });
        const device = await atPsp('defineDevice', `${r.id}-device-${attempt}`);
        if (device.ok) break;
        await release();
        await task('fix', r.agentId, 'parked', {
          permission: 'requests.review',
          problem: {
            code: 'PSP_DEVICE_REJECTED',
            text: device.rejection.text,
            details: { code: device.rejection.code, pspMessage: device.rejection.pspMessage },
          },
        });
      }
      await unblocked(() => db.installSerial({ requestId: r.id, terminalId: r.terminalId! }));
      const active = await db.applyOutcome({
        requestId: r.id,
        type: r.type,
        step: 'device',
        agentId: r.agentId,
        pspCode: r.pspCode,
        payload: r.payload,
        serial: r.serial,
        terminalId: r.terminalId,
        pspMerchantId: r.psp.pspMerchantId,
        pspTerminalId: r.psp.pspTerminalId,
      });
      await commit(() => {
        record('serial_installed', null, { serial: r.serial, terminalId: r.terminalId });
        record('terminal_updated', null, { terminalId: r.terminalId, state: active.terminalState });
      });
    }
    return { done: true };
  }

  // The projector writes every new version to the read model, one at a time, in order.
  const projector = (async () => {
    for (;;) {
      await condition(() => r.version > projected || finished);
      if (r.version <= projected) return;
      const version = r.version;
      await db.projectRequest(JSON.parse(JSON.stringify(r)) as RequestSnapshot);
      projected = version;
    }
  })();

  // Submission.
  record('submitted', r.submitter, { type: r.type, pspCode: r.pspCode });
  r.version = 1;

  for (;;) {
    r.chain = await db.planApproval({ agentId: r.agentId, pspCode: r.pspCode });
    let decision: TaskOutcome = 'approved';
    let reason: string | null = null;
    for (const stage of r.chain) {
      const t = await task(stage.kind, stage.agentId, 'in_review');
      decision = t.outcome!;
      reason = t.reason;
      if (decision !== 'approved') break;
    }
    if (decision === 'rejected') return finish('rejected', reason);
    if (decision === 'cancelled') return finish('cancelled', reason);
    if (decision === 'returned') {
      const round = await correction(reason, null);
      if (!round.resubmitted) return finish('cancelled', round.reason);
      continue;
    }
    const result = await carryOut();
    if (result.done) return finish('done', null);
    if (result.cancelled) return finish('cancelled', result.reason);
    const problem: Problem = {
      code: `PSP_REJECTED:${result.rejection.code}`,
      text: result.rejection.text,
      details: { code: result.rejection.code, pspMessage: result.rejection.pspMessage },
    };
    const round = await correction(result.rejection.pspMessage, problem);
    if (!round.resubmitted) return finish('cancelled', round.reason);
  }
}
