/**
 * Agreements (SPEC R-AGREEMENTS): what the broker agreed with an agent or a user. Pure rules:
 * the terms' shape, the status machine, and what "in force" and "expired" mean on a Tehran day.
 */
import { z } from 'zod';
import { toAsciiDigits } from '../text';
import { parseJalali } from '../jalali';

export const AGREEMENT_STATUSES = ['draft', 'active', 'suspended', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** What a person sees: the stored status, or `expired` when an active agreement's last day has passed. */
export type EffectiveStatus = AgreementStatus | 'expired';

/** Status changes a manager may make; `terminated` is final. */
export const AGREEMENT_TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['active', 'terminated'],
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

export const canMoveTo = (from: AgreementStatus, to: AgreementStatus): boolean => AGREEMENT_TRANSITIONS[from].includes(to);

/** Days are Gregorian `YYYY-MM-DD`, compared as strings. */
export function effectiveStatus(a: { status: AgreementStatus; validTo: string }, today: string): EffectiveStatus {
  return a.status === 'active' && a.validTo < today ? 'expired' : a.status;
}

/** In force on `today`: active and today within [validFrom, validTo]. */
export function inForce(a: { status: AgreementStatus; validFrom: string; validTo: string }, today: string): boolean {
  return a.status === 'active' && a.validFrom <= today && today <= a.validTo;
}

// ---------------------------------------------------------------------------------------------
// Terms: a validated structure stored as JSON.

const custom = (ctx: z.RefinementCtx, code: string, fa: string, en: string, path?: (string | number)[]) =>
  ctx.addIssue({ code: 'custom', message: en, params: { code, fa, en }, ...(path ? { path } : {}) });

/** A base-data code (PSP, device model, service): lower-case letters, digits, `-`, `_`. */
const TermCode = z
  .string()
  .transform((v) => toAsciiDigits(v).trim().toLowerCase())
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ (at most 64)'));

/** Whole rials; Persian digits and thousands separators accepted in strings. */
const Rials = z.preprocess(
  (v) => (typeof v === 'string' ? Number(toAsciiDigits(v).replace(/[,٬\s]/g, '')) : v),
  z.number().int().min(0).max(1e15),
);

const Label = z.string().trim().min(1).max(200);

const uniqueCodes = (list: string[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c)) custom(ctx, 'duplicate', 'این کد تکراری است.', `Duplicate code "${c}".`, [i]);
    seen.add(c);
  });
};

export const CommissionSchema = z
  .strictObject({
    /** What the commission is on, e.g. `terminal-registration`, `device-sale`. */
    service: TermCode,
    kind: z.enum(['percent', 'fixed']),
    /** Percent (0–100, up to two decimals) or a fixed amount in rials. */
    value: z.preprocess((v) => (typeof v === 'string' ? Number(toAsciiDigits(v)) : v), z.number().min(0)),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'percent' && (c.value > 100 || Math.round(c.value * 100) !== c.value * 100)) {
      custom(
        ctx,
        'bad_percent',
        'درصد باید بین ۰ و ۱۰۰ و حداکثر با دو رقم اعشار باشد.',
        'A percentage is 0–100 with at most two decimals.',
        ['value'],
      );
    }
    if (c.kind === 'fixed' && !Number.isInteger(c.value)) {
      custom(ctx, 'bad_amount', 'مبلغ ثابت باید به ریال و بدون اعشار باشد.', 'A fixed commission is whole rials.', ['value']);
    }
  });

export const AgreementTermsSchema = z
  .strictObject({
    currency: z.literal('IRR').default('IRR'),
    /** Prices agreed for items (device models by code, or services). */
    prices: z
      .array(z.strictObject({ item: TermCode, label: Label.optional(), amount: Rials }))
      .max(200)
      .default([])
      .superRefine((list, ctx) =>
        uniqueCodes(
          list.map((p) => p.item),
          ctx,
        ),
      ),
    commissions: z
      .array(CommissionSchema)
      .max(100)
      .default([])
      .superRefine((list, ctx) =>
        uniqueCodes(
          list.map((c) => `${c.service}`),
          ctx,
        ),
      ),
    /** PSP codes the party may register terminals with (empty: none agreed). */
    allowedPsps: z.array(TermCode).max(50).default([]).superRefine(uniqueCodes),
    /** Device model codes the party may sell or register. */
    allowedDeviceModels: z.array(TermCode).max(500).default([]).superRefine(uniqueCodes),
    quotas: z
      .array(
        z.strictObject({
          key: TermCode,
          limit: z.number().int().min(0).max(1e9),
          period: z.enum(['day', 'month', 'year', 'total']),
        }),
      )
      .max(100)
      .default([])
      .superRefine((list, ctx) =>
        uniqueCodes(
          list.map((q) => `${q.key}:${q.period}`),
          ctx,
        ),
      ),
    notes: z.string().trim().max(4000).optional(),
  })
  .meta({
    id: 'AgreementTerms',
    description: 'Prices (rials), commissions (percent or fixed rials), allowed PSP and device-model codes, quotas.',
  });

export type AgreementTerms = z.output<typeof AgreementTermsSchema>;

/** A Jalali date as typed (`1404/01/15`, any digits) → Gregorian `YYYY-MM-DD`. */
export const JalaliDateSchema = z
  .string()
  .transform((input, ctx) => {
    const r = parseJalali(input);
    if (r.ok) return r.iso;
    custom(ctx, r.code, r.message.fa, r.message.en);
    return z.NEVER;
  })
  .meta({ description: 'Jalali (Solar Hijri) date, e.g. 1404/01/15; Persian digits accepted.', example: '1404/01/15' });

/** Adds a `validTo` issue when the range is reversed. */
export function checkValidityRange(from: string | undefined, to: string | undefined, ctx: z.RefinementCtx): void {
  if (from && to && from > to) {
    custom(
      ctx,
      'range_reversed',
      'تاریخ پایان نباید پیش از تاریخ شروع باشد.',
      'The end date must not be before the start date.',
      ['validTo'],
    );
  }
}
