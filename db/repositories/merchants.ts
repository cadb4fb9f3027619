import { Op, type Transaction, type WhereOptions } from 'sequelize';
import { findBank } from '../../domain/iran';
import { formatJalali } from '../../domain/jalali';
import type { DocumentStatus, MerchantKind, RepresentativeRole } from '../../domain/merchants';
import type { Database } from '../index';
import { filesOf } from './attachments';
import type {
  MerchantAccountRow,
  MerchantAddressRow,
  MerchantDocumentRow,
  MerchantRepresentativeRow,
  MerchantRow,
  MerchantShopRow,
} from '../schema/merchants';

export interface AgentRef {
  id: string;
  code: string;
  nameFa: string;
  nameEn: string;
}

export interface MerchantSummaryRecord {
  id: string;
  kind: MerchantKind;
  identifier: string;
  displayNameFa: string;
  displayNameEn: string;
  mobile: string;
  agent: AgentRef;
  createdAt: string;
  updatedAt: string;
}

export interface ShopRecord {
  id: string;
  nameFa: string;
  nameEn: string;
  guildCode: string;
  addressFa: string;
  addressEn: string;
  postalCode: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface AccountRecord {
  id: string;
  sheba: string;
  bank: { code: string; nameFa: string; nameEn: string };
  ownerNameFa: string;
  ownerNameEn: string | null;
  isPrimary: boolean;
}

export interface DocumentRecord {
  id: string;
  typeCode: string;
  status: DocumentStatus;
  rejectReason: string | null;
  file: { fileName: string; contentType: string; size: number };
  uploadedBy: { id: string; displayName: string };
  reviewedBy: { id: string; displayName: string } | null;
  reviewedAt: string | null;
  createdAt: string;
}

export interface RepresentativeRecord {
  role: RepresentativeRole;
  nationalCode: string;
  firstNameFa: string;
  lastNameFa: string;
  firstNameEn: string;
  lastNameEn: string;
  mobile: string | null;
}

export interface AddressRecord {
  addressFa: string;
  addressEn: string;
  postalCode: string;
  phone: string | null;
}

export interface MerchantDetailRecord extends MerchantSummaryRecord {
  nationalCode: string | null;
  legalId: string | null;
  firstNameFa: string | null;
  lastNameFa: string | null;
  firstNameEn: string | null;
  lastNameEn: string | null;
  fatherNameFa: string | null;
  fatherNameEn: string | null;
  birthDate: string | null;
  birthDateJalali: string | null;
  idCardNumber: string | null;
  companyNameFa: string | null;
  companyNameEn: string | null;
  registrationNumber: string | null;
  registrationDate: string | null;
  registrationDateJalali: string | null;
  phone: string | null;
  email: string | null;
  taxTrackingCode: string | null;
  representatives: RepresentativeRecord[];
  addresses: AddressRecord[];
  shops: ShopRecord[];
  accounts: AccountRecord[];
  documents: DocumentRecord[];
  createdBy: { id: string; displayName: string };
}

export interface MerchantListFilter {
  agentIds?: string[];
  kind?: MerchantKind;
  text?: string;
  shebaLike?: string;
  page: number;
  pageSize: number;
}

const iso = (d: Date | string): string => new Date(d).toISOString();
const jalali = (day: string | null): string | null => (day ? formatJalali(day) : null);
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const toShopRecord = (s: MerchantShopRow): ShopRecord => ({
  id: s.id,
  nameFa: s.nameFa,
  nameEn: s.nameEn,
  guildCode: s.guildCode,
  addressFa: s.addressFa,
  addressEn: s.addressEn,
  postalCode: s.postalCode,
  phone: s.phone ?? null,
  latitude: s.latitude == null ? null : Number(s.latitude),
  longitude: s.longitude == null ? null : Number(s.longitude),
});

export const toAccountRecord = (a: MerchantAccountRow): AccountRecord => {
  const bank = findBank(a.bankCode);
  return {
    id: a.id,
    sheba: a.sheba,
    bank: { code: a.bankCode, nameFa: bank?.nameFa ?? a.bankCode, nameEn: bank?.nameEn ?? a.bankCode },
    ownerNameFa: a.ownerNameFa,
    ownerNameEn: a.ownerNameEn ?? null,
    isPrimary: Boolean(a.isPrimary),
  };
};

const toRepresentative = (r: MerchantRepresentativeRow): RepresentativeRecord => ({
  role: r.role,
  nationalCode: r.nationalCode,
  firstNameFa: r.firstNameFa,
  lastNameFa: r.lastNameFa,
  firstNameEn: r.firstNameEn,
  lastNameEn: r.lastNameEn,
  mobile: r.mobile ?? null,
});

const toAddress = (a: MerchantAddressRow): AddressRecord => ({
  addressFa: a.addressFa,
  addressEn: a.addressEn,
  postalCode: a.postalCode,
  phone: a.phone ?? null,
});

/** Merchants and what hangs on them, read as plain records. */
export function createMerchantRepository(db: Database) {
  const { Merchant, MerchantRepresentative, MerchantAddress, MerchantShop, MerchantAccount, MerchantDocument, Agent, User } =
    db.models;

  async function agentRefs(ids: string[]): Promise<Map<string, AgentRef>> {
    if (!ids.length) return new Map();
    const rows = await Agent.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'code', 'nameFa', 'nameEn'] });
    return new Map(rows.map((a) => [a.id, { id: a.id, code: a.code, nameFa: a.nameFa, nameEn: a.nameEn }]));
  }

  const summaryOf = (m: MerchantRow, agents: Map<string, AgentRef>): MerchantSummaryRecord => ({
    id: m.id,
    kind: m.kind,
    identifier: m.identifier,
    displayNameFa: m.displayNameFa,
    displayNameEn: m.displayNameEn,
    mobile: m.mobile,
    agent: agents.get(m.agentId) ?? { id: m.agentId, code: '', nameFa: '', nameEn: '' },
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  });

  async function documentsOf(rows: MerchantDocumentRow[], tx?: Transaction): Promise<DocumentRecord[]> {
    if (!rows.length) return [];
    const files = await filesOf(
      db,
      rows.map((d) => d.attachmentId),
      tx,
    );
    return rows.map((d) => ({
      id: d.id,
      typeCode: d.typeCode,
      status: d.status,
      rejectReason: d.rejectReason ?? null,
      file: files.of(d.attachmentId),
      uploadedBy: { id: d.uploadedByUserId, displayName: d.uploadedByName },
      reviewedBy: d.reviewedByUserId ? { id: d.reviewedByUserId, displayName: d.reviewedByName ?? '' } : null,
      reviewedAt: d.reviewedAt ? iso(d.reviewedAt) : null,
      createdAt: iso(d.createdAt),
    }));
  }

  return {
    findRow(id: string, tx?: Transaction): Promise<MerchantRow | null> {
      return Merchant.findByPk(id, { transaction: tx });
    },

    findByIdentifier(identifier: string, tx?: Transaction): Promise<MerchantRow | null> {
      return Merchant.findOne({ where: { identifier }, transaction: tx });
    },

    async detail(m: MerchantRow, tx?: Transaction): Promise<MerchantDetailRecord> {
      const where = { merchantId: m.id };
      const [reps, addresses, shops, accounts, docs, agents, creator] = await Promise.all([
        MerchantRepresentative.findAll({ where, order: [['sortOrder', 'ASC']], transaction: tx }),
        MerchantAddress.findAll({ where, order: [['sortOrder', 'ASC']], transaction: tx }),
        MerchantShop.findAll({
          where,
          order: [
            ['createdAt', 'ASC'],
            ['id', 'ASC'],
          ],
          transaction: tx,
        }),
        MerchantAccount.findAll({
          where,
          order: [
            ['createdAt', 'ASC'],
            ['id', 'ASC'],
          ],
          transaction: tx,
        }),
        MerchantDocument.findAll({
          where,
          order: [
            ['createdAt', 'ASC'],
            ['id', 'ASC'],
          ],
          transaction: tx,
        }),
        agentRefs([m.agentId]),
        User.findByPk(m.createdByUserId, { attributes: ['id', 'displayName'], transaction: tx }),
      ]);
      return {
        ...summaryOf(m, agents),
        nationalCode: m.kind === 'natural' ? m.identifier : null,
        legalId: m.kind === 'legal' ? m.identifier : null,
        firstNameFa: m.firstNameFa ?? null,
        lastNameFa: m.lastNameFa ?? null,
        firstNameEn: m.firstNameEn ?? null,
        lastNameEn: m.lastNameEn ?? null,
        fatherNameFa: m.fatherNameFa ?? null,
        fatherNameEn: m.fatherNameEn ?? null,
        birthDate: m.birthDate ?? null,
        birthDateJalali: jalali(m.birthDate ?? null),
        idCardNumber: m.idCardNumber ?? null,
        companyNameFa: m.companyNameFa ?? null,
        companyNameEn: m.companyNameEn ?? null,
        registrationNumber: m.registrationNumber ?? null,
        registrationDate: m.registrationDate ?? null,
        registrationDateJalali: jalali(m.registrationDate ?? null),
        phone: m.phone ?? null,
        email: m.email ?? null,
        taxTrackingCode: m.taxTrackingCode ?? null,
        representatives: reps.map(toRepresentative),
        addresses: addresses.map(toAddress),
        shops: shops.map(toShopRecord),
        accounts: accounts.map(toAccountRecord),
        documents: await documentsOf(docs, tx),
        createdBy: { id: m.createdByUserId, displayName: creator?.displayName ?? '' },
      };
    },

    async list(f: MerchantListFilter): Promise<{ items: MerchantSummaryRecord[]; total: number }> {
      const and: WhereOptions[] = [];
      if (f.agentIds) and.push({ agentId: f.agentIds });
      if (f.kind) and.push({ kind: f.kind });
      if (f.text) {
        const like = `%${escapeLike(f.text)}%`;
        // PostgreSQL's LIKE is case-sensitive; the others compare Latin letters without case here.
        const op = db.dialect === 'postgres' ? Op.iLike : Op.like;
        const or: WhereOptions[] = [
          { displayNameFa: { [op]: like } },
          { displayNameEn: { [op]: like } },
          { identifier: { [Op.like]: like } },
          { mobile: { [Op.like]: like } },
        ];
        if (f.shebaLike) {
          const accounts = await MerchantAccount.findAll({
            where: { sheba: { [Op.like]: `%${escapeLike(f.shebaLike)}%` } },
            attributes: ['merchantId'],
            limit: 500,
          });
          if (accounts.length) or.push({ id: [...new Set(accounts.map((a) => a.merchantId))] });
        }
        and.push({ [Op.or]: or });
      }
      const { rows, count } = await Merchant.findAndCountAll({
        where: { [Op.and]: and },
        order: [
          ['createdAt', 'DESC'],
          ['id', 'ASC'],
        ],
        offset: (f.page - 1) * f.pageSize,
        limit: f.pageSize,
      });
      const agents = await agentRefs(rows.map((r) => r.agentId));
      return { items: rows.map((r) => summaryOf(r, agents)), total: count };
    },

    documentsOf,
  };
}

export type MerchantRepository = ReturnType<typeof createMerchantRepository>;
