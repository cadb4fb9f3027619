import { randomUUID } from 'node:crypto';
import { type Client, WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Op, type Transaction } from 'sequelize';
import type { z } from 'zod';
import type { Database } from '../../../db';
import { appendAudit } from '../../../db/audit';
import { type RequestRecord, type TerminalRecord, createRequestRepository, toTask } from '../../../db/repositories/requests';
import { REQUEST_DOCUMENT_PURPOSE, createRequestDocumentRepository } from '../../../db/repositories/request-documents';
import { parseCallText } from '../../../db/repositories/psp';
import { readSetting, writeSetting } from '../../../db/repositories/settings';
import { toCsv } from '../../../domain/csv';
import { bi, type Bilingual } from '../../../domain/i18n';
import { formatJalali, jalaliDate } from '../../../domain/jalali';

/** An instant as people in Tehran read it: Jalali day and HH:MM. */
const stamp = (isoInstant: string): string => {
  const d = new Date(isoInstant);
  const hm = new Date(d.getTime() + 210 * 60_000).toISOString().slice(11, 16);
  return `${formatJalali(jalaliDate(d))} ${hm}`;
};
import {
  type ActionCommand,
  DEFAULT_SLA_POLICY,
  IDLE_STATES,
  MAX_REQUEST_DOCUMENTS,
  type RequestPayload,
  type RequestTask,
  type RequestType,
  type SlaPolicy,
  allowedActions,
  documentsLocked,
  terminalOf,
  whyNoDocumentChange,
  whyNot,
} from '../../../domain/requests/model';
import { REQUEST_SLA_KEY, REVIEW_STEP_KEY } from '../../../domain/requests/settings';
import {
  REQUEST_WORKFLOW_TYPE,
  type RequestTimings,
  actionUpdate,
  pspPokeSignal,
  requestWorkflowId,
  submittedUpdate,
} from '../../../workflows/requests/definitions';
import type { requestWorkflow } from '../../../workflows/requests/request.workflow';
import type { AuthContext } from '../../lib/auth';
import { assertInBaseData } from '../../lib/basedata-refs';
import { checkDocumentUpload } from '../../lib/document-types';
import { AppError, fieldErrorFromIssue, type FieldError } from '../../lib/errors';
import { assertInSubtree, visibleAgentIds } from '../../lib/scope';
import { storeFile } from '../../lib/uploads';
import type { AgentDirectory } from '../agents/agents.repository';
import {
  type ActionBody,
  type BulkBody,
  type CreateRequestBody,
  type InboxQuery,
  type ListRequestsQuery,
  PAYLOAD_SCHEMAS,
  type SavedFilterBody,
  type TerminalsQuery,
  type UpdateDraftBody,
} from './requests.schemas';

export interface RequestServiceDeps {
  db: Database;
  agents: AgentDirectory;
  temporal: Client;
  taskQueue: string;
  timings: RequestTimings;
}

/** Bulk inbox actions in flight at once (each is a workflow update). */
const BULK_CONCURRENCY = 8;

const NOT_FOUND = bi('درخواست یافت نشد.', 'Request not found.');
const DOCUMENT_NOT_FOUND = bi('مدرک یافت نشد.', 'Document not found.');
const TERMINAL_NOT_FOUND = bi('پایانه یافت نشد.', 'Terminal not found.');

/** Terminal states each request type may start from. */
const TERMINAL_STATES_FOR: Record<Exclude<RequestType, 'install'>, readonly string[]> = {
  define: ['awaiting_device'],
  swap: ['active'],
  account: ['active', 'deactivated'],
  merchant: ['active', 'deactivated'],
  collect: ['active', 'deactivated', 'awaiting_device'],
  reactivate: ['deactivated', 'active'],
};

const dayStart = (v?: string): Date | undefined => (v ? new Date(v.length === 10 ? `${v}T00:00:00+03:30` : v) : undefined);
const dayEnd = (v?: string): Date | undefined =>
  v ? new Date(v.length === 10 ? new Date(`${v}T00:00:00+03:30`).getTime() + 86_400_000 : Date.parse(v)) : undefined;

