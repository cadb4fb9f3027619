import { randomUUID } from 'node:crypto';
import { Op, type Transaction } from 'sequelize';
import { UnmappedValueError, type BaseItem, type BaseKind, type MappableKind } from '../../domain/basedata';
import type { HolidaySet } from '../../domain/calendar';
import { chunkForParams } from '../connection';
import type { Database } from '../index';

export type { BaseItem };

export type NewBaseItem = Omit<BaseItem, 'updatedAt'>;

export interface MappingRow {
  kind: MappableKind;
  itemCode: string;
  externalCode: string;
}

const ITEM_COLUMNS = 10;
const MAPPING_COLUMNS = 5;

type Row = {
  kind: string;
  code: string;
  nameFa: string;
  nameEn: string;
  active: boolean | number;
  sortOrder: number;
  attributes: string;
  updatedAt: Date | string;
};

const toItem = (r: Row): BaseItem => ({
  kind: r.kind as BaseKind,
  code: r.code,
  nameFa: r.nameFa,
  nameEn: r.nameEn,
  active: Boolean(r.active),
  sortOrder: Number(r.sortOrder),
  attributes: JSON.parse(r.attributes) as Record<string, unknown>,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** LIKE wildcards typed by a person are dropped (no portable ESCAPE clause across SQLite/PG/MSSQL). */
const likeText = (q: string): string => `%${q.replace(/[\\%_[\]]/g, '')}%`;

/** Data access for base data and mappings: plain objects in and out, no HTTP, no validation. */
export function createBaseDataRepository(db: Database) {
  const { BaseItem: Items, PspMapping } = db.models;

  return {
    async list(
      kind: BaseKind,
      opts: { q?: string; includeInactive?: boolean; offset?: number; limit?: number } = {},
    ): Promise<{ items: BaseItem[]; total: number }> {
      const where: Record<string | symbol, unknown> = { kind };
      if (!opts.includeInactive) where.active = true;
      if (opts.q) {
        const like = likeText(opts.q);
        // PostgreSQL's LIKE is case-sensitive; SQLite's and SQL Server's (default collation) are not.
        const op = db.dialect === 'postgres' ? Op.iLike : Op.like;
        where[Op.or] = [
          { code: { [op]: like } },
          { nameFa: { [op]: like } },
          { nameEn: { [op]: like } },
          { attributes: { [op]: like } },
        ];
      }
      const { rows, count } = await Items.findAndCountAll({
        where,
        order: [
          ['sortOrder', 'ASC'],
          ['code', 'ASC'],
        ],
        offset: opts.offset,
        limit: opts.limit,
        raw: true,
      });
      return { items: rows.map(toItem), total: count };
    },

    async all(kind: BaseKind, tx?: Transaction): Promise<BaseItem[]> {
      const rows = await Items.findAll({
        where: { kind },
        order: [
          ['sortOrder', 'ASC'],
          ['code', 'ASC'],
        ],
        raw: true,
        transaction: tx,
      });
      return rows.map(toItem);
    },

    async get(kind: BaseKind, code: string, tx?: Transaction): Promise<BaseItem | null> {
      const row = await Items.findOne({ where: { kind, code }, raw: true, transaction: tx });
      return row ? toItem(row) : null;
    },

    async byCodes(kind: BaseKind, codes: string[], tx?: Transaction): Promise<Map<string, BaseItem>> {
      const out = new Map<string, BaseItem>();
      for (const chunk of chunkForParams(codes, 1, 1000)) {
        const rows = await Items.findAll({ where: { kind, code: { [Op.in]: chunk } }, raw: true, transaction: tx });
        for (const r of rows) out.set(r.code, toItem(r));
      }
      return out;
    },

    async insert(items: NewBaseItem[], tx: Transaction): Promise<void> {
      const now = new Date();
      const rows = items.map((i) => ({
        id: randomUUID(),
        ...i,
        attributes: JSON.stringify(i.attributes),
        createdAt: now,
        updatedAt: now,
      }));
      for (const chunk of chunkForParams(rows, ITEM_COLUMNS)) await Items.bulkCreate(chunk, { transaction: tx });
    },

    async update(
      kind: BaseKind,
      code: string,
      values: Partial<Pick<NewBaseItem, 'nameFa' | 'nameEn' | 'active' | 'sortOrder' | 'attributes'>>,
      tx: Transaction,
    ): Promise<void> {
      const { attributes, ...rest } = values;
      await Items.update(
        { ...rest, ...(attributes ? { attributes: JSON.stringify(attributes) } : {}), updatedAt: new Date() },
        { where: { kind, code }, transaction: tx },
      );
    },

    /** The PSP's codes, by `kind/itemCode`. */
    async mappingsOf(pspCode: string, tx?: Transaction): Promise<Map<string, string>> {
      const rows = await PspMapping.findAll({ where: { pspCode }, raw: true, transaction: tx });
      return new Map(rows.map((r) => [`${r.kind}/${r.itemCode}`, r.externalCode]));
    },

    async setMappings(pspCode: string, set: MappingRow[], clear: { kind: MappableKind; itemCode: string }[], tx: Transaction) {
      const now = new Date();
      for (const c of clear)
        await PspMapping.destroy({ where: { pspCode, kind: c.kind, itemCode: c.itemCode }, transaction: tx });
      const existing = await this.mappingsOf(pspCode, tx);
      const fresh = set.filter((s) => !existing.has(`${s.kind}/${s.itemCode}`));
      for (const s of set.filter((x) => existing.has(`${x.kind}/${x.itemCode}`))) {
        await PspMapping.update(
          { externalCode: s.externalCode, updatedAt: now },
          { where: { pspCode, kind: s.kind, itemCode: s.itemCode }, transaction: tx },
        );
      }
      const rows = fresh.map((s) => ({ pspCode, ...s, updatedAt: now }));
      for (const chunk of chunkForParams(rows, MAPPING_COLUMNS)) await PspMapping.bulkCreate(chunk, { transaction: tx });
    },

    /**
     * The PSP's own code for a base-data value. Throws UnmappedValueError (naming kind, item and PSP,
     * fa/en) when the PSP or item is unknown or the item has no code at that PSP.
     */
    async resolvePspCode(kind: MappableKind, internalCode: string, pspCode: string): Promise<string> {
      const psp = await Items.findOne({ where: { kind: 'psp', code: pspCode }, attributes: ['code'], raw: true });
      if (!psp) throw new UnmappedValueError(kind, internalCode, pspCode, 'unknown-psp');
      const mapping = await PspMapping.findOne({ where: { pspCode, kind, itemCode: internalCode }, raw: true });
      if (mapping) return mapping.externalCode;
      const item = await Items.findOne({ where: { kind, code: internalCode }, attributes: ['code'], raw: true });
      throw new UnmappedValueError(kind, internalCode, pspCode, item ? 'unmapped' : 'unknown-item');
    },

    /** The official holidays (active items of kind `holiday`) as Tehran calendar days. */
    async holidays(): Promise<HolidaySet> {
      const rows = await Items.findAll({ where: { kind: 'holiday', active: true }, attributes: ['attributes'], raw: true });
      return new Set(rows.map((r) => String((JSON.parse(r.attributes) as { date: string }).date)));
    },
  };
}

export type BaseDataRepository = ReturnType<typeof createBaseDataRepository>;

/** `resolvePspCode(kind, internalCode, pspCode)` for callers that hold a database (activities). */
export function resolvePspCode(db: Database, kind: MappableKind, internalCode: string, pspCode: string): Promise<string> {
  return createBaseDataRepository(db).resolvePspCode(kind, internalCode, pspCode);
}
