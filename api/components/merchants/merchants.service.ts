import { randomUUID } from 'node:crypto';
import { type Transaction, UniqueConstraintError } from 'sequelize';
import type { Database } from '../../../db';
import { appendAudit } from '../../../db/audit';
import {
  createMerchantRepository,
  toAccountRecord,
  toShopRecord,
  type MerchantDetailRecord,
} from '../../../db/repositories/merchants';
import type { MerchantRow } from '../../../db/schema/merchants';
import { bi, type Bilingual } from '../../../domain/i18n';
import { checkSheba, normalizeMobile, normalizeSheba } from '../../../domain/iran';
import { merchantDisplayName } from '../../../domain/merchants';
import { normalizeText, toAsciiDigits } from '../../../domain/text';
import type { AuthContext } from '../../lib/auth';
import { AppError, type FieldError } from '../../lib/errors';
import { assertInSubtree, visibleAgentIds } from '../../lib/scope';
import { storeFile } from '../../lib/uploads';
import { assertInBaseData } from '../../lib/basedata-refs';
import { appliesTo, checkDocumentUpload, documentTypeItems } from '../../lib/document-types';
import type { AgentDirectory } from '../agents/agents.repository';
import type { z } from 'zod';
import {
  LEGAL_ONLY,
  NATURAL_ONLY,
  type AccountInput,
  type CreateMerchantInput,
  type ListMerchantsFilter,
  type ReviewDocumentBody,
  type ShopInput,
  type ShopPatch,
  type UpdateMerchantInput,
} from './merchants.schemas';

type ShopIn = z.output<typeof ShopInput>;
type AccountIn = z.output<typeof AccountInput>;

const NOT_FOUND = bi('پذیرنده یافت نشد.', 'Merchant not found.');

const fieldError = (field: string, code: string, message: Bilingual): AppError => AppError.validation([{ field, code, message }]);