/** Request use cases: drafts in the database, everything after submission in the request workflow. */
export function createRequestService(deps: RequestServiceDeps) {
  const { db, agents, temporal } = deps;
  const m = db.models;
  const repo = createRequestRepository(db);
  const documents = createRequestDocumentRepository(db);

  async function canSee(auth: AuthContext, r: { agentId: string; submitter: { id: string } }): Promise<boolean> {
    if (auth.permissions.includes('requests.read-all')) return true;
    if (r.submitter.id === auth.user.id) return true;
    if (!auth.permissions.includes('requests.read')) return false;
    if (auth.agent.isBroker) return true;
    return (await agents.subtreeIds(auth.agent.id)).includes(r.agentId);
  }

  async function visible(auth: AuthContext, id: string): Promise<RequestRecord> {
    const r = await repo.find(id);
    if (!r || !(await canSee(auth, r))) throw AppError.notFound(NOT_FOUND);
    return r;
  }

  /** Parses a payload with its type's schema; field paths are prefixed with `payload.`. */
  function parsePayload(type: RequestType, raw: unknown, partial: boolean): RequestPayload {
    const schema = PAYLOAD_SCHEMAS[type];
    const parsed = partial ? (schema as z.ZodObject).partial().safeParse(raw) : schema.safeParse(raw);
    if (!parsed.success) {
      throw AppError.validation(
        parsed.error.issues.map((i) => {
          const f = fieldErrorFromIssue(i);
          return { ...f, field: `payload.${f.field}`.replace(/\.$/, '') };
        }),
      );
    }
    return parsed.data as RequestPayload;
  }

  /** Everything a submission refers to exists, is visible, and fits the terminal's state. */
  async function checkSubmission(
    auth: AuthContext,
    type: RequestType,
    pspCode: string,
    payload: RequestPayload,
    requestId?: string,
  ) {
    const fail = (field: string, code: string, message: Bilingual): never => {
      throw AppError.validation([{ field, code, message }]);
    };
    await assertInBaseData(db, [{ kind: 'psp', code: pspCode, field: 'pspCode' }]);
    if (type === 'install') {
      const p = payload as z.output<(typeof PAYLOAD_SCHEMAS)['install']>;
      const merchant = await m.Merchant.findByPk(p.merchantId);
      if (!merchant) return fail('payload.merchantId', 'not_found', bi('پذیرنده یافت نشد.', 'Merchant not found.'));
      await assertInSubtree(agents, auth, merchant.agentId, bi('پذیرنده یافت نشد.', 'Merchant not found.'));
      const shop = await m.MerchantShop.findByPk(p.shopId);
      if (shop?.merchantId !== merchant.id)
        fail(
          'payload.shopId',
          'not_of_merchant',
          bi('این فروشگاه متعلق به این پذیرنده نیست.', 'This shop does not belong to the merchant.'),
        );
      const account = await m.MerchantAccount.findByPk(p.accountId);
      if (account?.merchantId !== merchant.id)
        fail(
          'payload.accountId',
          'not_of_merchant',
          bi('این حساب متعلق به این پذیرنده نیست.', 'This account does not belong to the merchant.'),
        );
      await assertInBaseData(db, [{ kind: 'device-model', code: p.deviceModel, field: 'payload.deviceModel' }]);
      return { merchantId: merchant.id, terminalId: null };
    }
    const terminalId = terminalOf(type, payload)!;
    const t = await m.Terminal.findByPk(terminalId);
    if (!t) return fail('payload.terminalId', 'not_found', TERMINAL_NOT_FOUND);
    await assertInSubtree(agents, auth, t.agentId, TERMINAL_NOT_FOUND);
    if (t.pspCode !== pspCode)
      fail(
        'pspCode',
        'psp_mismatch',
        bi('این پایانه نزد PSP دیگری ثبت شده است.', 'This terminal is registered with another PSP.'),
      );
    if (!TERMINAL_STATES_FOR[type].includes(t.state))
      fail(
        'payload.terminalId',
        'terminal_state',
        bi(
          `وضعیت پایانه (${t.state}) اجازهٔ این درخواست را نمی‌دهد.`,
          `The terminal's state (${t.state}) does not allow this request.`,
        ),
      );
    const busy = await m.Request.findOne({
      where: {
        terminalId,
        state: { [Op.notIn]: [...IDLE_STATES] },
        ...(requestId ? { id: { [Op.ne]: requestId } } : {}),
      },
    });
    if (busy)
      throw new AppError(
        409,
        'TERMINAL_BUSY',
        bi(`درخواست ${busy.number} برای این پایانه هنوز باز است.`, `Request ${busy.number} for this terminal is still open.`),
      );
    const p = payload as { deviceModel?: string; reason?: string; accountId?: string };
    if (p.deviceModel) await assertInBaseData(db, [{ kind: 'device-model', code: p.deviceModel, field: 'payload.deviceModel' }]);
    if (type === 'swap') await assertInBaseData(db, [{ kind: 'swap-reason', code: p.reason!, field: 'payload.reason' }]);
    if (type === 'collect') await assertInBaseData(db, [{ kind: 'collect-reason', code: p.reason!, field: 'payload.reason' }]);
    if (type === 'account') {
      const account = await m.MerchantAccount.findByPk(p.accountId);
      if (account?.merchantId !== t.merchantId)
        fail(
          'payload.accountId',
          'not_of_merchant',
          bi('این حساب متعلق به پذیرندهٔ این پایانه نیست.', "This account does not belong to the terminal's merchant."),
        );
      if (account && account.id === t.accountId)
        fail(
          'payload.accountId',
          'unchanged',
          bi('این حساب هم‌اکنون حساب پایانه است.', 'This is already the terminal’s account.'),
        );
    }
    return { merchantId: t.merchantId, terminalId: t.id };
  }

  /** List rows of requests; `known` open tasks (e.g. the inbox page's own) are not read again. */
  async function summaries(records: RequestRecord[], known: RequestTask[] = []) {
    const merchantIds = [...new Set(records.map((r) => r.merchantId).filter((x): x is string => Boolean(x)))];
    const knownIds = new Set(known.map((t) => t.id));
    const openIds = records.map((r) => r.openTaskId).filter((x): x is string => Boolean(x) && !knownIds.has(x!));
    const [agentById, merchants, read] = await Promise.all([
      agents.byIds([...new Set(records.map((r) => r.agentId))]),
      merchantIds.length ? m.Merchant.findAll({ where: { id: merchantIds } }) : Promise.resolve([]),
      openIds.length ? m.RequestTask.findAll({ where: { id: openIds } }) : Promise.resolve([]),
    ]);
    const tasks = [...known, ...read.map(toTask)];
    return records.map((r) => {
      const a = agentById.get(r.agentId);
      const merchant = merchants.find((x) => x.id === r.merchantId);
      const task = tasks.find((t) => t.id === r.openTaskId);
      return {
        id: r.id,
        number: r.number,
        type: r.type,
        state: r.state,
        agentId: r.agentId,
        agentName: { fa: a?.nameFa ?? '', en: a?.nameEn ?? '' },
        pspCode: r.pspCode,
        submitter: r.submitter,
        merchantId: r.merchantId,
        merchantName: merchant ? { fa: merchant.displayNameFa, en: merchant.displayNameEn } : null,
        terminalId: r.terminalId,
        serial: r.serial,
        trackingCode: r.trackingCode,
        createdAt: r.createdAt,
        submittedAt: r.submittedAt,
        updatedAt: r.updatedAt,
        closedAt: r.closedAt,
        openTask: task ?? null,
      };
    });
  }

  function terminalView(t: TerminalRecord, names?: { merchant?: Bilingual; shop?: Bilingual }) {
    return { ...t, merchantName: names?.merchant ?? null, shopName: names?.shop ?? null };
  }

  async function terminalNames(list: TerminalRecord[]) {
    const merchants = list.length ? await m.Merchant.findAll({ where: { id: [...new Set(list.map((t) => t.merchantId))] } }) : [];
    const shops = list.length ? await m.MerchantShop.findAll({ where: { id: [...new Set(list.map((t) => t.shopId))] } }) : [];
    return list.map((t) => {
      const mm = merchants.find((x) => x.id === t.merchantId);
      const s = shops.find((x) => x.id === t.shopId);
      return terminalView(t, {
        merchant: mm ? { fa: mm.displayNameFa, en: mm.displayNameEn } : undefined,
        shop: s ? { fa: s.nameFa, en: s.nameEn } : undefined,
      });
    });
  }

  async function detail(auth: AuthContext, r: RequestRecord) {
    const [tasks, timeline, calls, docs] = await Promise.all([
      repo.tasksOf(r.id),
      repo.eventsOf(r.id),
      m.PspCall.findAll({ where: { requestId: { [Op.like]: `${r.id}-%` } }, order: [['startedAt', 'ASC']], limit: 500 }),
      documents.list(r.id),
    ]);
    // The open task is among the request's tasks: the summary does not read it again.
    const [summary] = await summaries([r], tasks);
    const today = new Date().toISOString().slice(0, 10);
    const agreements =
      auth.permissions.includes('agreements.read') || auth.permissions.includes('requests.review')
        ? await m.Agreement.findAll({
            where: { agentId: r.agentId, status: 'active', validFrom: { [Op.lte]: today }, validTo: { [Op.gte]: today } },
          })
        : [];
    const merchant = r.merchantId ? await m.Merchant.findByPk(r.merchantId) : null;
    const terminal = r.terminalId ? await repo.terminal(r.terminalId) : null;
    const facts = { state: r.state, tasks, submitter: r.submitter, agentId: r.agentId };
    return {
      ...summary,
      payload: r.payload,
      round: r.round,
      chain: r.chain,
      psp: r.psp,
      outcomeReason: r.outcomeReason,
      tasks,
      timeline,
      allowedActions: r.state === 'draft' ? [] : allowedActions(facts, auth.actor),
      pspCalls: calls.map((c) => ({
        at: c.startedAt.toISOString(),
        operation: c.operation,
        outcome: c.outcome,
        latencyMs: c.latencyMs,
        errorCode: c.errorCode,
        message: c.message,
        text: parseCallText(c.text),
        trackingCode: c.trackingCode,
      })),
      agreements: agreements.map((a) => ({
        id: a.id,
        title: a.title,
        validFrom: a.validFrom,
        validTo: a.validTo,
        terms: JSON.parse(a.terms) as unknown,
      })),
      merchant: merchant
        ? {
            id: merchant.id,
            kind: merchant.kind,
            identifier: merchant.identifier,
            displayName: { fa: merchant.displayNameFa, en: merchant.displayNameEn },
          }
        : null,
      terminal: terminal ? (await terminalNames([terminal]))[0] : null,
      documents: docs,
    };
  }

  /** A refused update as the API's error; the rule's text and status travel in the failure details. */
  function updateError(err: unknown): unknown {
    if (err instanceof WorkflowNotFoundError) {
      return new AppError(409, 'REQUEST_CLOSED', bi('این درخواست بسته شده است.', 'This request is closed.'));
    }
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const d = (err.cause.details?.[0] ?? {}) as { text?: Bilingual; status?: number };
      return new AppError(
        d.status ?? 409,
        err.cause.type ?? 'ACTION_REFUSED',
        d.text ?? bi('این اقدام اکنون ممکن نیست.', err.cause.message),
      );
    }
    return err;
  }

  async function start(auth: AuthContext, r: RequestRecord) {
    await temporal.workflow.executeUpdateWithStart(submittedUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<typeof requestWorkflow>(REQUEST_WORKFLOW_TYPE, {
        workflowId: requestWorkflowId(r.id),
        taskQueue: deps.taskQueue,
        args: [
          {
            id: r.id,
            number: r.number,
            type: r.type,
            agentId: r.agentId,
            pspCode: r.pspCode,
            submitter: r.submitter,
            payload: r.payload,
            createdAt: r.createdAt,
            timings: deps.timings,
          },
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    return detail(auth, (await repo.find(r.id))!);
  }

  async function act(auth: AuthContext, id: string, body: z.output<typeof ActionBody>, render = true) {
    const r = await visible(auth, id);
    if (r.state === 'draft')
      throw new AppError(
        409,
        'REQUEST_IS_DRAFT',
        bi('این درخواست هنوز ارسال نشده است.', 'This request has not been submitted yet.'),
      );
    const cmd: ActionCommand = { action: body.action, taskId: body.taskId, actor: auth.actor, reason: body.reason };
    if (body.action === 'reassign') {
      const task = (await repo.tasksOf(id)).find((t) => t.id === body.taskId);
      const user = body.assigneeUserId ? await m.User.findByPk(body.assigneeUserId) : null;
      if (!user || !task || user.agentId !== task.agentId || !user.active) {
        throw AppError.validation([
          {
            field: 'assigneeUserId',
            code: 'not_in_agent',
            message: bi(
              'کاربر مقصد باید از همان نمایندگیِ این کار و فعال باشد.',
              "The assignee must be an active user of the task's agency.",
            ),
          },
        ]);
      }
      cmd.assignee = { id: user.id, displayName: user.displayName };
    }
    if (body.action === 'resubmit') {
      const payload = parsePayload(r.type, body.payload ?? {}, false);
      await checkSubmission(auth, r.type, r.pspCode, payload, r.id);
      cmd.payload = payload;
    }
    // The same rules as the workflow's validator, here for a quick and clear refusal.
    const tasks = await repo.tasksOf(id);
    const refused = whyNot({ state: r.state, tasks, submitter: r.submitter, agentId: r.agentId }, cmd);
    if (refused && refused.code !== 'TASK_STALE') throw new AppError(refused.status, refused.code, refused.text);
    try {
      await temporal.workflow.getHandle(requestWorkflowId(id)).executeUpdate(actionUpdate, { args: [cmd] });
    } catch (err) {
      throw updateError(err);
    }
    return render ? detail(auth, (await repo.find(id))!) : null;
  }

  /** The request, if the caller sees it (else 404) and may change its documents now (`whyNoDocumentChange`). */
  async function documentsChangeable(auth: AuthContext, id: string): Promise<RequestRecord> {
    const r = await visible(auth, id);
    const tasks = r.state === 'draft' ? [] : await repo.tasksOf(id);
    const refused = whyNoDocumentChange({ state: r.state, tasks, submitter: r.submitter, agentId: r.agentId }, auth.actor);
    if (refused) throw new AppError(refused.status, refused.code, refused.text);
    return r;
  }

  /**
   * A change of the documents of `r` (checked by `documentsChangeable`) in a transaction that locks the
   * request row and reads it again: a submission or resubmission that landed in between refuses it.
   */
  function changeDocuments<T>(r: RequestRecord, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return db.transaction(async (tx) => {
      const now = await m.Request.findByPk(r.id, { transaction: tx, lock: tx.LOCK.UPDATE });
      if (!now) throw AppError.notFound(NOT_FOUND);
      if (now.state !== r.state || now.openTaskId !== r.openTaskId) {
        const locked = documentsLocked();
        throw new AppError(locked.status, locked.code, locked.text);
      }
      return work(tx);
    });
  }

  return {
    async create(auth: AuthContext, body: z.output<typeof CreateRequestBody>) {
      if (body.clientKey) {
        const existing = await repo.findByClientKey(auth.agent.id, body.clientKey);
        if (existing) {
          if (existing.submitter.id !== auth.user.id) throw AppError.notFound(NOT_FOUND);
          if (body.submit && existing.state === 'draft') return { status: 200, body: await start(auth, existing) };
          return { status: 200, body: await detail(auth, existing) };
        }
      }
      const payload = parsePayload(body.type, body.payload, !body.submit);
      const refs = body.submit
        ? await checkSubmission(auth, body.type, body.pspCode, payload)
        : {
            merchantId: (payload as { merchantId?: string }).merchantId ?? null,
            terminalId: terminalOf(body.type, payload) ?? null,
          };
      const id = randomUUID();
      const now = new Date();
      await db.transaction(async (tx) => {
        const number = `REQ-${String(jalaliDate(now).year)}-${String(await repo.nextNumber(tx)).padStart(6, '0')}`;
        await repo.saveDraft(tx, {
          id,
          number,
          type: body.type,
          agentId: auth.agent.id,
          pspCode: body.pspCode,
          submitter: { id: auth.user.id, displayName: auth.user.displayName },
          clientKey: body.clientKey ?? id,
          payload,
          merchantId: refs.merchantId,
          terminalId: refs.terminalId,
        });
        await appendAudit(db, tx, auth.who, {
          action: 'create',
          entityType: 'request',
          entityId: id,
          scopeAgentId: auth.agent.id,
          after: { number, type: body.type, pspCode: body.pspCode, payload },
        });
      });
      const record = (await repo.find(id))!;
      return { status: 201, body: body.submit ? await start(auth, record) : await detail(auth, record) };
    },

    async updateDraft(auth: AuthContext, id: string, body: z.output<typeof UpdateDraftBody>) {
      const r = await visible(auth, id);
      if (r.state !== 'draft' || r.submitter.id !== auth.user.id)
        throw new AppError(409, 'NOT_A_DRAFT', bi('فقط پیش‌نویس خودتان ویرایش‌شدنی است.', 'Only your own drafts can be edited.'));
      const payload = parsePayload(r.type, body.payload, true);
      await db.transaction(async (tx) => {
        await repo.saveDraft(tx, {
          ...r,
          pspCode: body.pspCode,
          payload,
          merchantId: (payload as { merchantId?: string }).merchantId ?? null,
          terminalId: terminalOf(r.type, payload) ?? null,
        });
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'request',
          entityId: id,
          scopeAgentId: r.agentId,
          before: { pspCode: r.pspCode, payload: r.payload },
          after: { pspCode: body.pspCode, payload },
        });
      });
      return detail(auth, (await repo.find(id))!);
    },

    async deleteDraft(auth: AuthContext, id: string) {
      const r = await visible(auth, id);
      if (r.state !== 'draft' || r.submitter.id !== auth.user.id)
        throw new AppError(409, 'NOT_A_DRAFT', bi('فقط پیش‌نویس خودتان حذف‌شدنی است.', 'Only your own drafts can be deleted.'));
      await db.transaction(async (tx) => {
        // Its documents (and their files) go with it.
        const removed = await documents.removeAll(tx, id);
        // Submitted in the meantime: nothing is deleted (the documents come back with the rollback).
        if (!(await m.Request.destroy({ where: { id, state: 'draft' }, transaction: tx })))
          throw new AppError(409, 'NOT_A_DRAFT', bi('این درخواست دیگر پیش‌نویس نیست.', 'This request is no longer a draft.'));
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'request',
          entityId: id,
          scopeAgentId: r.agentId,
          before: { number: r.number, payload: r.payload, ...(removed.length ? { documents: removed } : {}) },
        });
      });
      return { deleted: true };
    },

    async submit(auth: AuthContext, id: string) {
      const r = await visible(auth, id);
      if (r.state !== 'draft') return detail(auth, r);
      if (r.submitter.id !== auth.user.id)
        throw new AppError(
          403,
          'NOT_SUBMITTER',
          bi('فقط ثبت‌کنندهٔ پیش‌نویس می‌تواند آن را ارسال کند.', 'Only the author of a draft can submit it.'),
        );
      const payload = parsePayload(r.type, r.payload, false);
      await checkSubmission(auth, r.type, r.pspCode, payload, r.id);
      return start(auth, { ...r, payload });
    },

    async get(auth: AuthContext, id: string) {
      return detail(auth, await visible(auth, id));
    },

    async listDocuments(auth: AuthContext, id: string) {
      const r = await visible(auth, id);
      return { items: await documents.list(r.id) };
    },

    /** Attaches a typed document (image or PDF) to a draft or a request returned for correction. */
    async uploadDocument(auth: AuthContext, id: string, typeCode: unknown, file: Express.Multer.File | undefined) {
      const r = await documentsChangeable(auth, id);
      // A type for one kind of person only (gazette: legal persons) must fit the request's merchant.
      const merchant = r.merchantId ? await m.Merchant.findByPk(r.merchantId, { attributes: ['kind'] }) : null;
      const { type, file: f } = await checkDocumentUpload(db, typeCode, file, merchant?.kind ?? null);
      return changeDocuments(r, async (tx) => {
        const count = await m.RequestDocument.count({ where: { requestId: r.id }, transaction: tx });
        if (count >= MAX_REQUEST_DOCUMENTS) {
          throw new AppError(
            409,
            'TOO_MANY_DOCUMENTS',
            bi(
              `هر درخواست حداکثر ${MAX_REQUEST_DOCUMENTS} مدرک می‌تواند داشته باشد؛ مدرکی را حذف کنید.`,
              `A request can have at most ${MAX_REQUEST_DOCUMENTS} documents; remove one first.`,
            ),
          );
        }
        const attachment = await storeFile(db, tx, {
          file: f,
          purpose: REQUEST_DOCUMENT_PURPOSE,
          refId: r.id,
          ownerId: auth.user.id,
          agentId: r.agentId,
          fallbackName: 'document',
        });
        const doc = await documents.add(tx, {
          requestId: r.id,
          attachmentId: attachment.id,
          typeCode: type.code,
          uploadedBy: { id: auth.user.id, displayName: auth.user.displayName },
        });
        await appendAudit(db, tx, auth.who, {
          action: 'create',
          entityType: 'request-document',
          entityId: doc.id,
          scopeAgentId: r.agentId,
          after: { requestId: r.id, number: r.number, state: r.state, ...doc, sha256: attachment.sha256 },
        });
        return doc;
      });
    },

    async documentFile(auth: AuthContext, id: string, documentId: string) {
      const r = await visible(auth, id);
      const file = await documents.file(r.id, documentId);
      if (!file) throw AppError.notFound(DOCUMENT_NOT_FOUND);
      return file;
    },

    async removeDocument(auth: AuthContext, id: string, documentId: string): Promise<void> {
      const r = await documentsChangeable(auth, id);
      await changeDocuments(r, async (tx) => {
        const removed = await documents.remove(tx, r.id, documentId);
        if (!removed) throw AppError.notFound(DOCUMENT_NOT_FOUND);
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'request-document',
          entityId: documentId,
          scopeAgentId: r.agentId,
          before: { requestId: r.id, number: r.number, state: r.state, ...removed },
        });
      });
    },

    async list(auth: AuthContext, q: z.output<typeof ListRequestsQuery>) {
      const all = auth.permissions.includes('requests.read-all');
      if (!all && !auth.permissions.includes('requests.read') && !auth.permissions.includes('requests.create'))
        throw AppError.forbidden();
      const onlyMine = q.mine === 'true' || (!all && !auth.permissions.includes('requests.read'));
      const { items, total } = await repo.list({
        agentIds: all ? undefined : await visibleAgentIds(agents, auth),
        submitterId: onlyMine ? auth.user.id : undefined,
        type: q.type,
        state: q.state,
        pspCode: q.pspCode,
        agentId: q.agentId,
        terminalId: q.terminalId,
        q: q.q,
        from: dayStart(q.from),
        to: dayEnd(q.to),
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: await summaries(items), total, page: q.page, pageSize: q.pageSize };
    },

    async inbox(auth: AuthContext, q: z.output<typeof InboxQuery>) {
      const result = await repo.inbox({
        userId: auth.user.id,
        agentId: auth.agent.id,
        permissions: auth.permissions,
        view: q.view,
        type: q.type,
        kind: q.kind,
        pspCode: q.pspCode,
        requestAgentId: q.agentId,
        sla: q.sla,
        q: q.q,
        from: dayStart(q.from),
        to: dayEnd(q.to),
        page: q.page,
        pageSize: q.pageSize,
      });
      const requests = await summaries(
        await repo.findMany(result.items.map((i) => i.requestId)),
        result.items.map((i) => i.task),
      );
      return {
        items: result.items.map((i) => ({ task: i.task, request: requests.find((r) => r.id === i.requestId) ?? null })),
        total: result.total,
        page: q.page,
        pageSize: q.pageSize,
        counts: result.counts,
      };
    },

    async inboxCsv(auth: AuthContext, q: z.output<typeof InboxQuery>) {
      const page = await this.inbox(auth, { ...q, page: 1, pageSize: 200 });
      const rows = page.items.map(({ task, request }) => [
        request?.number,
        request?.type,
        task.kind,
        request?.agentName.fa,
        request?.pspCode,
        request?.merchantName?.fa,
        task.assignee?.displayName,
        task.sla,
        task.dueAt ? stamp(task.dueAt) : '',
        stamp(task.createdAt),
      ]);
      return toCsv(
        ['number', 'type', 'stage', 'agent', 'psp', 'merchant', 'assignee', 'sla', 'due (Jalali)', 'opened (Jalali)'],
        rows,
      );
    },

    async timelineCsv(auth: AuthContext, id: string) {
      const r = await visible(auth, id);
      const events = await repo.eventsOf(r.id);
      return toCsv(
        ['seq', 'at (UTC)', 'at (Jalali, Tehran)', 'event', 'who', 'details'],
        events.map((e) => [e.seq, e.at, stamp(e.at), e.type, e.actor?.displayName ?? 'system', JSON.stringify(e.data)]),
      );
    },

    act,

    async bulk(auth: AuthContext, body: z.output<typeof BulkBody>) {
      type Result = { requestId: string; ok: boolean; error?: { code: string; message: Bilingual } };
      // Each item is one workflow update (a round trip to the worker); a few run at once, in item
      // order, and the request page each would render is skipped (bench/: 200 items one by one took
      // the sum of their round trips).
      const results: Result[] = new Array<Result>(body.items.length);
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < body.items.length) {
          const i = next++;
          const item = body.items[i];
          try {
            await act(auth, item.requestId, { action: body.action, taskId: item.taskId, reason: body.reason }, false);
            results[i] = { requestId: item.requestId, ok: true };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            results[i] = { requestId: item.requestId, ok: false, error: { code: err.code, message: err.text } };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, body.items.length) }, lane));
      return { results };
    },

    async savedFilters(auth: AuthContext) {
      return { items: await repo.savedFilters(auth.user.id) };
    },
    async saveFilter(auth: AuthContext, body: z.output<typeof SavedFilterBody>) {
      const id = randomUUID();
      await m.SavedFilter.create({
        id,
        userId: auth.user.id,
        name: body.name,
        query: JSON.stringify(body.query),
        createdAt: new Date(),
      });
      return { id, name: body.name, query: body.query };
    },
    async deleteFilter(auth: AuthContext, id: string) {
      const n = await m.SavedFilter.destroy({ where: { id, userId: auth.user.id } });
      if (!n) throw AppError.notFound();
      return { deleted: true };
    },

    async terminals(auth: AuthContext, q: z.output<typeof TerminalsQuery>) {
      const { items, total } = await repo.terminals({
        agentIds: auth.permissions.includes('requests.read-all') ? undefined : await visibleAgentIds(agents, auth),
        q: q.q,
        state: q.state,
        pspCode: q.pspCode,
        merchantId: q.merchantId,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items: await terminalNames(items), total, page: q.page, pageSize: q.pageSize };
    },

    async terminal(auth: AuthContext, id: string) {
      const t = await repo.terminal(id);
      if (!t) throw AppError.notFound(TERMINAL_NOT_FOUND);
      if (!auth.permissions.includes('requests.read-all')) await assertInSubtree(agents, auth, t.agentId, TERMINAL_NOT_FOUND);
      const { items } = await repo.list({ terminalId: id, page: 1, pageSize: 200 });
      const created = await repo.find(t.createdByRequestId);
      const requests = [...(created && !items.some((i) => i.id === created.id) ? [created] : []), ...items];
      return { ...(await terminalNames([t]))[0], requests: await summaries(requests) };
    },

    async reviewStep(auth: AuthContext, agentId: string) {
      await assertInSubtree(agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      return { agentId, enabled: (await readSetting<boolean>(db, agentId, REVIEW_STEP_KEY, true)) !== false };
    },
    async setReviewStep(auth: AuthContext, agentId: string, enabled: boolean) {
      await assertInSubtree(agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      await db.transaction(async (tx) => {
        const before = await writeSetting(db, tx, agentId, REVIEW_STEP_KEY, enabled);
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'review-step',
          entityId: agentId,
          scopeAgentId: agentId,
          before: { enabled: before !== false },
          after: { enabled },
        });
      });
      return { agentId, enabled };
    },

    async slaPolicy() {
      return readSetting<SlaPolicy>(db, 'global', REQUEST_SLA_KEY, DEFAULT_SLA_POLICY);
    },
    async setSlaPolicy(auth: AuthContext, policy: SlaPolicy) {
      await db.transaction(async (tx) => {
        const before = await writeSetting(db, tx, 'global', REQUEST_SLA_KEY, policy);
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'setting',
          entityId: REQUEST_SLA_KEY,
          before,
          after: policy,
        });
      });
      return policy;
    },

    /** A PSP says a verdict is ready: the request's workflow polls at once (the body is never trusted). */
    async pspCallback(pspCode: string, trackingCode: string) {
      const r = await m.Request.findOne({ where: { pspCode, trackingCode }, attributes: ['id'] });
      if (r) {
        await temporal.workflow
          .getHandle(requestWorkflowId(r.id))
          .signal(pspPokeSignal)
          .catch(() => undefined);
      }
      return { received: true };
    },
  };
}

export type RequestService = ReturnType<typeof createRequestService>;
export type { FieldError };
