import { col, fn, Op, type Transaction, type WhereOptions } from 'sequelize';
import type { Bilingual } from '../../domain/i18n';
import {
  type ApprovalStage,
  type MerchantChangePayload,
  type PersonRef,
  type Problem,
  type PspProgress,
  type RequestEvent,
  type RequestEventType,
  type RequestPayload,
  type RequestSnapshot,
  type RequestState,
  type RequestTask,
  type RequestType,
  type SlaState,
  type TaskKind,
  type TaskOutcome,
  TASK_KINDS,
} from '../../domain/requests/model';
import type { Permission } from '../../domain/access';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit';
import { chunkForParams, countWhen } from '../connection';
import type { Database } from '../index';
import type { RequestRow, RequestTaskRow, TerminalRow } from '../schema/requests';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};
const likeOf = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface RequestRecord {
  id: string;
  number: string;
  type: RequestType;
  state: RequestState;
  agentId: string;
  pspCode: string;
  submitter: PersonRef;
  clientKey: string;
  merchantId: string | null;
  terminalId: string | null;
  serial: string | null;
  payload: RequestPayload;
  round: number;
  openTaskId: string | null;
  trackingCode: string | null;
  outcomeReason: string | null;
  chain: ApprovalStage[];
  psp: PspProgress | null;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
  closedAt: string | null;
}

export interface TerminalRecord {
  id: string;
  agentId: string;
  pspCode: string;
  pspTerminalId: string;
  pspMerchantId: string | null;
  merchantId: string;
  shopId: string;
  accountId: string | null;
  deviceModel: string | null;
  serial: string | null;
  state: string;
  stateReason: string | null;
  createdByRequestId: string;
  createdAt: string;
  updatedAt: string;
}

