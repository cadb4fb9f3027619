import type { Transaction } from 'sequelize';
import type { Database } from '../../db';
import { createBaseDataRepository, type BaseItem } from '../../db/repositories/basedata';
import { KIND_NAMES, type BaseKind } from '../../domain/basedata';
import { bi } from '../../domain/i18n';
import { AppError, type FieldError } from './errors';

/** A code that must name an active base-data item of `kind`, and the request field it came in. */
export interface BaseRef {
  kind: BaseKind;
  code: string;
  field: string;
}

/** The field error for a code that is not an active base-data item of its kind. */
export function notInBaseData({ kind, code, field }: BaseRef): FieldError {
  const name = KIND_NAMES[kind];
  return {
    field,
    code: 'not_in_basedata',
    message: bi(
      `«${code}» در «${name.fa}» اطلاعات پایه تعریف نشده یا غیرفعال است.`,
      `"${code}" is not an active item of ${name.en.toLowerCase()} in base data.`,
    ),
  };
}

/** The active base-data items the references name, by kind and code (absent or inactive: left out). */
export async function activeBaseItems(db: Database, refs: readonly BaseRef[], tx?: Transaction | null) {
  const repo = createBaseDataRepository(db);
  const found = new Map<string, BaseItem>();
  const kinds = [...new Set(refs.map((r) => r.kind))];
  for (const kind of kinds) {
    const codes = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.code))];
    const items = await repo.byCodes(kind, codes, tx ?? undefined);
    for (const [code, item] of items) if (item.active) found.set(`${kind}/${code}`, item);
  }
  return found;
}

/**
 * Refuses (400, one field error each) the references that are not active base-data items (R-BASE):
 * the one check for PSP, device-model, guild and document-type codes typed into other areas.
 */
export async function assertInBaseData(db: Database, refs: readonly BaseRef[], tx?: Transaction | null): Promise<void> {
  if (refs.length === 0) return;
  const found = await activeBaseItems(db, refs, tx);
  const errors = refs.filter((r) => !found.has(`${r.kind}/${r.code}`)).map(notInBaseData);
  if (errors.length) throw AppError.validation(errors);
}
