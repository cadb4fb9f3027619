import { z } from 'zod';
import { normalizeText, toAsciiDigits } from '../../domain/text';

/** Free text: normalised (Arabic letters → Persian, digits kept, spaces trimmed), then length-checked. */
export const text = (min: number, max: number, multiline = false) =>
  z
    .string()
    .transform((v) => normalizeText(v, { multiline }))
    .pipe(min > 0 ? z.string().min(1).min(min).max(max) : z.string().max(max));

/** An internal code: lower-case latin letters, digits, `-` and `_` (any digits accepted on input). */
export const Code = z
  .string()
  .transform((v) => toAsciiDigits(v).trim())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ (at most 64)'));

export const Names = { nameFa: text(1, 200), nameEn: text(1, 200) };

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

export const EmptyBody = z.strictObject({});

/** `?flag=true|false` → boolean. */
export const BoolQuery = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