export interface RequestListFilter {
  /** Visible agents (undefined: all). */
  agentIds?: string[];
  type?: string;
  state?: string;
  pspCode?: string;
  agentId?: string;
  terminalId?: string;
  merchantId?: string;
  submitterId?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export type InboxView = 'mine' | 'group' | 'unassigned' | 'escalated';

export interface InboxFilter {
  userId: string;
  agentId: string;
  permissions: readonly string[];
  view: InboxView;
  type?: string;
  kind?: string;
  pspCode?: string;
  requestAgentId?: string;
  sla?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export function toTask(t: RequestTaskRow): RequestTask {
  return {
    id: t.id,
    seq: t.seq,
    kind: t.kind as TaskKind,
    agentId: t.agentId,
    permission: t.permission as Permission,
    assignee: t.assigneeId ? { id: t.assigneeId, displayName: t.assigneeName ?? '' } : null,
    createdAt: iso(t.createdAt) ?? '',
    warnAt: iso(t.warnAt),
    criticalAt: iso(t.criticalAt),
    dueAt: iso(t.dueAt),
    sla: t.sla as SlaState,
    escalated: Boolean(t.escalated),
    closedAt: iso(t.closedAt),
    closedBy: t.closedById ? { id: t.closedById, displayName: t.closedByName ?? '' } : null,
    outcome: (t.outcome as TaskOutcome | null) ?? null,
    reason: t.reason,
    problem: parse<Problem | null>(t.problem, null),
  };
}

function toRecord(r: RequestRow): RequestRecord {
  const detail = parse<{ chain?: ApprovalStage[]; psp?: PspProgress }>(r.detail, {});
  return {
    id: r.id,
    number: r.number,
    type: r.type as RequestType,
    state: r.state as RequestState,
    agentId: r.agentId,
    pspCode: r.pspCode,
    submitter: { id: r.submitterId, displayName: r.submitterName },
    clientKey: r.clientKey,
    merchantId: r.merchantId,
    terminalId: r.terminalId,
    serial: r.serial,
    payload: parse<RequestPayload>(r.payload, {} as RequestPayload),
    round: r.round,
    openTaskId: r.openTaskId,
    trackingCode: r.trackingCode,
    outcomeReason: r.outcomeReason,
    chain: detail.chain ?? [],
    psp: detail.psp ?? null,
    version: r.version,
    createdAt: iso(r.createdAt) ?? '',
    submittedAt: iso(r.submittedAt),
    updatedAt: iso(r.updatedAt) ?? '',
    closedAt: iso(r.closedAt),
  };
}

export function toTerminal(t: TerminalRow): TerminalRecord {
  return {
    id: t.id,
    agentId: t.agentId,
    pspCode: t.pspCode,
    pspTerminalId: t.pspTerminalId,
    pspMerchantId: t.pspMerchantId,
    merchantId: t.merchantId,
    shopId: t.shopId,
    accountId: t.accountId,
    deviceModel: t.deviceModel,
    serial: t.serial,
    state: t.state,
    stateReason: t.stateReason,
    createdByRequestId: t.createdByRequestId,
    createdAt: iso(t.createdAt) ?? '',
    updatedAt: iso(t.updatedAt) ?? '',
  };
}

/** Who signs the audit entry of a timeline event: the acting user, else the system. */
async function actorsOf(db: Database, events: RequestEvent[], tx: Transaction): Promise<(e: RequestEvent) => Actor> {
  const ids = [...new Set(events.map((e) => e.actor?.id).filter((id): id is string => Boolean(id)))];
  const people = ids.length ? await db.models.User.findAll({ where: { id: ids }, transaction: tx }) : [];
  return (e) => {
    const p = people.find((x) => x.id === e.actor?.id);
    if (p) return { issuer: p.issuer, subject: p.subject, userId: p.id, name: p.displayName, agentId: p.agentId, ip: null };
    return e.actor ? { ...SYSTEM_ACTOR, userId: e.actor.id, name: e.actor.displayName } : SYSTEM_ACTOR;
  };
}

export function createRequestRepository(db: Database) {
  const { Request, RequestTask, RequestEvent, Terminal, Sequence, SavedFilter } = db.models;

  function requestWhere(f: Omit<RequestListFilter, 'page' | 'pageSize'>): WhereOptions<RequestRow> {
    const and: WhereOptions<RequestRow>[] = [];
    if (f.agentIds) and.push({ agentId: { [Op.in]: f.agentIds } });
    if (f.type) and.push({ type: f.type });
    if (f.state) and.push({ state: f.state });
    if (f.pspCode) and.push({ pspCode: f.pspCode });
    if (f.agentId) and.push({ agentId: f.agentId });
    if (f.terminalId) and.push({ terminalId: f.terminalId });
    if (f.merchantId) and.push({ merchantId: f.merchantId });
    if (f.submitterId) and.push({ submitterId: f.submitterId });
    if (f.from) and.push({ createdAt: { [Op.gte]: f.from } });
    if (f.to) and.push({ createdAt: { [Op.lt]: f.to } });
    if (f.q) and.push({ [Op.or]: [{ number: { [Op.like]: likeOf(f.q) } }, { serial: { [Op.like]: likeOf(f.q) } }] });
    return { [Op.and]: and };
  }

  function inboxWhere(f: Omit<InboxFilter, 'page' | 'pageSize'>, view: InboxView = f.view): WhereOptions<RequestTaskRow> {
    const and: WhereOptions<RequestTaskRow>[] = [
      { isOpen: true },
      { agentId: f.agentId },
      { permission: { [Op.in]: [...f.permissions] } },
    ];
    if (view === 'mine') and.push({ assigneeId: f.userId });
    if (view === 'unassigned') and.push({ assigneeId: null });
    if (view === 'escalated') and.push({ escalated: true });
    if (f.type) and.push({ requestType: f.type });
    if (f.kind) and.push({ kind: f.kind });
    if (f.pspCode) and.push({ pspCode: f.pspCode });
    if (f.requestAgentId) and.push({ requestAgentId: f.requestAgentId });
    if (f.sla) and.push({ sla: f.sla });
    if (f.from) and.push({ createdAt: { [Op.gte]: f.from } });
    if (f.to) and.push({ createdAt: { [Op.lt]: f.to } });
    if (f.q) and.push({ requestNumber: { [Op.like]: likeOf(f.q) } });
    return { [Op.and]: and };
  }

  return {
    async nextNumber(tx?: Transaction): Promise<number> {
      const run = async (transaction: Transaction) => {
        await Sequence.increment('value', { by: 1, where: { name: 'request' }, transaction });
        const row = await Sequence.findByPk('request', { transaction });
        if (!row) throw new Error('sequence "request" is missing: run the migrations');
        return Number(row.value);
      };
      return tx ? run(tx) : db.transaction(run);
    },

    async find(id: string): Promise<RequestRecord | null> {
      const row = await Request.findByPk(id);
      return row ? toRecord(row) : null;
    },

    async findByClientKey(agentId: string, clientKey: string): Promise<RequestRecord | null> {
      const row = await Request.findOne({ where: { agentId, clientKey } });
      return row ? toRecord(row) : null;
    },

    async tasksOf(requestId: string): Promise<RequestTask[]> {
      return (await RequestTask.findAll({ where: { requestId }, order: [['seq', 'ASC']] })).map(toTask);
    },

    async eventsOf(requestId: string): Promise<RequestEvent[]> {
      return (await RequestEvent.findAll({ where: { requestId }, order: [['seq', 'ASC']] })).map((e) => ({
        seq: e.seq,
        type: e.type as RequestEventType,
        at: iso(e.at) ?? '',
        actor: e.actorId ? { id: e.actorId, displayName: e.actorName ?? '' } : null,
        data: parse<Record<string, unknown>>(e.data, {}),
      }));
    },

    async list(f: RequestListFilter): Promise<{ items: RequestRecord[]; total: number }> {
      const { rows, count } = await Request.findAndCountAll({
        where: requestWhere(f),
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      });
      return { items: rows.map(toRecord), total: count };
    },

    async inbox(f: InboxFilter): Promise<{
      items: { task: RequestTask; requestId: string }[];
      total: number;
      counts: { byKind: Record<string, number>; bySla: Record<string, number>; views: Record<InboxView, number> };
    }> {
      const where = inboxWhere(f);
      // Three statements: the page, the (kind × SLA) cells of the filtered list (its total, counts per
      // kind and per SLA state), and the four views' counts in one aggregate over the unfiltered group.
      const [rows, cells, views] = await Promise.all([
        RequestTask.findAll({
          where,
          order: [
            ['escalated', 'DESC'],
            ['dueAt', 'ASC'],
            ['createdAt', 'ASC'],
            ['id', 'ASC'],
          ],
          limit: f.pageSize,
          offset: (f.page - 1) * f.pageSize,
        }),
        RequestTask.findAll({
          where,
          attributes: ['kind', 'sla', [fn('COUNT', col('id')), 'n']],
          group: ['kind', 'sla'],
          raw: true,
        }) as unknown as Promise<{ kind: string; sla: string; n: number | string }[]>,
        RequestTask.findAll({
          where: inboxWhere({ ...f, kind: undefined, sla: undefined }, 'group'),
          attributes: [
            [fn('COUNT', col('id')), 'group'],
            [countWhen(db.sequelize, 'assignee_id', f.userId), 'mine'],
            [countWhen(db.sequelize, 'assignee_id', null), 'unassigned'],
            [countWhen(db.sequelize, 'escalated', true), 'escalated'],
          ],
          raw: true,
        }) as unknown as Promise<Record<InboxView, number | string | null>[]>,
      ]);
      const byKind: Record<string, number> = Object.fromEntries(TASK_KINDS.map((k) => [k, 0]));
      const bySla: Record<string, number> = {};
      let total = 0;
      for (const c of cells) {
        const n = Number(c.n);
        total += n;
        byKind[c.kind] = (byKind[c.kind] ?? 0) + n;
        bySla[c.sla] = (bySla[c.sla] ?? 0) + n;
      }
      const v = views[0] ?? {};
      const count = (k: InboxView) => Number(v[k] ?? 0);
      return {
        items: rows.map((t) => ({ task: toTask(t), requestId: t.requestId })),
        total,
        counts: {
          byKind,
          bySla,
          views: { mine: count('mine'), group: count('group'), unassigned: count('unassigned'), escalated: count('escalated') },
        },
      };
    },

    async findMany(ids: string[]): Promise<RequestRecord[]> {
      const out: RequestRecord[] = [];
      for (const chunk of chunkForParams(ids, 1)) out.push(...(await Request.findAll({ where: { id: chunk } })).map(toRecord));
      return out;
    },

    /** Saves a draft (new or edited) inside the caller's transaction. */
    async saveDraft(
      tx: Transaction,
      d: {
        id: string;
        number: string;
        type: RequestType;
        agentId: string;
        pspCode: string;
        submitter: PersonRef;
        clientKey: string;
        payload: RequestPayload;
        merchantId: string | null;
        terminalId: string | null;
      },
    ): Promise<void> {
      const now = new Date();
      const values = {
        id: d.id,
        number: d.number,
        type: d.type,
        state: 'draft',
        agentId: d.agentId,
        pspCode: d.pspCode,
        submitterId: d.submitter.id,
        submitterName: d.submitter.displayName,
        clientKey: d.clientKey,
        merchantId: d.merchantId,
        terminalId: d.terminalId,
        serial: null,
        payload: JSON.stringify(d.payload),
        round: 0,
        openTaskId: null,
        openTaskKind: null,
        trackingCode: null,
        outcomeReason: null,
        detail: null,
        version: 0,
        submittedAt: null,
        updatedAt: now,
        closedAt: null,
      };
      const existing = await Request.findByPk(d.id, { transaction: tx });
      if (existing) await existing.update(values, { transaction: tx });
      else await Request.create({ ...values, createdAt: now }, { transaction: tx });
    },

    /**
     * Stores a workflow snapshot if it is newer than the stored one: the request row, its tasks
     * (rewritten), new timeline events (append-only by seq) and one audit entry per new event.
     */
    async saveRequest(s: RequestSnapshot): Promise<void> {
      await db.transaction(async (transaction) => {
        const existing = await Request.findByPk(s.id, { transaction });
        if (existing && existing.version >= s.version) return;
        const open = s.tasks.find((t) => t.closedAt === null) ?? null;
        const values = {
          id: s.id,
          number: s.number,
          type: s.type,
          state: s.state,
          agentId: s.agentId,
          pspCode: s.pspCode,
          submitterId: s.submitter.id,
          submitterName: s.submitter.displayName,
          clientKey: existing?.clientKey ?? s.id,
          merchantId: s.merchantId ?? existing?.merchantId ?? null,
          terminalId: s.terminalId,
          serial: s.serial,
          payload: JSON.stringify(s.payload),
          round: s.round,
          openTaskId: open?.id ?? null,
          openTaskKind: open?.kind ?? null,
          trackingCode: s.psp.trackingCode,
          outcomeReason: s.outcomeReason?.slice(0, 1000) ?? null,
          detail: JSON.stringify({ chain: s.chain, psp: s.psp }),
          version: s.version,
          createdAt: new Date(s.createdAt),
          submittedAt: new Date(s.submittedAt),
          updatedAt: new Date(s.updatedAt),
          closedAt: s.closedAt ? new Date(s.closedAt) : null,
        };
        if (existing) await existing.update(values, { transaction });
        else await Request.create(values, { transaction });

        const stored = new Map(
          (await RequestTask.findAll({ where: { requestId: s.id }, transaction })).map((t) => [t.id, t] as const),
        );
        for (const t of s.tasks) {
          const row = {
            id: t.id,
            requestId: s.id,
            seq: t.seq,
            kind: t.kind,
            agentId: t.agentId,
            permission: t.permission,
            isOpen: t.closedAt === null,
            assigneeId: t.assignee?.id ?? null,
            assigneeName: t.assignee?.displayName ?? null,
            sla: t.sla,
            escalated: t.escalated,
            warnAt: t.warnAt ? new Date(t.warnAt) : null,
            criticalAt: t.criticalAt ? new Date(t.criticalAt) : null,
            dueAt: t.dueAt ? new Date(t.dueAt) : null,
            createdAt: new Date(t.createdAt),
            closedAt: t.closedAt ? new Date(t.closedAt) : null,
            closedById: t.closedBy?.id ?? null,
            closedByName: t.closedBy?.displayName ?? null,
            outcome: t.outcome,
            reason: t.reason?.slice(0, 1000) ?? null,
            problem: t.problem ? JSON.stringify(t.problem) : null,
            requestNumber: s.number,
            requestType: s.type,
            requestAgentId: s.agentId,
            pspCode: s.pspCode,
          };
          const have = stored.get(t.id);
          if (!have) await RequestTask.create(row, { transaction });
          // Closed tasks never change again; open ones are rewritten.
          else if (have.isOpen) await have.update(row, { transaction });
        }

        const storedEvents = new Set(
          (await RequestEvent.findAll({ where: { requestId: s.id }, attributes: ['seq'], transaction })).map((e) => e.seq),
        );
        const newEvents = s.timeline.filter((e) => !storedEvents.has(e.seq));
        for (const chunk of chunkForParams(newEvents, 8)) {
          await RequestEvent.bulkCreate(
            chunk.map((e) => ({
              id: `${s.id}-e${e.seq}`,
              requestId: s.id,
              seq: e.seq,
              type: e.type,
              at: new Date(e.at),
              actorId: e.actor?.id ?? null,
              actorName: e.actor?.displayName ?? null,
              data: JSON.stringify(e.data),
            })),
            { transaction },
          );
        }
        const actorOf = await actorsOf(db, newEvents, transaction);
        for (const e of newEvents) {
          await appendAudit(db, transaction, actorOf(e), {
            action: `request.${e.type}`.slice(0, 32),
            entityType: 'request',
            entityId: s.id,
            scopeAgentId: s.agentId,
            after: { state: s.state, event: e.data },
          });
        }
      });
    },

    async terminal(id: string): Promise<TerminalRecord | null> {
      const t = await Terminal.findByPk(id);
      return t ? toTerminal(t) : null;
    },

    async terminals(f: {
      agentIds?: string[];
      q?: string;
      state?: string;
      pspCode?: string;
      merchantId?: string;
      page: number;
      pageSize: number;
    }): Promise<{ items: TerminalRecord[]; total: number }> {
      const and: WhereOptions<TerminalRow>[] = [];
      if (f.agentIds) and.push({ agentId: { [Op.in]: f.agentIds } });
      if (f.state) and.push({ state: f.state });
      if (f.pspCode) and.push({ pspCode: f.pspCode });
      if (f.merchantId) and.push({ merchantId: f.merchantId });
      if (f.q) and.push({ [Op.or]: [{ pspTerminalId: { [Op.like]: likeOf(f.q) } }, { serial: { [Op.like]: likeOf(f.q) } }] });
      const { rows, count } = await Terminal.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['updatedAt', 'DESC'],
          ['id', 'ASC'],
        ],
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      });
      return { items: rows.map(toTerminal), total: count };
    },

