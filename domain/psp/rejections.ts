/**
 * Our own bilingual wording of why a PSP refused a request. Each adapter knows its PSP's codes
 * (from the PSP's documentation) and maps them to one of these reasons; the PSP's code and Persian
 * message travel alongside (PspBusinessRejection / PspRejection). Pure.
 */
import { bi, type Bilingual } from '../i18n';

export type PspRejectionReason =
  | 'invalid-national-code'
  | 'duplicate-shop'
  | 'unknown-guild'
  | 'sheba-owner-mismatch'
  | 'invalid-sheba'
  | 'bank-mismatch'
  | 'unknown-device-model'
  | 'duplicate-serial'
  | 'terminal-not-found'
  | 'terminal-state'
  | 'unknown-reason'
  | 'invalid-postal-code'
  | 'invalid-mobile'
  /** Immediate refusals: the request itself is incomplete or malformed. */
  | 'invalid-request'
  /** The tracking code, terminal or path is unknown to the PSP. */
  | 'not-found'
  /** The request id was already used with different content. */
  | 'request-id-reused';

export const REJECTION_TEXTS: Record<PspRejectionReason, Bilingual> = {
  'invalid-national-code': bi(
    'کد ملی پذیرنده از نظر شرکت پرداخت معتبر نیست.',
    "The PSP found the merchant's national code invalid.",
  ),
  'duplicate-shop': bi(
    'این پذیرنده با همین کد پستی و صنف پیش‌تر فروشگاه فعالی نزد شرکت پرداخت دارد.',
    'The merchant already has an active shop with this postal code and guild at the PSP.',
  ),
  'unknown-guild': bi('صنف فروشگاه نزد شرکت پرداخت تعریف نشده است.', "The shop's guild is not defined at the PSP."),
  'sheba-owner-mismatch': bi('صاحب حساب شبا با پذیرنده یکی نیست.', 'The Sheba account does not belong to the merchant.'),
  'invalid-sheba': bi('شماره شبا از نظر شرکت پرداخت معتبر نیست.', 'The PSP found the Sheba number invalid.'),
  'bank-mismatch': bi(
    'بانک با شماره شبا نمی‌خواند یا شرکت پرداخت این بانک را پشتیبانی نمی‌کند.',
    'The bank does not match the Sheba number, or the PSP does not support this bank.',
  ),
  'unknown-device-model': bi('مدل دستگاه نزد شرکت پرداخت تعریف نشده است.', 'The device model is not defined at the PSP.'),
  'duplicate-serial': bi(
    'این شمارهٔ سریال پیش‌تر به پایانهٔ دیگری تخصیص یافته است.',
    'This serial number is already assigned to another terminal.',
  ),
  'terminal-not-found': bi('شرکت پرداخت پایانه‌ای با این شماره ندارد.', 'The PSP has no terminal with this number.'),
  'terminal-state': bi(
    'وضعیت پایانه نزد شرکت پرداخت اجازهٔ این عملیات را نمی‌دهد.',
    "The terminal's state at the PSP does not allow this.",
  ),
  'unknown-reason': bi('علت انتخاب‌شده نزد شرکت پرداخت تعریف نشده است.', 'The chosen reason is not defined at the PSP.'),
  'invalid-postal-code': bi('کد پستی فروشگاه از نظر شرکت پرداخت معتبر نیست.', "The PSP found the shop's postal code invalid."),
  'invalid-mobile': bi(
    'شمارهٔ همراه پذیرنده از نظر شرکت پرداخت معتبر نیست.',
    "The PSP found the merchant's mobile number invalid.",
  ),
  'invalid-request': bi('شرکت پرداخت درخواست را ناقص یا نادرست دانست.', 'The PSP found the request incomplete or malformed.'),
  'not-found': bi('شرکت پرداخت موردی با این شناسه پیدا نکرد.', 'The PSP found nothing with this identifier.'),
  'request-id-reused': bi(
    'این شناسهٔ درخواست پیش‌تر با محتوای دیگری نزد شرکت پرداخت ثبت شده است.',
    'This request id was already used at the PSP with different content.',
  ),
};

/** Our text for a PSP code (via the adapter's table), or a generic one naming the code. */
export function rejectionText(codes: Readonly<Record<string, PspRejectionReason>>, pspLabel: string, code: string): Bilingual {
  const reason = codes[code];
  if (reason) return REJECTION_TEXTS[reason];
  return bi(`${pspLabel} درخواست را رد کرد (کد ${code}).`, `${pspLabel} rejected the request (code ${code}).`);
}
