import { ApiError } from '../../../core/api/api-error';
import { LocalizedText } from '../../../core/api/api.models';
import { normalizeDigits } from '../../../core/i18n/locale-format';
import {
  ATTRIBUTE_FIELDS,
  BaseItem,
  BaseItemInput,
  BaseKind,
  MappingChange,
  MappingItem,
  isoToJalali,
} from './basedata-api.service';

/** What the base-data form edits: the item with its kind-specific attributes as typed. */
export interface BaseItemDraft {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly sortOrder: number;
  readonly active: boolean;
  readonly attributes: Readonly<Record<string, string | boolean>>;
}

/** A new item of a kind: selects start on their first option, check boxes unticked. */
export function emptyDraft(kind: BaseKind): BaseItemDraft {
  const attributes: Record<string, string | boolean> = {};
  for (const f of ATTRIBUTE_FIELDS[kind]) attributes[f.key] = f.type === 'boolean' ? false : (f.options?.[0] ?? '');
  return { code: '', nameFa: '', nameEn: '', sortOrder: 0, active: true, attributes };
}

/** An existing item in the form; a holiday's ISO day is shown in Jalali, as people type it. */
export function draftFromItem(item: BaseItem): BaseItemDraft {
  const attributes: Record<string, string | boolean> = {};
  for (const f of ATTRIBUTE_FIELDS[item.kind]) {
    const v = item.attributes[f.key];
    attributes[f.key] =
      f.type === 'boolean'
        ? v === true
        : f.type === 'jalali' && typeof v === 'string'
          ? isoToJalali(v)
          : typeof v === 'string' || typeof v === 'number'
            ? String(v)
            : '';
  }
  return {
    code: item.code,
    nameFa: item.nameFa,
    nameEn: item.nameEn,
    sortOrder: item.sortOrder,
    active: item.active,
    attributes,
  };
}

/** The body the API expects: empty attributes left out (the kind's schema says which are required). */
export function bodyFromDraft(draft: BaseItemDraft): BaseItemInput {
  const attributes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft.attributes)) if (v !== '') attributes[k] = v;
  return {
    code: draft.code.trim(),
    nameFa: draft.nameFa.trim(),
    nameEn: draft.nameEn.trim(),
    sortOrder: Number(normalizeDigits(String(draft.sortOrder))) || 0,
    active: draft.active,
    attributes,
  };
}

/** The attributes column of the table: values in the kind's field order, holidays in Jalali. */
export function itemDetails(item: BaseItem): string {
  return ATTRIBUTE_FIELDS[item.kind]
    .map((f) => {
      const v = item.attributes[f.key];
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return '';
      if (v === '' || v === false) return '';
      if (v === true) return '✓';
      return f.type === 'jalali' ? isoToJalali(String(v)) : String(v);
    })
    .filter(Boolean)
    .join(' · ');
}

/** One problem of a CSV import or a bulk save, as the report shows it. */
export interface ImportProblem {
  /** CSV line (the header is line 1), or the item's code for a bulk save. */
  readonly line: string;
  readonly column: string;
  readonly message: LocalizedText;
}

/**
 * The API names CSV problems `rows.<line>.<column>` and bulk problems `items.<index>.<column>`; this turns
 * them into report rows (bulk indexes become the item's code). Other fields come out as they are.
 */
export function importProblems(error: ApiError, bulk: readonly MappingChange[] = []): ImportProblem[] {
  return error.fields.map((f) => {
    const row = /^rows\.(\d+)\.(.+)$/.exec(f.field);
    if (row) return { line: row[1], column: row[2], message: f.message };
    const item = /^items\.(\d+)\.(.+)$/.exec(f.field);
    if (item) return { line: bulk[Number(item[1])]?.code ?? item[1], column: item[2], message: f.message };
    return { line: '', column: f.field, message: f.message };
  });
}

/** The rows of the mapping table whose typed code differs from the saved one (empty = clear). */
export function changedMappings(items: readonly MappingItem[], edits: Readonly<Record<string, string>>): MappingChange[] {
  const changes: MappingChange[] = [];
  for (const m of items) {
    const typed = (edits[m.code] ?? m.pspCode ?? '').trim();
    const next = typed === '' ? null : typed;
    if (next !== m.pspCode) changes.push({ kind: m.kind, code: m.code, pspCode: next });
  }
  return changes;
}