    /**
     * The PSP approved: create (install) or change the terminal. Setting values is naturally
     * idempotent; an unchanged terminal writes nothing (no second audit entry on a retry).
     */
    async applyOutcome(
      a: {
        requestId: string;
        type: RequestType;
        step: 'main' | 'device';
        agentId: string;
        pspCode: string;
        payload: RequestPayload;
        serial: string | null;
        terminalId: string | null;
        pspMerchantId: string | null;
        pspTerminalId: string | null;
      },
      newId: () => string,
    ): Promise<{ terminalId: string; terminalState: string }> {
      return db.transaction(async (transaction) => {
        const now = new Date();
        if (a.type === 'install' && a.step === 'main') {
          const existing = await Terminal.findOne({ where: { createdByRequestId: a.requestId }, transaction });
          if (existing) return { terminalId: existing.id, terminalState: existing.state };
          const p = a.payload as { merchantId: string; shopId: string; accountId: string; deviceModel: string };
          const row = await Terminal.create(
            {
              id: newId(),
              agentId: a.agentId,
              pspCode: a.pspCode,
              pspTerminalId: a.pspTerminalId ?? '',
              pspMerchantId: a.pspMerchantId,
              merchantId: p.merchantId,
              shopId: p.shopId,
              accountId: p.accountId,
              deviceModel: p.deviceModel,
              serial: null,
              state: 'awaiting_device',
              stateReason: null,
              createdByRequestId: a.requestId,
              createdAt: now,
              updatedAt: now,
            },
            { transaction },
          );
          await appendAudit(db, transaction, SYSTEM_ACTOR, {
            action: 'create',
            entityType: 'terminal',
            entityId: row.id,
            scopeAgentId: a.agentId,
            after: toTerminal(row),
          });
          return { terminalId: row.id, terminalState: row.state };
        }
        const t = a.terminalId ? await Terminal.findByPk(a.terminalId, { transaction }) : null;
        if (!t) throw new Error(`terminal of request ${a.requestId} not found`);
        const changes: Partial<TerminalRecord> = {};
        const p = a.payload as { deviceModel?: string; accountId?: string };
        switch (a.type) {
          case 'install':
          case 'define':
            Object.assign(changes, { state: 'active', serial: a.serial, stateReason: null });
            if (p.deviceModel) changes.deviceModel = p.deviceModel;
            break;
          case 'swap':
            Object.assign(changes, { serial: a.serial });
            if (p.deviceModel) changes.deviceModel = p.deviceModel;
            break;
          case 'account':
            changes.accountId = p.accountId ?? t.accountId;
            break;
          case 'collect':
            Object.assign(changes, { state: 'collected', serial: null });
            break;
          case 'reactivate':
            Object.assign(changes, { state: 'active', stateReason: null });
            break;
          case 'merchant':
            await applyMerchantChanges(db, transaction, t, (a.payload as MerchantChangePayload).changes);
            break;
        }
        await updateTerminal(db, transaction, t, changes, { byRequest: a.requestId }, now);
        return { terminalId: t.id, terminalState: t.state };
      });
    },

