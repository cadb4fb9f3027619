/**
 * Base data (R-BASE) and the per-PSP code mapping (R-MAPPING): the kinds, each kind's attributes
 * (validated by its own zod schema) and CSV columns, and the typed "unmapped value" error.
 * Pure: workflows, activities and the API import it.
 */
import { z } from 'zod';
import { parseCalendarDay } from './calendar';
import { formatJalali } from './jalali';
import { bi, type Bilingual } from './i18n';
import { findBank, IRANIAN_BANKS } from './iran';
import { normalizeText, toAsciiDigits } from './text';
import { ATTRIBUTE_COLUMNS, DEVICE_CONNECTIONS, KIND_NAMES, PERSON_TYPES, PSP_PROTOCOLS, type BaseKind } from './basedata-kinds';

export * from './basedata-kinds';

// ---------------------------------------------------------------------------------------------------
// Attribute schemas: each refusal is a custom issue with bilingual `params` (see api/lib/errors.ts).

function refuse(ctx: z.RefinementCtx, input: unknown, code: string, fa: string, en: string): never {
  ctx.addIssue({ code: 'custom', message: en, input, params: { code, fa, en } });
  return z.NEVER;
}

const digits = (min: number, max: number, what: Bilingual) =>
  z.string().transform((v, ctx) => {
    const value = toAsciiDigits(v).trim();
    if (new RegExp(`^\\d{${min},${max}}$`).test(value)) return value;
    const len = min === max ? `${min}` : `${min} تا ${max}`;
    const lenEn = min === max ? `${min}` : `${min} to ${max}`;
    return refuse(ctx, v, 'digits', `${what.fa} باید ${len} رقم باشد.`, `${what.en} must be ${lenEn} digits.`);
  });

const label = (max: number) =>
  z
    .string()
    .transform((v) => normalizeText(v))
    .pipe(z.string().min(1).max(max));

const optionalUrl = z
  .string()
  .transform((v, ctx) => {
    const value = v.trim();
    if (value === '') return undefined;
    if (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value)) return value;
    return refuse(
      ctx,
      v,
      'url',
      'نشانی باید با http:// یا https:// آغاز شود.',
      'The address must start with http:// or https://.',
    );
  })
  .optional();

const isoDay = z.string().transform((v, ctx) => {
  const day = parseCalendarDay(v);
  if (day) return day;
  return refuse(
    ctx,
    v,
    'date',
    'تاریخ درست نیست؛ به شکل ۱۴۰۴/۰۱/۰۱ (شمسی) بنویسید.',
    'Not a valid date; write it as 1404/01/01 (Jalali) or 2025-03-21.',
  );
});

export const ATTRIBUTE_SCHEMAS = {
  psp: z.strictObject({ protocol: z.enum(PSP_PROTOCOLS), endpointUrl: optionalUrl }),
  'document-type': z.strictObject({ appliesTo: z.enum(PERSON_TYPES), required: z.boolean() }),
  'device-model': z.strictObject({
    manufacturer: label(100),
    model: label(100),
    connection: z.enum(DEVICE_CONNECTIONS),
  }),
  guild: z.strictObject({
    categoryCode: digits(1, 4, bi('کد رستهٔ صنفی', 'The category code')),
    guildCode: digits(4, 8, bi('کد صنف', 'The guild code')),
  }),
  'collect-reason': z.strictObject({}),
  'swap-reason': z.strictObject({}),
  bank: z.strictObject({}),
  'bank-branch': z.strictObject({
    bankCode: digits(3, 3, bi('کد بانک', 'The bank code')),
    branchCode: digits(1, 6, bi('کد شعبه', 'The branch code')),
    city: label(100),
  }),
  holiday: z.strictObject({ date: isoDay }),
} satisfies Record<BaseKind, z.ZodType>;

export type Attributes<K extends BaseKind> = z.output<(typeof ATTRIBUTE_SCHEMAS)[K]>;

/** The stable CSV header of a kind. */
export const csvHeader = (kind: BaseKind): string[] => [
  'code',
  'nameFa',
  'nameEn',
  'active',
  'sortOrder',
  ...ATTRIBUTE_COLUMNS[kind].map((c) => c.key),
];

const TRUE = new Set(['true', '1', 'yes', 'y', 'بله', 'آری', 'فعال']);
const FALSE = new Set(['false', '0', 'no', 'n', 'خیر', 'نه', 'غیرفعال']);

/** A CSV cell as a boolean (`true/false`, `1/0`, `yes/no`, `بله/خیر`), undefined when empty, null when unreadable. */
export function parseBooleanCell(cell: string): boolean | undefined | null {
  const v = toAsciiDigits(cell).trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

/** Attribute values as CSV cells (a day as Jalali, which is what people read in Excel). */
export function attributesToCells(kind: BaseKind, attributes: Record<string, unknown>): string[] {
  return ATTRIBUTE_COLUMNS[kind].map(({ key, type }) => {
    const v = attributes[key];
    if (v === undefined || v === null) return '';
    const cell = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    return type === 'day' ? formatJalali(cell) : cell;
  });
}

// ---------------------------------------------------------------------------------------------------
// Banks: the one list is IRANIAN_BANKS (domain/iran.ts), which the Sheba check uses. Base data holds
// the same codes (seeded from it) so admins can rename, order, deactivate and map them to PSP codes;
// a bank code outside that list cannot be added, because no Sheba could ever name it.

export const isKnownBankCode = (code: string): boolean => findBank(code) !== null;
export { IRANIAN_BANKS };

// ---------------------------------------------------------------------------------------------------
// Mapping errors

/**
 * A base-data value has no code at a PSP. Request workflows stop on it with a fixable error (the
 * admin adds the mapping, then the request is retried). Non-retryable by name.
 */
export class UnmappedValueError extends Error {
  static readonly code = 'UNMAPPED_VALUE';
  readonly code = UnmappedValueError.code;
  readonly text: Bilingual;
  constructor(
    readonly kind: BaseKind,
    readonly itemCode: string,
    readonly pspCode: string,
    readonly reason: 'unmapped' | 'unknown-item' | 'unknown-psp' = 'unmapped',
  ) {
    const kindName = KIND_NAMES[kind];
    const text =
      reason === 'unknown-psp'
        ? bi(`شرکت پرداخت «${pspCode}» در اطلاعات پایه تعریف نشده است.`, `The PSP "${pspCode}" is not defined in base data.`)
        : reason === 'unknown-item'
          ? bi(
              `مقدار «${itemCode}» در «${kindName.fa}» تعریف نشده است.`,
              `The value "${itemCode}" does not exist in ${kindName.en.toLowerCase()}.`,
            )
          : bi(
              `کد «${itemCode}» از «${kindName.fa}» برای شرکت پرداخت «${pspCode}» نگاشت نشده است؛ در اطلاعات پایه › نگاشت آن را تعریف کنید و درخواست را دوباره بفرستید.`,
              `The ${kind} "${itemCode}" has no code at PSP "${pspCode}"; add the mapping in Base data › Mapping, then retry the request.`,
            );
    super(text.en);
    this.name = 'UnmappedValueError';
    this.text = text;
  }
}
