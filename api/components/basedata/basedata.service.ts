import { UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import type { Actor } from '../../../db/audit';
import { appendAudit } from '../../../db/audit';
import { chunkForParams } from '../../../db/connection';
import type { Database } from '../../../db';
import { createBaseDataRepository, type BaseItem, type MappingRow, type NewBaseItem } from '../../../db/repositories/basedata';
import {
  ATTRIBUTE_COLUMNS,
  ATTRIBUTE_SCHEMAS,
  KIND_NAMES,
  MAPPABLE_KINDS,
  attributesToCells,
  csvHeader,
  isKnownBankCode,
  isMappableKind,
  parseBooleanCell,
  type BaseKind,
  type MappableKind,
} from '../../../domain/basedata';
import { canonicalJson } from '../../../domain/audit';
import { CsvSyntaxError, parseCsv, toCsv } from '../../../domain/csv';
import { bi } from '../../../domain/i18n';
import { toAsciiDigits } from '../../../domain/text';
import { AppError, fieldErrorFromIssue, type FieldError } from '../../lib/errors';
import { Code, text } from '../../lib/schemas';

/** The editable fields of an item (attributes are checked by the kind's schema). */
export const ItemFields = z.strictObject({
  nameFa: text(1, 200),
  nameEn: text(1, 200),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export const NewItem = ItemFields.extend({ code: Code });
export type ItemInput = z.output<typeof ItemFields>;

/** A PSP's own code: any printable text up to 64 characters (digits normalised). */
export const PspCodeValue = z
  .string()
  .transform((v) => toAsciiDigits(v).trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(64)
      .regex(/^[^\p{Cc}]+$/u),
  );

const MAX_REPORTED_ERRORS = 200;
const AUDIT_COLUMNS = 17;

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  changes: { line: number; code: string; action: 'create' | 'update' }[];
}

export interface MappingImportReport {
  dryRun: boolean;
  set: number;
  cleared: number;
  unchanged: number;
}

const conflict = (kind: BaseKind, code: string) =>
  new AppError(
    409,
    'BASEDATA_CODE_TAKEN',
    bi(
      `کد «${code}» در «${KIND_NAMES[kind].fa}» پیش‌تر ثبت شده است.`,
      `The code "${code}" is already used in ${KIND_NAMES[kind].en.toLowerCase()}.`,
    ),
    [{ field: 'code', code: 'taken', message: bi('این کد تکراری است.', 'This code is already taken.') }],
  );

const notFound = (kind: BaseKind, code: string) =>
  AppError.notFound(
    bi(`«${code}» در «${KIND_NAMES[kind].fa}» یافت نشد.`, `"${code}" was not found in ${KIND_NAMES[kind].en.toLowerCase()}.`),
  );

const audited = (item: BaseItem | NewBaseItem) => ({
  code: item.code,
  nameFa: item.nameFa,
  nameEn: item.nameEn,
  active: item.active,
  sortOrder: item.sortOrder,
  attributes: item.attributes,
});

const sameContent = (a: BaseItem | NewBaseItem, b: BaseItem | NewBaseItem): boolean =>
  canonicalJson(audited(a)) === canonicalJson(audited(b));

export function createBaseDataService(db: Database) {
  const repo = createBaseDataRepository(db);

  /** Validates the kind's attributes and cross-item rules; field errors are prefixed `attributes.`. */
  async function checkAttributes(
    kind: BaseKind,
    code: string,
    raw: Record<string, unknown>,
    knownBanks?: Set<string>,
  ): Promise<{ attributes: Record<string, unknown>; fields: FieldError[] }> {
    const fields: FieldError[] = [];
    if (kind === 'bank' && !isKnownBankCode(code)) {
      fields.push({
        field: 'code',
        code: 'unknown_bank',
        message: bi(
          'کد بانک باید یکی از کدهای سه‌رقمی شبا باشد (مانند ۰۱۲ برای ملت).',
          'A bank code must be one of the three-digit Sheba bank codes (e.g. 012 for Mellat).',
        ),
      });
    }
    const parsed = ATTRIBUTE_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      fields.push(...parsed.error.issues.map((i) => fieldErrorFromIssue(i, ['attributes'])));
      return { attributes: {}, fields };
    }
    // Absent optional values are dropped, as they would be in the stored JSON.
    const attributes = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
    if (kind === 'bank-branch') {
      const bankCode = String(attributes.bankCode);
      const exists = knownBanks ? knownBanks.has(bankCode) : (await repo.get('bank', bankCode)) !== null;
      if (!exists) {
        fields.push({
          field: 'attributes.bankCode',
          code: 'unknown_bank',
          message: bi(`بانکی با کد ${bankCode} در اطلاعات پایه نیست.`, `There is no bank with code ${bankCode} in base data.`),
        });
      }
    }
    return { attributes, fields };
  }

  async function mustGet(kind: BaseKind, code: string): Promise<BaseItem> {
    const item = await repo.get(kind, code);
    if (!item) throw notFound(kind, code);
    return item;
  }

  async function mustGetPsp(pspCode: string): Promise<BaseItem> {
    return mustGet('psp', pspCode);
  }

  return {
    repo,
    list: (...args: Parameters<typeof repo.list>) => repo.list(...args),
    get: mustGet,

    async create(kind: BaseKind, input: z.output<typeof NewItem>, who: Actor): Promise<BaseItem> {
      const { attributes, fields } = await checkAttributes(kind, input.code, input.attributes);
      if (fields.length) throw AppError.validation(fields);
      if (await repo.get(kind, input.code)) throw conflict(kind, input.code);
      const item: NewBaseItem = { kind, ...input, attributes };
      try {
        await db.transaction(async (tx) => {
          await repo.insert([item], tx);
          await appendAudit(db, tx, who, {
            action: 'create',
            entityType: `basedata.${kind}`,
            entityId: item.code,
            scopeAgentId: null,
            after: audited(item),
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw conflict(kind, input.code);
        throw err;
      }
      return mustGet(kind, input.code);
    },

    async update(kind: BaseKind, code: string, input: ItemInput, who: Actor): Promise<BaseItem> {
      const before = await mustGet(kind, code);
      const { attributes, fields } = await checkAttributes(kind, code, input.attributes);
      if (fields.length) throw AppError.validation(fields);
      const after: NewBaseItem = { kind, code, ...input, attributes };
      if (sameContent(before, after)) return before;
      await db.transaction(async (tx) => {
        await repo.update(kind, code, input.attributes ? { ...input, attributes } : input, tx);
        await appendAudit(db, tx, who, {
          action: 'update',
          entityType: `basedata.${kind}`,
          entityId: code,
          scopeAgentId: null,
          before: audited(before),
          after: audited(after),
        });
      });
      return mustGet(kind, code);
    },

    /** Items are never deleted (requests and history refer to them): they are switched off. */
    async setActive(kind: BaseKind, code: string, active: boolean, who: Actor): Promise<BaseItem> {
      const before = await mustGet(kind, code);
      if (before.active === active) return before;
      await db.transaction(async (tx) => {
        await repo.update(kind, code, { active }, tx);
        await appendAudit(db, tx, who, {
          action: active ? 'activate' : 'deactivate',
          entityType: `basedata.${kind}`,
          entityId: code,
          scopeAgentId: null,
          before: { active: before.active },
          after: { active },
        });
      });
      return mustGet(kind, code);
    },

    async exportCsv(kind: BaseKind): Promise<string> {
      const items = await repo.all(kind);
      return toCsv(
        csvHeader(kind),
        items.map((i) => [i.code, i.nameFa, i.nameEn, i.active, i.sortOrder, ...attributesToCells(kind, i.attributes)]),
      );
    },

    /**
     * Validates every line first (errors as `rows.<line>.<column>`), then upserts by code in one
     * transaction: all lines or none. One audit entry (action `import`) per created or changed item,
     * so an item's history reads the same whether it was edited on screen or imported.
     */
    async importCsv(kind: BaseKind, csvText: string, who: Actor, dryRun = false): Promise<ImportReport> {
      const records = parseOrRefuse(csvText);
      const header = records[0]?.cells.map((h) => h.trim()) ?? [];
      const expected = csvHeader(kind);
      const errors: FieldError[] = [];
      const missing = ['code', 'nameFa', 'nameEn'].filter((c) => !header.includes(c));
      for (const m of missing)
        errors.push({
          field: `rows.1.${m}`,
          code: 'missing_column',
          message: bi(`ستون «${m}» در سطر عنوان نیست.`, `The header has no "${m}" column.`),
        });
      for (const h of header.filter((h) => !expected.includes(h))) {
        errors.push({
          field: `rows.1.${h}`,
          code: 'unknown_column',
          message: bi(
            `ستون ناشناخته: «${h}»؛ ستون‌های مجاز: ${expected.join('، ')}`,
            `Unknown column "${h}"; the columns are: ${expected.join(', ')}.`,
          ),
        });
      }
      if (errors.length) throw importInvalid(errors);

      const lines = records.slice(1);
      const codes = lines.map((r) => toAsciiDigits(r.cells[header.indexOf('code')] ?? '').trim());
      const existing = await repo.byCodes(kind, [...new Set(codes)]);
      const knownBanks = kind === 'bank-branch' ? new Set((await repo.all('bank')).map((b) => b.code)) : undefined;
      const seen = new Map<string, number>();
      const planned: { line: number; item: NewBaseItem; before: BaseItem | undefined }[] = [];

      for (const record of lines) {
        const at = (field: string) => `rows.${record.line}.${field}`;
        if (record.cells.length !== header.length) {
          errors.push({
            field: at('(line)'),
            code: 'cell_count',
            message: bi(
              `این سطر ${record.cells.length} خانه دارد؛ ${header.length} خانه لازم است.`,
              `This line has ${record.cells.length} cells; ${header.length} are expected.`,
            ),
          });
          continue;
        }
        const cell = (name: string): string | undefined =>
          header.includes(name) ? record.cells[header.indexOf(name)] : undefined;
        const lineErrors: FieldError[] = [];
        const code = Code.safeParse(cell('code') ?? '');
        if (!code.success) lineErrors.push(...code.error.issues.map((i) => ({ ...fieldErrorFromIssue(i), field: at('code') })));
        const before = code.success ? existing.get(code.data) : undefined;
        if (code.success) {
          const first = seen.get(code.data);
          if (first)
            lineErrors.push({
              field: at('code'),
              code: 'duplicate',
              message: bi(`این کد در سطر ${first} هم آمده است.`, `This code also appears on line ${first}.`),
            });
          else seen.set(code.data, record.line);
        }
        const activeCell = cell('active');
        const active = activeCell === undefined ? undefined : parseBooleanCell(activeCell);
        if (active === null)
          lineErrors.push({
            field: at('active'),
            code: 'boolean',
            message: bi('مقدار «فعال» باید true یا false باشد.', 'Active must be true or false.'),
          });
        const sortCell = toAsciiDigits(cell('sortOrder') ?? '').trim();
        const attrs: Record<string, unknown> = {};
        for (const col of ATTRIBUTE_COLUMNS[kind]) {
          const raw = cell(col.key);
          if (raw === undefined || (raw.trim() === '' && col.type !== 'text')) continue;
          if (col.type === 'boolean') {
            const b = parseBooleanCell(raw);
            if (b === null)
              lineErrors.push({
                field: at(col.key),
                code: 'boolean',
                message: bi('مقدار باید true یا false باشد.', 'The value must be true or false.'),
              });
            else attrs[col.key] = b;
          } else attrs[col.key] = raw;
        }
        const fields = ItemFields.safeParse({
          nameFa: cell('nameFa') ?? '',
          nameEn: cell('nameEn') ?? '',
          active: active ?? before?.active ?? true,
          sortOrder: sortCell === '' ? (before?.sortOrder ?? 0) : /^\d+$/.test(sortCell) ? Number(sortCell) : sortCell,
          attributes: attrs,
        });
        if (!fields.success)
          lineErrors.push(...fields.error.issues.map((i) => ({ ...fieldErrorFromIssue(i), field: at(String(i.path[0])) })));
        const checked = await checkAttributes(kind, code.success ? code.data : '', attrs, knownBanks);
        lineErrors.push(
          ...checked.fields
            .filter((f) => code.success || f.field !== 'code')
            .map((f) => ({ ...f, field: at(f.field.replace(/^attributes\./, '')) })),
        );
        if (code.success && fields.success && !lineErrors.length) {
          planned.push({
            line: record.line,
            item: { kind, code: code.data, ...fields.data, attributes: checked.attributes },
            before,
          });
        }
        // One reason per cell: the first one found.
        const seenFields = new Set<string>();
        errors.push(...lineErrors.filter((f) => !seenFields.has(f.field) && seenFields.add(f.field)));
      }
      if (errors.length) throw importInvalid(errors);

      const creates = planned.filter((p) => !p.before);
      const updates = planned.filter((p) => p.before && !sameContent(p.before, p.item));
      const report: ImportReport = {
        dryRun,
        created: creates.length,
        updated: updates.length,
        unchanged: planned.length - creates.length - updates.length,
        changes: [...creates, ...updates]
          .sort((a, b) => a.line - b.line)
          .map((p) => ({ line: p.line, code: p.item.code, action: p.before ? 'update' : 'create' })),
      };
      if (dryRun || (!creates.length && !updates.length)) return report;
      try {
        await db.transaction(async (tx) => {
          await repo.insert(
            creates.map((c) => c.item),
            tx,
          );
          for (const u of updates) await repo.update(kind, u.item.code, u.item, tx);
          const entries = [...creates, ...updates].map((p) => ({
            action: 'import',
            entityType: `basedata.${kind}`,
            entityId: p.item.code,
            scopeAgentId: null,
            before: p.before ? audited(p.before) : undefined,
            after: audited(p.item),
          }));
          for (const chunk of chunkForParams(entries, AUDIT_COLUMNS)) await appendAudit(db, tx, who, chunk);
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) {
          throw new AppError(
            409,
            'BASEDATA_CODE_TAKEN',
            bi('هم‌زمان کسی همین کدها را ثبت کرد؛ دوباره وارد کنید.', 'Someone added the same codes meanwhile; import again.'),
          );
        }
        throw err;
      }
      return report;
    },

    // -------------------------------------------------------------------------------------------
    // Mapping

    /** Every mappable item with this PSP's code (null where unmapped). */
    async mappings(pspCode: string, kind?: MappableKind) {
      await mustGetPsp(pspCode);
      const map = await repo.mappingsOf(pspCode);
      const kinds = kind ? [kind] : MAPPABLE_KINDS;
      const out: { kind: MappableKind; code: string; nameFa: string; nameEn: string; active: boolean; pspCode: string | null }[] =
        [];
      for (const k of kinds) {
        for (const i of await repo.all(k)) {
          out.push({
            kind: k,
            code: i.code,
            nameFa: i.nameFa,
            nameEn: i.nameEn,
            active: i.active,
            pspCode: map.get(`${k}/${i.code}`) ?? null,
          });
        }
      }
      return out;
    },

    /** Active items with no code at this PSP, per kind. */
    async unmapped(pspCode: string) {
      const all = await this.mappings(pspCode);
      return MAPPABLE_KINDS.map((kind) => {
        const active = all.filter((m) => m.kind === kind && m.active);
        const items = active.filter((m) => m.pspCode === null).map(({ code, nameFa, nameEn }) => ({ code, nameFa, nameEn }));
        return { kind, total: active.length, unmapped: items.length, items };
      });
    },

    /**
     * Sets (pspCode given) or clears (null) mappings, all or none; errors as `items.<i>.<field>`
     * (or `rows.<line>.<field>` from CSV). One audit entry per changed mapping.
     */
    async applyMappings(
      pspCode: string,
      changes: { kind: string; code: string; pspCode: string | null; where: string }[],
      who: Actor,
      dryRun = false,
    ): Promise<MappingImportReport> {
      await mustGetPsp(pspCode);
      const errors: FieldError[] = [];
      const current = await repo.mappingsOf(pspCode);
      const itemsByKind = new Map<string, Set<string>>();
      for (const k of MAPPABLE_KINDS) itemsByKind.set(k, new Set((await repo.all(k)).map((i) => i.code)));
      const seen = new Set<string>();
      const set: MappingRow[] = [];
      const clear: { kind: MappableKind; itemCode: string }[] = [];
      const audit: { key: string; before: string | null; after: string | null }[] = [];
      for (const c of changes) {
        if (!isMappableKind(c.kind)) {
          errors.push({
            field: `${c.where}.kind`,
            code: 'invalid_value',
            message: bi(
              `نوع «${c.kind}» نگاشت‌پذیر نیست؛ یکی از این‌ها: ${MAPPABLE_KINDS.join('، ')}`,
              `"${c.kind}" is not a mappable kind; use one of: ${MAPPABLE_KINDS.join(', ')}.`,
            ),
          });
          continue;
        }
        if (!itemsByKind.get(c.kind)!.has(c.code)) {
          errors.push({
            field: `${c.where}.code`,
            code: 'unknown_item',
            message: bi(
              `«${c.code}» در «${KIND_NAMES[c.kind].fa}» نیست.`,
              `"${c.code}" does not exist in ${KIND_NAMES[c.kind].en.toLowerCase()}.`,
            ),
          });
          continue;
        }
        const key = `${c.kind}/${c.code}`;
        if (seen.has(key)) {
          errors.push({
            field: `${c.where}.code`,
            code: 'duplicate',
            message: bi('این مورد دو بار آمده است.', 'This item appears twice.'),
          });
          continue;
        }
        seen.add(key);
        const before = current.get(key) ?? null;
        if (before === c.pspCode) continue;
        audit.push({ key, before, after: c.pspCode });
        if (c.pspCode === null) clear.push({ kind: c.kind, itemCode: c.code });
        else set.push({ kind: c.kind, itemCode: c.code, externalCode: c.pspCode });
      }
      if (errors.length) throw importInvalid(errors);
      const report = { dryRun, set: set.length, cleared: clear.length, unchanged: changes.length - set.length - clear.length };
      if (dryRun || !audit.length) return report;
      await db.transaction(async (tx) => {
        await repo.setMappings(pspCode, set, clear, tx);
        const entries = audit.map((a) => ({
          action: a.after === null ? 'unmap' : 'map',
          entityType: 'basedata.mapping',
          entityId: `${pspCode}/${a.key}`,
          scopeAgentId: null,
          before: a.before === null ? undefined : { pspCode: a.before },
          after: a.after === null ? undefined : { pspCode: a.after },
        }));
        for (const chunk of chunkForParams(entries, AUDIT_COLUMNS)) await appendAudit(db, tx, who, chunk);
      });
      return report;
    },

    async exportMappingsCsv(pspCode: string): Promise<string> {
      const rows = await this.mappings(pspCode);
      return toCsv(
        ['kind', 'code', 'pspCode', 'nameFa', 'nameEn'],
        rows.map((r) => [r.kind, r.code, r.pspCode ?? '', r.nameFa, r.nameEn]),
      );
    },

    /** CSV `kind,code,pspCode` (other columns ignored); an empty pspCode clears the mapping. */
    async importMappingsCsv(pspCode: string, csvText: string, who: Actor, dryRun = false): Promise<MappingImportReport> {
      const records = parseOrRefuse(csvText);
      const header = records[0]?.cells.map((h) => h.trim()) ?? [];
      const missing = ['kind', 'code', 'pspCode'].filter((c) => !header.includes(c));
      if (missing.length) {
        throw importInvalid(
          missing.map((m) => ({
            field: `rows.1.${m}`,
            code: 'missing_column',
            message: bi(`ستون «${m}» در سطر عنوان نیست.`, `The header has no "${m}" column.`),
          })),
        );
      }
      const errors: FieldError[] = [];
      const changes: { kind: string; code: string; pspCode: string | null; where: string }[] = [];
      for (const r of records.slice(1)) {
        const cell = (n: string) => r.cells[header.indexOf(n)] ?? '';
        const raw = cell('pspCode');
        let value: string | null = null;
        if (toAsciiDigits(raw).trim() !== '') {
          const parsed = PspCodeValue.safeParse(raw);
          if (!parsed.success) {
            errors.push({ ...fieldErrorFromIssue(parsed.error.issues[0]), field: `rows.${r.line}.pspCode` });
            continue;
          }
          value = parsed.data;
        }
        changes.push({
          kind: cell('kind').trim(),
          code: toAsciiDigits(cell('code')).trim(),
          pspCode: value,
          where: `rows.${r.line}`,
        });
      }
      if (errors.length) throw importInvalid(errors);
      return this.applyMappings(pspCode, changes, who, dryRun);
    },
  };
}

export type BaseDataService = ReturnType<typeof createBaseDataService>;

function parseOrRefuse(csvText: string) {
  try {
    const records = parseCsv(csvText);
    if (!records.length) {
      throw importInvalid([{ field: 'rows.1', code: 'empty', message: bi('فایل خالی است.', 'The file is empty.') }]);
    }
    return records;
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      throw importInvalid([
        {
          field: `rows.${err.line}`,
          code: 'csv_syntax',
          message: bi(
            `قالب CSV در سطر ${err.line} درست نیست (گیومهٔ بسته‌نشده یا متن پس از گیومه).`,
            `Malformed CSV on line ${err.line}: ${err.message}.`,
          ),
        },
      ]);
    }
    throw err;
  }
}

/** Nothing was written: every problem, by line and column. */
function importInvalid(errors: FieldError[]): AppError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  return new AppError(
    400,
    'IMPORT_INVALID',
    bi(
      `${errors.length} خطا در فایل؛ هیچ تغییری ذخیره نشد. خطاها را اصلاح و دوباره بارگذاری کنید.`,
      `${errors.length} error(s) in the file; nothing was saved. Fix them and upload again.`,
    ),
    shown,
  );
}
