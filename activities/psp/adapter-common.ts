/** Small pieces both PSP adapters use: credentials, the transaction feed's shape, rejection errors. */
import type { PspCallContext, PspTransaction } from '../../domain/psp/adapter';
import { PspBusinessRejection, PspCredentialsUnavailable, PspRetryableError } from '../../domain/psp/errors';
import { bi } from '../../domain/i18n';
import { rejectionText, type PspRejectionReason } from '../../domain/psp/rejections';

/** `username` / `password` of the credential owner (stored as a JSON object by the agents API). */
export function userPassword(pspCode: string, ctx: PspCallContext): { username: string; password: string } {
  const username = ctx.credentials.username?.trim() ?? '';
  const password = ctx.credentials.password ?? '';
  if (!username || !password) throw new PspCredentialsUnavailable(pspCode, null, 'no-credentials');
  return { username, password };
}

/** A PSP refusal with our bilingual text next to the PSP's code and Persian message. */
export function rejection(
  pspCode: string,
  pspLabel: string,
  codes: Readonly<Record<string, PspRejectionReason>>,
  code: string,
  pspMessage: string,
): PspBusinessRejection {
  return new PspBusinessRejection(pspCode, code, pspMessage, rejectionText(codes, pspLabel, code));
}

/** Both PSPs change a shop through one of its terminals: a change naming none cannot be sent. */
export function terminalRequired(pspCode: string): PspBusinessRejection {
  return new PspBusinessRejection(
    pspCode,
    'TERMINAL-REQUIRED',
    '',
    bi(
      'شرکت پرداخت اطلاعات فروشگاه را از راه یکی از پایانه‌هایش تغییر می‌دهد؛ شمارهٔ پایانه در درخواست نیست.',
      "The PSP changes a shop's details through one of its terminals; the request names no terminal.",
    ),
  );
}

/** Neither PSP changes a shop's guild in place (a new registration is needed): refused before sending. */
export function guildChangeUnsupported(pspCode: string): PspBusinessRejection {
  return new PspBusinessRejection(
    pspCode,
    'GUILD-CHANGE-UNSUPPORTED',
    '',
    bi(
      'شرکت پرداخت تغییر صنف فروشگاه را نمی‌پذیرد؛ برای صنف دیگر پذیرندهٔ تازه ثبت کنید.',
      "The PSP does not change a shop's guild; register the merchant again for another guild.",
    ),
  );
}

/** Iran's offset (no daylight saving since 2022): the feeds give Tehran wall-clock date and time. */
const TEHRAN_OFFSET = '+03:30';

export interface FeedRow {
  rrn: string;
  date: string;
  time: string;
  amount: number;
  cardPan: string;
  kind: string;
  success: boolean;
}

export function toTransaction(row: FeedRow): PspTransaction {
  const at = new Date(`${row.date}T${row.time}${TEHRAN_OFFSET}`);
  if (Number.isNaN(at.getTime()))
    throw new PspRetryableError('malformed', `the PSP's transaction ${row.rrn} has an unreadable date/time`);
  const kind = row.kind.toLowerCase();
  return {
    reference: row.rrn,
    at: at.toISOString(),
    amount: row.amount,
    kind: kind === 'purchase' || kind === 'refund' || kind === 'balance' ? kind : 'other',
    succeeded: row.success,
    ...(row.cardPan ? { cardMasked: row.cardPan } : {}),
  };
}

/** Drops undefined values (optional fields the PSP should not see at all). */
export function defined<T extends Record<string, string | undefined>>(o: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
