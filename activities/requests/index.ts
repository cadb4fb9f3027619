/**
 * Activities of the request workflow (Temporal samples style: a factory over dependencies).
 * Database work is idempotent (the read model keeps the newest snapshot; terminals and device moves
 * are keyed by the request id); PSP calls are idempotent at the PSP by the submission key.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Database } from '../../db';
import { createRequestRepository } from '../../db/repositories/requests';
import { readSetting } from '../../db/repositories/settings';
import { createBaseDataRepository } from '../../db/repositories/basedata';
import { addBusinessMinutes } from '../../domain/calendar';
import { bi, type Bilingual } from '../../domain/i18n';
import { StockError } from '../../domain/stock';
import type {
  PspAccepted,
  PspAdapter,
  PspCallContext,
  PspRejection,
  PspVerdict,
  RegisterMerchantInput,
} from '../../domain/psp/adapter';
import { PspBusinessRejection } from '../../domain/psp/errors';
import { resolveCredentialOwner } from '../../domain/psp/credential-owner';
import {
  type AccountPayload,
  type ApprovalStage,
  type CollectPayload,
  DEFAULT_SLA_POLICY,
  type DefinePayload,
  type InstallPayload,
  type MerchantChangePayload,
  type ReactivatePayload,
  type RequestPayload,
  type RequestSnapshot,
  type RequestType,
  type SlaPolicy,
  type SwapPayload,
  type TaskKind,
  approvalChain,
  slaMinutes,
} from '../../domain/requests/model';
import { REQUEST_SLA_KEY, REVIEW_STEP_KEY } from '../../domain/requests/settings';
import { type PspActivityDeps, createPspCaller, toActivityFailure } from '../psp';

/** What the request workflows need from the device stock (db/repositories/stock.ts implements it). */
export interface StockPort {
  allocateSerial(a: { requestId: string; agentId: string; deviceModel: string; serial?: string }): Promise<{
    serial: string;
    warehouseId: string;
  }>;
  releaseSerial(a: { requestId: string }): Promise<unknown>;
  installSerial(a: { requestId: string; terminalId: string }): Promise<unknown>;
  returnSerial(a: { requestId: string; serial: string; terminalId: string; agentId: string }): Promise<unknown>;
  serialOnTerminal(terminalId: string): Promise<string | null>;
}

export interface RequestActivityDeps {
  db: Database;
  psp: PspActivityDeps;
  stock: StockPort;
  /** Where PSP-A may POST verdicts (the API's public callback route), if reachable. */
  callbackBaseUrl?: string;
}

export interface SubmitInput {
  requestId: string;
  /** The idempotency key at the PSP for this submission. */
  key: string;
  operation: 'main' | 'defineDevice';
  type: RequestType;
  agentId: string;
  pspCode: string;
  payload: RequestPayload;
  serial: string | null;
  terminalId: string | null;
}

export interface OutcomeInput {
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
}

/** Something the request refers to is gone (a deleted shop, a terminal of another PSP): not retryable. */
function missing(what: Bilingual): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'RequestDataMissing',
    message: what.en,
    nonRetryable: true,
    details: [{ text: what }],
  });
}