/** Use cases of merchants: every read and write confined to the caller's subtree, every change audited. */
export function createMerchantService(deps: { db: Database; agents: AgentDirectory }) {
  const { db, agents } = deps;
  const repo = createMerchantRepository(db);
  const { Merchant, MerchantRepresentative, MerchantAddress, MerchantShop, MerchantAccount, MerchantDocument, Attachment } =
    db.models;

  /** The merchant, if the caller's subtree holds it; otherwise 404 (nothing leaks). */
  async function visible(auth: AuthContext, id: string, tx?: Transaction): Promise<MerchantRow> {
    const row = await repo.findRow(id, tx);
    await assertInSubtree(agents, auth, row?.agentId, NOT_FOUND);
    return row!;
  }

  async function exists(auth: AuthContext, field: string, existing: MerchantRow | null): Promise<AppError> {
    let mine = false;
    if (existing) {
      try {
        await assertInSubtree(agents, auth, existing.agentId);
        mine = true;
      } catch {
        mine = false;
      }
    }
    const message = mine
      ? bi(
          `این پذیرنده پیش‌تر با نام «${existing!.displayNameFa}» ثبت شده است.`,
          `This merchant is already registered as "${existing!.displayNameEn}".`,
        )
      : bi(
          'پذیرنده‌ای با این شناسه پیش‌تر در سامانه (نزد نمایندهٔ دیگری) ثبت شده است.',
          'A merchant with this identifier is already registered in the system (by another agent).',
        );
    const fields: FieldError[] = [{ field, code: 'merchant_exists', message }];
    return new AppError(409, 'MERCHANT_EXISTS', message, fields);
  }

  const accountExists = (field: string): AppError => {
    const message = bi('این شبا پیش‌تر برای همین پذیرنده ثبت شده است.', 'This Sheba is already registered for this merchant.');
    return new AppError(409, 'ACCOUNT_EXISTS', message, [{ field, code: 'account_exists', message }]);
  };

  const shopRow = (merchantId: string, s: ShopIn, now: Date) => ({
    id: randomUUID(),
    merchantId,
    nameFa: s.nameFa,
    nameEn: s.nameEn,
    guildCode: s.guildCode,
    addressFa: s.addressFa,
    addressEn: s.addressEn,
    postalCode: s.postalCode,
    phone: s.phone ?? null,
    latitude: s.latitude ?? null,
    longitude: s.longitude ?? null,
    createdAt: now,
    updatedAt: now,
  });

  const accountRow = (merchantId: string, a: AccountIn, isPrimary: boolean, now: Date) => {
    const check = checkSheba(a.sheba);
    if (!check.ok) throw fieldError('sheba', check.code, check.message); // the schema already checked it
    return {
      id: randomUUID(),
      merchantId,
      sheba: check.value,
      bankCode: check.bankCode,
      ownerNameFa: a.ownerNameFa,
      ownerNameEn: a.ownerNameEn ?? null,
      isPrimary,
      createdAt: now,
    };
  };

  async function replaceLists(
    merchantId: string,
    input: Pick<UpdateMerchantInput, 'addresses' | 'representatives'>,
    tx: Transaction,
  ): Promise<void> {
    if (input.addresses) {
      await MerchantAddress.destroy({ where: { merchantId }, transaction: tx });
      await MerchantAddress.bulkCreate(
        input.addresses.map((a, i) => ({
          id: randomUUID(),
          merchantId,
          addressFa: a.addressFa,
          addressEn: a.addressEn,
          postalCode: a.postalCode,
          phone: a.phone ?? null,
          sortOrder: i,
        })),
        { transaction: tx },
      );
    }
    if (input.representatives) {
      await MerchantRepresentative.destroy({ where: { merchantId }, transaction: tx });
      await MerchantRepresentative.bulkCreate(
        input.representatives.map((r, i) => ({
          id: randomUUID(),
          merchantId,
          role: r.role,
          nationalCode: r.nationalCode,
          firstNameFa: r.firstNameFa,
          lastNameFa: r.lastNameFa,
          firstNameEn: r.firstNameEn,
          lastNameEn: r.lastNameEn,
          mobile: r.mobile ?? null,
          sortOrder: i,
        })),
        { transaction: tx },
      );
    }
  }

  /** Runs a write; a unique index that another writer won becomes a clear 409. */
  async function write<T>(
    work: (tx: Transaction) => Promise<T>,
    onUnique: (err: UniqueConstraintError) => Promise<AppError> | AppError,
  ) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (err instanceof UniqueConstraintError) throw await onUnique(err);
      throw err;
    }
  }

  const touch = (m: MerchantRow, tx: Transaction) =>
    Merchant.update({ updatedAt: new Date() }, { where: { id: m.id }, transaction: tx, silent: false });

  /** Audit snapshot of a merchant: the detail without documents' review history. */
  const snapshot = (d: MerchantDetailRecord) => ({ ...d, documents: undefined });

  /** Shops' guild codes must be active base-data guilds. */
  const checkGuilds = (shops: { guildCode?: string }[], field: (i: number) => string, tx?: Transaction) =>
    assertInBaseData(
      db,
      shops.flatMap((s, i) =>
        s.guildCode === undefined ? [] : [{ kind: 'guild' as const, code: s.guildCode, field: field(i) }],
      ),
      tx,
    );

  return {
    async documentTypes() {
      return {
        items: (await documentTypeItems(db)).map((t) => ({
          code: t.code,
          nameFa: t.nameFa,
          nameEn: t.nameEn,
          appliesTo: appliesTo(t),
          legalOnly: appliesTo(t) === 'legal',
        })),
      };
    },

    async list(auth: AuthContext, q: ListMerchantsFilter) {
      let agentIds = await visibleAgentIds(agents, auth);
      if (q.agentId) agentIds = !agentIds || agentIds.includes(q.agentId) ? [q.agentId] : [];
      const text = q.q ? normalizeText(q.q) : '';
      let search = text;
      let shebaLike: string | undefined;
      const compact = toAsciiDigits(text).replace(/[\s\-()]/g, '');
      if (/^(?:IR|\+)?\d{4,}$/i.test(compact)) {
        // Digits: a national code / legal ID, a mobile (any prefix) or part of a Sheba.
        shebaLike = normalizeSheba(compact.replace(/^\+/, ''));
        const mobile = normalizeMobile(compact);
        search = /^09\d{9}$/.test(mobile) ? mobile : compact.replace(/^(IR|\+)/i, '');
      }
      const { items, total } = await repo.list({
        agentIds,
        kind: q.kind,
        text: search || undefined,
        shebaLike,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async get(auth: AuthContext, id: string): Promise<MerchantDetailRecord> {
      return repo.detail(await visible(auth, id));
    },

    async create(auth: AuthContext, input: CreateMerchantInput): Promise<MerchantDetailRecord> {
      const identifier = input.kind === 'natural' ? input.nationalCode : input.legalId;
      const identifierField = input.kind === 'natural' ? 'nationalCode' : 'legalId';
      await checkGuilds(input.shops ?? [], (i) => `shops.${i}.guildCode`);
      const existing = await repo.findByIdentifier(identifier);
      if (existing) throw await exists(auth, identifierField, existing);
      const id = randomUUID();
      const now = new Date();
      const names = merchantDisplayName(input);
      return write(
        async (tx) => {
          const base = {
            id,
            agentId: auth.agent.id,
            createdByUserId: auth.user.id,
            kind: input.kind,
            identifier,
            mobile: input.mobile,
            phone: input.phone ?? null,
            email: input.email ?? null,
            taxTrackingCode: input.taxTrackingCode ?? null,
            displayNameFa: names.fa,
            displayNameEn: names.en,
            createdAt: now,
            updatedAt: now,
          };
          const empty = {
            firstNameFa: null,
            lastNameFa: null,
            firstNameEn: null,
            lastNameEn: null,
            fatherNameFa: null,
            fatherNameEn: null,
            birthDate: null,
            idCardNumber: null,
            companyNameFa: null,
            companyNameEn: null,
            registrationNumber: null,
            registrationDate: null,
          };
          const row =
            input.kind === 'natural'
              ? {
                  ...base,
                  ...empty,
                  firstNameFa: input.firstNameFa,
                  lastNameFa: input.lastNameFa,
                  firstNameEn: input.firstNameEn,
                  lastNameEn: input.lastNameEn,
                  fatherNameFa: input.fatherNameFa,
                  fatherNameEn: input.fatherNameEn ?? null,
                  birthDate: input.birthDate,
                  idCardNumber: input.idCardNumber ?? null,
                }
              : {
                  ...base,
                  ...empty,
                  companyNameFa: input.companyNameFa,
                  companyNameEn: input.companyNameEn,
                  registrationNumber: input.registrationNumber,
                  registrationDate: input.registrationDate,
                };
          const merchant = await Merchant.create(row, { transaction: tx });
          await replaceLists(
            id,
            { addresses: input.addresses, representatives: input.kind === 'legal' ? input.representatives : undefined },
            tx,
          );
          const shops = (input.shops ?? []).map((s) => shopRow(id, s, now));
          if (shops.length) await MerchantShop.bulkCreate(shops, { transaction: tx });
          const accountsIn = input.accounts ?? [];
          const primaryIndex = Math.max(
            0,
            accountsIn.findIndex((a) => a.isPrimary),
          );
          const accounts = accountsIn.map((a, i) => accountRow(id, a, i === primaryIndex, now));
          if (accounts.length) await MerchantAccount.bulkCreate(accounts, { transaction: tx });
          const detail = await repo.detail(merchant, tx);
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'merchant',
            entityId: id,
            scopeAgentId: merchant.agentId,
            after: snapshot(detail),
          });
          return detail;
        },
        async () => exists(auth, identifierField, await repo.findByIdentifier(identifier)),
      );
    },

    async update(auth: AuthContext, id: string, input: UpdateMerchantInput): Promise<MerchantDetailRecord> {
      const merchant = await visible(auth, id);
      const foreign = Object.keys(input).filter((k) =>
        merchant.kind === 'natural'
          ? LEGAL_ONLY.includes(k) && !NATURAL_ONLY.includes(k)
          : NATURAL_ONLY.includes(k) && !LEGAL_ONLY.includes(k),
      );
      if (foreign.length) {
        throw AppError.validation(
          foreign.map((field) => ({
            field,
            code: 'not_for_kind',
            message:
              merchant.kind === 'natural'
                ? bi('این فیلد برای شخص حقوقی است، نه حقیقی.', 'This field is for legal persons, not natural ones.')
                : bi('این فیلد برای شخص حقیقی است، نه حقوقی.', 'This field is for natural persons, not legal ones.'),
          })),
        );
      }
      return db.transaction(async (tx) => {
        const before = await repo.detail(merchant, tx);
        const { addresses, representatives, ...fields } = input;
        const patch: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) patch[k] = v;
        const names = merchantDisplayName({ ...merchant.get({ plain: true }), ...patch });
        await merchant.update(
          { ...patch, displayNameFa: names.fa, displayNameEn: names.en, updatedAt: new Date() },
          { transaction: tx },
        );
        await replaceLists(id, { addresses, representatives }, tx);
        const after = await repo.detail(merchant, tx);
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'merchant',
          entityId: id,
          scopeAgentId: merchant.agentId,
          before: snapshot(before),
          after: snapshot(after),
        });
        return after;
      });
    },

    async addShop(auth: AuthContext, id: string, input: ShopIn) {
      const merchant = await visible(auth, id);
      await checkGuilds([input], () => 'guildCode');
      return db.transaction(async (tx) => {
        const row = await MerchantShop.create(shopRow(id, input, new Date()), { transaction: tx });
        await touch(merchant, tx);
        const after = toShopRecord(row);
        await appendAudit(db, tx, auth.who, {
          action: 'create',
          entityType: 'merchant-shop',
          entityId: row.id,
          scopeAgentId: merchant.agentId,
          after: { merchantId: id, ...after },
        });
        return after;
      });
    },

    async updateShop(auth: AuthContext, id: string, shopId: string, input: z.output<typeof ShopPatch>) {
      const merchant = await visible(auth, id);
      await checkGuilds([input], () => 'guildCode');
      return db.transaction(async (tx) => {
        const row = await MerchantShop.findOne({ where: { id: shopId, merchantId: id }, transaction: tx });
        if (!row) throw AppError.notFound(bi('فروشگاه یافت نشد.', 'Shop not found.'));
        const before = toShopRecord(row);
        const patch: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(input)) if (v !== undefined) patch[k] = v;
        await row.update({ ...patch, updatedAt: new Date() }, { transaction: tx });
        await touch(merchant, tx);
        const after = toShopRecord(row);
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'merchant-shop',
          entityId: shopId,
          scopeAgentId: merchant.agentId,
          before: { merchantId: id, ...before },
          after: { merchantId: id, ...after },
        });
        return after;
      });
    },

    async removeShop(auth: AuthContext, id: string, shopId: string): Promise<void> {
      const merchant = await visible(auth, id);
      await db.transaction(async (tx) => {
        const row = await MerchantShop.findOne({ where: { id: shopId, merchantId: id }, transaction: tx });
        if (!row) throw AppError.notFound(bi('فروشگاه یافت نشد.', 'Shop not found.'));
        const before = toShopRecord(row);
        await row.destroy({ transaction: tx });
        await touch(merchant, tx);
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'merchant-shop',
          entityId: shopId,
          scopeAgentId: merchant.agentId,
          before: { merchantId: id, ...before },
        });
      });
    },

    async addAccount(auth: AuthContext, id: string, input: AccountIn) {
      const merchant = await visible(auth, id);
      return write(
        async (tx) => {
          const count = await MerchantAccount.count({ where: { merchantId: id }, transaction: tx });
          const primary = count === 0 || Boolean(input.isPrimary);
          if (primary && count > 0)
            await MerchantAccount.update({ isPrimary: false }, { where: { merchantId: id }, transaction: tx });
          const row = await MerchantAccount.create(accountRow(id, input, primary, new Date()), { transaction: tx });
          await touch(merchant, tx);
          const after = toAccountRecord(row);
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'merchant-account',
            entityId: row.id,
            scopeAgentId: merchant.agentId,
            after: { merchantId: id, ...after },
          });
          return after;
        },
        () => accountExists('sheba'),
      );
    },

    async removeAccount(auth: AuthContext, id: string, accountId: string): Promise<void> {
      const merchant = await visible(auth, id);
      await db.transaction(async (tx) => {
        const row = await MerchantAccount.findOne({ where: { id: accountId, merchantId: id }, transaction: tx });
        if (!row) throw AppError.notFound(bi('حساب یافت نشد.', 'Account not found.'));
        const before = toAccountRecord(row);
        await row.destroy({ transaction: tx });
        const changes = [
          {
            action: 'delete',
            entityType: 'merchant-account',
            entityId: accountId,
            scopeAgentId: merchant.agentId,
            before: { merchantId: id, ...before },
          },
        ];
        if (before.isPrimary) {
          // The oldest remaining account becomes the primary one.
          const next = await MerchantAccount.findOne({
            where: { merchantId: id },
            order: [
              ['createdAt', 'ASC'],
              ['id', 'ASC'],
            ],
            transaction: tx,
          });
          if (next) {
            await next.update({ isPrimary: true }, { transaction: tx });
            changes.push({
              action: 'set-primary',
              entityType: 'merchant-account',
              entityId: next.id,
              scopeAgentId: merchant.agentId,
              before: { merchantId: id, ...toAccountRecord(next), isPrimary: false },
              after: { merchantId: id, ...toAccountRecord(next) },
            } as (typeof changes)[number]);
          }
        }
        await touch(merchant, tx);
        await appendAudit(db, tx, auth.who, changes);
      });
    },

    async setPrimaryAccount(auth: AuthContext, id: string, accountId: string) {
      const merchant = await visible(auth, id);
      return db.transaction(async (tx) => {
        const row = await MerchantAccount.findOne({ where: { id: accountId, merchantId: id }, transaction: tx });
        if (!row) throw AppError.notFound(bi('حساب یافت نشد.', 'Account not found.'));
        const previous = await MerchantAccount.findOne({ where: { merchantId: id, isPrimary: true }, transaction: tx });
        await MerchantAccount.update({ isPrimary: false }, { where: { merchantId: id }, transaction: tx });
        await row.update({ isPrimary: true }, { transaction: tx });
        await touch(merchant, tx);
        await appendAudit(db, tx, auth.who, {
          action: 'set-primary',
          entityType: 'merchant-account',
          entityId: accountId,
          scopeAgentId: merchant.agentId,
          before: { merchantId: id, primaryAccountId: previous?.id ?? null },
          after: { merchantId: id, primaryAccountId: accountId },
        });
        return (
          await MerchantAccount.findAll({
            where: { merchantId: id },
            order: [
              ['createdAt', 'ASC'],
              ['id', 'ASC'],
            ],
            transaction: tx,
          })
        ).map(toAccountRecord);
      });
    },

    async listDocuments(auth: AuthContext, id: string) {
      await visible(auth, id);
      const rows = await MerchantDocument.findAll({
        where: { merchantId: id },
        order: [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ],
      });
      return { items: await repo.documentsOf(rows) };
    },

    async uploadDocument(auth: AuthContext, id: string, typeCode: unknown, file: Express.Multer.File | undefined) {
      const merchant = await visible(auth, id);
      const { type, file: f } = await checkDocumentUpload(db, typeCode, file, merchant.kind);
      return db.transaction(async (tx) => {
        const now = new Date();
        const attachment = await storeFile(db, tx, {
          file: f,
          purpose: 'merchant-document',
          refId: merchant.id,
          ownerId: auth.user.id,
          agentId: merchant.agentId,
          fallbackName: 'document',
        });
        const doc = await MerchantDocument.create(
          {
            id: randomUUID(),
            merchantId: id,
            attachmentId: attachment.id,
            typeCode: type.code,
            status: 'pending',
            rejectReason: null,
            uploadedByUserId: auth.user.id,
            uploadedByName: auth.user.displayName,
            reviewedByUserId: null,
            reviewedByName: null,
            reviewedAt: null,
            createdAt: now,
          },
          { transaction: tx },
        );
        const [record] = await repo.documentsOf([doc], tx);
        await appendAudit(db, tx, auth.who, {
          action: 'create',
          entityType: 'merchant-document',
          entityId: doc.id,
          scopeAgentId: merchant.agentId,
          after: { merchantId: id, ...record, sha256: attachment.sha256 },
        });
        return record;
      });
    },

    async documentFile(auth: AuthContext, id: string, documentId: string) {
      await visible(auth, id);
      const doc = await MerchantDocument.findOne({ where: { id: documentId, merchantId: id } });
      const file = doc ? await Attachment.findByPk(doc.attachmentId) : null;
      if (!doc || !file || file.purpose !== 'merchant-document' || file.refId !== id) {
        throw AppError.notFound(bi('مدرک یافت نشد.', 'Document not found.'));
      }
      return file;
    },

    async reviewDocument(auth: AuthContext, id: string, documentId: string, input: z.output<typeof ReviewDocumentBody>) {
      const merchant = await visible(auth, id);
      return db.transaction(async (tx) => {
        const doc = await MerchantDocument.findOne({ where: { id: documentId, merchantId: id }, transaction: tx });
        if (!doc) throw AppError.notFound(bi('مدرک یافت نشد.', 'Document not found.'));
        if (doc.status !== 'pending') {
          throw new AppError(
            409,
            'DOCUMENT_ALREADY_REVIEWED',
            bi(
              'این مدرک پیش‌تر بررسی شده است؛ برای بررسی دوباره، مدرک تازه‌ای بارگذاری کنید.',
              'This document has already been reviewed; upload a new one to review again.',
            ),
          );
        }
        const [before] = await repo.documentsOf([doc], tx);
        await doc.update(
          {
            status: input.decision === 'approve' ? 'approved' : 'rejected',
            rejectReason: input.decision === 'reject' ? input.reason : null,
            reviewedByUserId: auth.user.id,
            reviewedByName: auth.user.displayName,
            reviewedAt: new Date(),
          },
          { transaction: tx },
        );
        const [after] = await repo.documentsOf([doc], tx);
        await appendAudit(db, tx, auth.who, {
          action: input.decision === 'approve' ? 'approve' : 'reject',
          entityType: 'merchant-document',
          entityId: documentId,
          scopeAgentId: merchant.agentId,
          before: { merchantId: id, ...before },
          after: { merchantId: id, ...after },
        });
        return after;
      });
    },
  };
}

export type MerchantService = ReturnType<typeof createMerchantService>;
