/**
 * Merchants (پذیرندگان): the vocabulary and the checks the API and the portal share. Pure.
 * Identifiers (national code, legal ID, Sheba, postal code, mobile, tax code) are in ./iran.
 */
import { bi, type Bilingual } from './i18n';
import { toAsciiDigits, toPersianDigits } from './text';

export const MERCHANT_KINDS = ['natural', 'legal'] as const;
export type MerchantKind = (typeof MERCHANT_KINDS)[number];

export const REPRESENTATIVE_ROLES = ['ceo', 'signatory'] as const;
export type RepresentativeRole = (typeof REPRESENTATIVE_ROLES)[number];

export const DOCUMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Document types are base data (kind `document-type`, attribute `appliesTo`: natural | legal | both). */

/** Files a merchant document may be, and how large (the same types as ticket attachments, minus text). */
export const MERCHANT_DOCUMENT_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] as const;

export type FieldCheck = { ok: true; value: string } | { ok: false; code: string; message: Bilingual };

const fail = (code: string, fa: string, en: string): FieldCheck => ({ ok: false, code, message: bi(fa, en) });

const compactDigits = (input: string): string => toAsciiDigits(input).replace(/[\s\-()]/g, '');

/** A landline or mobile phone: 8–11 digits after spaces, dashes and brackets are removed. */
export function checkPhone(input: string): FieldCheck {
  const value = compactDigits(input);
  if (!value) return fail('required', 'شماره تلفن وارد نشده است.', 'The phone number is missing.');
  if (!/^\d+$/.test(value)) {
    return fail(
      'phone_format',
      'شماره تلفن فقط از رقم تشکیل می‌شود، مانند ۰۲۱۸۸۷۷۶۶۵۵.',
      'A phone number has digits only, e.g. 02188776655.',
    );
  }
  if (value.length < 8 || value.length > 11) {
    return fail(
      'phone_length',
      `شماره تلفن باید ۸ تا ۱۱ رقم باشد (با پیش‌شمارهٔ شهر)، اما ${toPersianDigits(value.length)} رقم دارد.`,
      `A phone number has 8 to 11 digits (with the area code), but this one has ${value.length}.`,
    );
  }
  return { ok: true, value };
}

/** Company registration number (شماره ثبت): 1–12 digits. */
export function checkRegistrationNumber(input: string): FieldCheck {
  const value = compactDigits(input);
  if (!value) return fail('required', 'شماره ثبت وارد نشده است.', 'The registration number is missing.');
  if (!/^\d{1,12}$/.test(value)) {
    return fail(
      'registration_number_format',
      'شماره ثبت فقط از رقم تشکیل می‌شود (حداکثر ۱۲ رقم).',
      'A registration number has digits only (at most 12).',
    );
  }
  return { ok: true, value };
}

/** Birth-certificate number (شماره شناسنامه): 1–10 digits. */
export function checkIdCardNumber(input: string): FieldCheck {
  const value = compactDigits(input);
  if (!/^\d{1,10}$/.test(value)) {
    return fail(
      'id_card_number_format',
      'شماره شناسنامه فقط از رقم تشکیل می‌شود (حداکثر ۱۰ رقم).',
      'A birth-certificate number has digits only (at most 10).',
    );
  }
  return { ok: true, value };
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const PERSIAN_LETTER = /[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]/;

/** English names and addresses (PSPs ask for them in Latin script). */
export function checkLatinText(value: string): FieldCheck {
  if (ARABIC_SCRIPT.test(value)) {
    return fail(
      'latin_only',
      'این فیلد انگلیسی است؛ آن را با حروف لاتین بنویسید.',
      'This is an English field; write it in Latin letters.',
    );
  }
  return { ok: true, value };
}

/** Persian names must contain Persian letters (Latin words inside are allowed, e.g. brand names). */
export function checkPersianText(value: string): FieldCheck {
  if (!PERSIAN_LETTER.test(value)) {
    return fail(
      'persian_required',
      'این فیلد فارسی است؛ آن را با حروف فارسی بنویسید.',
      'This is a Persian field; write it in Persian letters.',
    );
  }
  return { ok: true, value };
}

/** A guild code of the base data (Shaparak category + guild): format only until base data exists. */
export const GUILD_CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The name a merchant is listed under. */
export function merchantDisplayName(m: {
  kind: MerchantKind;
  firstNameFa?: string | null;
  lastNameFa?: string | null;
  firstNameEn?: string | null;
  lastNameEn?: string | null;
  companyNameFa?: string | null;
  companyNameEn?: string | null;
}): { fa: string; en: string } {
  if (m.kind === 'legal') return { fa: m.companyNameFa ?? '', en: m.companyNameEn ?? '' };
  return {
    fa: [m.firstNameFa, m.lastNameFa].filter(Boolean).join(' '),
    en: [m.firstNameEn, m.lastNameEn].filter(Boolean).join(' '),
  };
}