    async savedFilters(userId: string) {
      return (await SavedFilter.findAll({ where: { userId }, order: [['createdAt', 'ASC']] })).map((f) => ({
        id: f.id,
        name: f.name,
        query: parse<Record<string, unknown>>(f.query, {}),
        createdAt: iso(f.createdAt),
      }));
    },
  };
}

/**
 * Writes the fields of `changes` that differ from the terminal's, with an audit entry naming what
 * caused it (`provenance`, e.g. the request or the sync run); nothing when nothing differs.
 */
export async function updateTerminal(
  db: Database,
  transaction: Transaction,
  t: TerminalRow,
  changes: Readonly<Record<string, unknown>>,
  provenance: Record<string, unknown>,
  at: Date = new Date(),
): Promise<boolean> {
  const diff = Object.fromEntries(
    Object.entries(changes).filter(([k, v]) => (t as unknown as Record<string, unknown>)[k] !== v),
  ) as Partial<TerminalRow>;
  if (!Object.keys(diff).length) return false;
  const before = toTerminal(t);
  await t.update({ ...diff, updatedAt: at }, { transaction });
  await appendAudit(db, transaction, SYSTEM_ACTOR, {
    action: 'update',
    entityType: 'terminal',
    entityId: t.id,
    scopeAgentId: t.agentId,
    before,
    after: { ...toTerminal(t), ...provenance },
  });
  return true;
}