export function createRequestActivities(deps: RequestActivityDeps) {
  const { db } = deps;
  const m = db.models;
  const repo = createRequestRepository(db);
  const { call } = createPspCaller(deps.psp);

  async function terminalRow(terminalId: string | null) {
    const t = terminalId ? await m.Terminal.findByPk(terminalId) : null;
    if (!t) throw missing(bi('پایانهٔ این درخواست پیدا نشد.', "The request's terminal was not found."));
    return t;
  }

  async function registerInput(p: InstallPayload): Promise<RegisterMerchantInput> {
    const [merchant, shop, account] = await Promise.all([
      m.Merchant.findByPk(p.merchantId),
      m.MerchantShop.findByPk(p.shopId),
      m.MerchantAccount.findByPk(p.accountId),
    ]);
    if (!merchant || !shop || shop.merchantId !== merchant.id || !account || account.merchantId !== merchant.id)
      throw missing(
        bi('پذیرنده، فروشگاه یا حساب این درخواست دیگر وجود ندارد.', "The request's merchant, shop or account no longer exists."),
      );
    const legal = merchant.kind === 'legal';
    return {
      person: {
        personType: merchant.kind,
        ...(legal
          ? { legalId: merchant.identifier, companyName: merchant.companyNameFa ?? '' }
          : { nationalCode: merchant.identifier }),
        firstName: merchant.firstNameFa ?? merchant.companyNameFa ?? '',
        lastName: merchant.lastNameFa ?? '',
        fatherName: merchant.fatherNameFa ?? undefined,
        birthDate: merchant.birthDate ?? undefined,
        mobile: merchant.mobile,
      },
      shop: {
        nameFa: shop.nameFa,
        nameEn: shop.nameEn,
        guild: shop.guildCode,
        postalCode: shop.postalCode,
        address: shop.addressFa,
        phone: shop.phone ?? undefined,
        taxCode: merchant.taxTrackingCode ?? undefined,
      },
      account: { sheba: account.sheba, bank: account.bankCode },
      deviceModel: p.deviceModel,
      // Documents stay in Kartabl for now: the simulators do not take files (see the issue note).
      documents: [],
    };
  }

  async function submit(a: SubmitInput, adapter: PspAdapter, ctx: PspCallContext): Promise<PspAccepted> {
    if (a.operation === 'defineDevice') {
      const t = await terminalRow(a.terminalId);
      if (!a.serial)
        throw missing(bi('سریالی برای تعریف دستگاه رزرو نشده است.', 'No serial is reserved for the device definition.'));
      return adapter.defineDevice(ctx, {
        terminalId: t.pspTerminalId,
        serialNumber: a.serial,
        deviceModel: (a.payload as InstallPayload).deviceModel,
      });
    }
    switch (a.type) {
      case 'install':
        return adapter.registerMerchant(ctx, await registerInput(a.payload as InstallPayload));
      case 'define': {
        const p = a.payload as DefinePayload;
        const t = await terminalRow(a.terminalId);
        return adapter.defineDevice(ctx, {
          terminalId: t.pspTerminalId,
          serialNumber: a.serial ?? '',
          deviceModel: p.deviceModel,
        });
      }
      case 'swap': {
        const p = a.payload as SwapPayload;
        const t = await terminalRow(a.terminalId);
        return adapter.swap(ctx, {
          terminalId: t.pspTerminalId,
          oldSerialNumber: t.serial ?? '',
          newSerialNumber: a.serial ?? '',
          newDeviceModel: p.deviceModel ?? t.deviceModel ?? '',
          reason: p.reason,
        });
      }
      case 'account': {
        const p = a.payload as AccountPayload;
        const t = await terminalRow(a.terminalId);
        const [account, merchant] = await Promise.all([
          m.MerchantAccount.findByPk(p.accountId),
          m.Merchant.findByPk(t.merchantId),
        ]);
        if (!account || !merchant || account.merchantId !== merchant.id)
          throw missing(
            bi('حساب انتخاب‌شده متعلق به این پذیرنده نیست.', "The chosen account does not belong to the terminal's merchant."),
          );
        return adapter.changeAccount(ctx, {
          terminalId: t.pspTerminalId,
          account: { sheba: account.sheba, bank: account.bankCode },
          ownerId: merchant.identifier,
        });
      }
      case 'merchant': {
        const p = a.payload as MerchantChangePayload;
        const t = await terminalRow(a.terminalId);
        return adapter.changeMerchantInfo(ctx, {
          merchantId: t.pspMerchantId ?? '',
          terminalId: t.pspTerminalId,
          changes: {
            nameFa: p.changes.shopNameFa,
            nameEn: p.changes.shopNameEn,
            address: p.changes.addressFa,
            postalCode: p.changes.postalCode,
            phone: p.changes.phone,
            mobile: p.changes.mobile,
          },
        });
      }
      case 'collect': {
        const p = a.payload as CollectPayload;
        const t = await terminalRow(a.terminalId);
        return adapter.collect(ctx, { terminalId: t.pspTerminalId, reason: p.reason });
      }
      case 'reactivate': {
        const p = a.payload as ReactivatePayload;
        const t = await terminalRow(a.terminalId);
        return adapter.reactivate(ctx, { terminalId: t.pspTerminalId, note: p.note });
      }
    }
  }

  /** Any stock rule (no stock, a given serial not in the warehouse…) parks the request for its agency. */
  const stockFailure = (err: unknown): unknown =>
    err instanceof StockError
      ? ApplicationFailure.create({
          type: 'NoStock',
          message: err.message,
          nonRetryable: true,
          details: [{ text: err.text, code: err.code }],
        })
      : err;

  return {
    /** Projects the workflow's state into the read model (requests, tasks, timeline, audit). */
    async projectRequest(snapshot: RequestSnapshot): Promise<void> {
      await repo.saveRequest(snapshot);
    },

    /** The approval chain: reviewers up the tree (their switch), then the credential owner. */
    async planApproval(a: { agentId: string; pspCode: string }): Promise<ApprovalStage[]> {
      const agents = await m.Agent.findAll({ attributes: ['id', 'parentId', 'isBroker', 'status'], raw: true });
      const links = await m.AgentPsp.findAll({
        where: { pspCode: a.pspCode },
        attributes: ['agentId', 'direct', 'sealedCredentials'],
        raw: true,
      });
      const owner = resolveCredentialOwner(
        agents.map((x) => ({ id: x.id, parentId: x.parentId, isBroker: Boolean(x.isBroker), status: x.status })),
        links.map((l) => ({ agentId: l.agentId, direct: Boolean(l.direct), hasCredentials: Boolean(l.sealedCredentials) })),
        a.agentId,
      );
      const broker = agents.find((x) => x.isBroker);
      const ownerId = owner.ownerId ?? broker?.id;
      if (!ownerId) throw new Error('no main broker in the agents table');
      const switches = await m.Setting.findAll({ where: { key: REVIEW_STEP_KEY }, raw: true });
      const off = new Set(switches.filter((s) => s.value === 'false').map((s) => s.scope));
      return approvalChain(
        agents.map((x) => ({ id: x.id, parentId: x.parentId, reviewStep: !off.has(x.id) })),
        a.agentId,
        ownerId,
      );
    },

    async brokerAgentId(): Promise<string> {
      const broker = await m.Agent.findOne({ where: { isBroker: true }, attributes: ['id'] });
      if (!broker) throw new Error('no main broker in the agents table');
      return broker.id;
    },

    /** The SLA marks of a task opened now (50 %, 80 %, 100 %), or null when the stage has none. */
    async planSla(a: {
      type: RequestType;
      kind: TaskKind;
      openedAt: string;
    }): Promise<{ warnAt: string; criticalAt: string; dueAt: string } | null> {
      const policy = await readSetting<SlaPolicy>(db, 'global', REQUEST_SLA_KEY, DEFAULT_SLA_POLICY);
      const minutes = slaMinutes(policy, a.type, a.kind);
      if (minutes === null) return null;
      const from = new Date(a.openedAt);
      const holidays = policy.calendar === 'business' ? await createBaseDataRepository(db).holidays() : new Set<string>();
      const after = (fraction: number): string =>
        (policy.calendar === 'business'
          ? addBusinessMinutes(from, minutes * fraction, holidays)
          : new Date(from.getTime() + minutes * fraction * 60_000)
        ).toISOString();
      return { warnAt: after(0.5), criticalAt: after(0.8), dueAt: after(1) };
    },

    /** Sends the request (or the install's device definition) to the PSP; a rejection is data. */
    async submitToPsp(a: SubmitInput): Promise<PspAccepted | { outcome: 'rejected'; rejection: PspRejection }> {
      const operation = a.operation === 'defineDevice' ? 'defineDevice' : OPERATION[a.type];
      try {
        return await call({ requestId: a.key, requesterAgentId: a.agentId, pspCode: a.pspCode, operation }, (adapter, ctx) =>
          submit(a, adapter, ctx),
        );
      } catch (err) {
        if (err instanceof PspBusinessRejection)
          return { outcome: 'rejected', rejection: { code: err.rejectionCode, pspMessage: err.pspMessage, text: err.text } };
        throw toActivityFailure(err);
      }
    },

    async pspVerdict(a: { key: string; agentId: string; pspCode: string; trackingCode: string }): Promise<PspVerdict> {
      try {
        return await call(
          { requestId: a.key, requesterAgentId: a.agentId, pspCode: a.pspCode, operation: 'status' },
          (adapter, ctx) => adapter.status(ctx, { trackingCode: a.trackingCode }),
        );
      } catch (err) {
        throw toActivityFailure(err);
      }
    },

    async allocateSerial(a: { requestId: string; agentId: string; deviceModel: string; serial?: string }) {
      try {
        return await deps.stock.allocateSerial(a);
      } catch (err) {
        throw stockFailure(err);
      }
    },
    async releaseSerial(a: { requestId: string }): Promise<void> {
      await deps.stock.releaseSerial(a);
    },
    async installSerial(a: { requestId: string; terminalId: string }): Promise<void> {
      try {
        await deps.stock.installSerial(a);
      } catch (err) {
        throw stockFailure(err);
      }
    },
    async returnSerial(a: { requestId: string; serial: string; terminalId: string; agentId: string }): Promise<void> {
      try {
        await deps.stock.returnSerial(a);
      } catch (err) {
        throw stockFailure(err);
      }
    },
    async serialOnTerminal(a: { terminalId: string }): Promise<string | null> {
      return deps.stock.serialOnTerminal(a.terminalId);
    },
    async terminalModel(a: { terminalId: string }): Promise<string> {
      const t = await terminalRow(a.terminalId);
      if (!t.deviceModel) throw missing(bi('مدل دستگاه پایانه معلوم نیست.', "The terminal's device model is unknown."));
      return t.deviceModel;
    },

    /** The PSP said yes: the terminal is created (install) or changed; idempotent by request id. */
    async applyOutcome(a: OutcomeInput): Promise<{ terminalId: string; terminalState: string }> {
      return repo.applyOutcome(a, () => randomUUID());
    },
  };
}

const OPERATION = {
  install: 'registerMerchant',
  define: 'defineDevice',
  swap: 'swap',
  account: 'changeAccount',
  merchant: 'changeMerchantInfo',
  collect: 'collect',
  reactivate: 'reactivate',
} as const;

export type RequestActivities = ReturnType<typeof createRequestActivities>;
