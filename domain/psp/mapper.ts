/**
 * Outbound translation (R-MAPPING): Kartabl's internal codes → one PSP's codes, through the per-PSP
 * mapping of base data. Pure over a loaded table; `loadPspMapper` (activities/psp/mapping.ts) fills it
 * from the database in one query.
 */
import type { MappableKind } from '../basedata';
import { PspUnmappedValue } from './errors';

export interface PspMapper {
  readonly pspCode: string;
  /** The PSP's code for an internal code; throws PspUnmappedValue (naming kind, item and PSP). */
  code(kind: MappableKind, internalCode: string): string;
  /** Several at once; the first missing one throws. */
  codes<K extends string>(values: Record<K, [MappableKind, string]>): Record<K, string>;
}

export interface MappingTable {
  pspCode: string;
  /** False when the PSP is not an item of base data. */
  pspKnown: boolean;
  /** The PSP's codes by `kind/itemCode`. */
  mappings: ReadonlyMap<string, string>;
  /** Whether an internal item exists (to tell "unknown value" from "not mapped"). */
  itemExists(kind: MappableKind, code: string): boolean;
}

export function createPspMapper(table: MappingTable): PspMapper {
  const code = (kind: MappableKind, internalCode: string): string => {
    if (!table.pspKnown) throw new PspUnmappedValue(kind, internalCode, table.pspCode, 'unknown-psp');
    const external = table.mappings.get(`${kind}/${internalCode}`);
    if (external !== undefined && external !== '') return external;
    throw new PspUnmappedValue(
      kind,
      internalCode,
      table.pspCode,
      table.itemExists(kind, internalCode) ? 'unmapped' : 'unknown-item',
    );
  };
  return {
    pspCode: table.pspCode,
    code,
    codes<K extends string>(values: Record<K, [MappableKind, string]>): Record<K, string> {
      const out = {} as Record<K, string>;
      for (const key of Object.keys(values) as K[]) out[key] = code(values[key][0], values[key][1]);
      return out;
    },
  };
}