/** A merchant-info change the PSP accepted, applied to the shop and the merchant. */
async function applyMerchantChanges(
  db: Database,
  tx: Transaction,
  t: TerminalRow,
  changes: MerchantChangePayload['changes'],
): Promise<void> {
  const shop = await db.models.MerchantShop.findByPk(t.shopId, { transaction: tx });
  const merchant = await db.models.Merchant.findByPk(t.merchantId, { transaction: tx });
  const shopDiff: Record<string, string> = {};
  if (changes.shopNameFa !== undefined) shopDiff.nameFa = changes.shopNameFa;
  if (changes.shopNameEn !== undefined) shopDiff.nameEn = changes.shopNameEn;
  if (changes.addressFa !== undefined) shopDiff.addressFa = changes.addressFa;
  if (changes.postalCode !== undefined) shopDiff.postalCode = changes.postalCode;
  if (changes.phone !== undefined) shopDiff.phone = changes.phone;
  if (shop) {
    const diff = Object.fromEntries(
      Object.entries(shopDiff).filter(([k, v]) => (shop as unknown as Record<string, unknown>)[k] !== v),
    );
    if (Object.keys(diff).length) {
      const before = Object.fromEntries(Object.keys(diff).map((k) => [k, (shop as unknown as Record<string, unknown>)[k]]));
      await shop.update(diff, { transaction: tx });
      await appendAudit(db, tx, SYSTEM_ACTOR, {
        action: 'update',
        entityType: 'merchant-shop',
        entityId: shop.id,
        scopeAgentId: t.agentId,
        before,
        after: diff,
      });
    }
  }
  if (merchant && changes.mobile !== undefined && merchant.mobile !== changes.mobile) {
    const before = { mobile: merchant.mobile };
    await merchant.update({ mobile: changes.mobile }, { transaction: tx });
    await appendAudit(db, tx, SYSTEM_ACTOR, {
      action: 'update',
      entityType: 'merchant',
      entityId: merchant.id,
      scopeAgentId: t.agentId,
      before,
      after: { mobile: changes.mobile },
    });
  }
}

export type RequestRepository = ReturnType<typeof createRequestRepository>;
export type { Bilingual };
