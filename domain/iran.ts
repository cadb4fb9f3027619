/**
 * Iranian identifiers: national code, legal national ID, Sheba (IBAN), postal code, mobile number and
 * tax tracking code. Each has a `normalize…` function (what to store) and a `check…` function that
 * returns either the canonical value or a stable error code with a bilingual message.
 *
 * Pure functions only (no Node built-ins, no I/O, no clock, no randomness): Temporal workflows import
 * this module. The rules are those of docs/DOMAIN.md, "Identifiers and their checks".
 */
import { bi, type Bilingual } from './i18n';
import { toAsciiDigits, toPersianDigits } from './text';

// ---------------------------------------------------------------------------------------------------
// Result types

/** Every reason an identifier is refused; stable, snake_case, safe to show to API clients. */
export type IranCheckCode =
  | 'required'
  | 'national_code_format'
  | 'national_code_length'
  | 'national_code_repeated'
  | 'national_code_zero_block'
  | 'national_code_checksum'
  | 'legal_id_format'
  | 'legal_id_length'
  | 'legal_id_repeated'
  | 'legal_id_zero_block'
  | 'legal_id_checksum'
  | 'sheba_format'
  | 'sheba_country'
  | 'sheba_length'
  | 'sheba_checksum'
  | 'sheba_unknown_bank'
  | 'postal_code_format'
  | 'postal_code_length'
  | 'mobile_format'
  | 'mobile_prefix'
  | 'mobile_length'
  | 'tax_tracking_code_format'
  | 'tax_tracking_code_length';

/** Codes of advice that does not block saving. */
export type IranWarningCode = 'postal_code_unusual';

export interface CheckFailure {
  ok: false;
  code: IranCheckCode;
  message: Bilingual;
}

/** `value` is the canonical form to store. `E` adds facts derived from the value (e.g. the bank). */
export type CheckResult<E extends object = object> = ({ ok: true; value: string } & E) | CheckFailure;

export interface IranianBank {
  /** Three digits, characters 5–7 of a Sheba. */
  code: string;
  nameFa: string;
  nameEn: string;
}

export type ShebaCheck = CheckResult<{ bankCode: string; bank: IranianBank }>;
export type PostalCodeCheck = CheckResult<{ warning?: { code: IranWarningCode; message: Bilingual } }>;

const fail = (code: IranCheckCode, fa: string, en: string): CheckFailure => ({ ok: false, code, message: bi(fa, en) });
const faNum = (n: number | string): string => toPersianDigits(n);

// ---------------------------------------------------------------------------------------------------
// Shared normalisation

/**
 * Characters people and copy-paste put inside numbers: white space (incl. NBSP, thin spaces), hyphens
 * and dashes, the Arabic tatweel, zero-width and bidi control characters (ZWNJ, LRM, RLM, isolates, BOM).
 */
const SEPARATORS = /[\s\u00A0\u2000-\u200F\u2028-\u202F\u2060-\u206F\uFEFF\u0640\u2010-\u2015\u2212\uFE58\uFE63\uFF0D-]/g;

/** Digits of any script to ASCII, separators removed. Other characters are kept so checks can refuse them. */
function compact(input: string): string {
  return toAsciiDigits(input).replace(SEPARATORS, '');
}

const DIGITS = /^\d+$/;

function digitsOf(value: string): number[] {
  return Array.from(value, (ch) => ch.charCodeAt(0) - 48);
}

function allEqual(value: string): boolean {
  return value.length > 0 && [...value].every((ch) => ch === value[0]);
}

/** Digits 4–9 (1-based), i.e. indexes 3..8, all zero: reserved, never issued. */
function zeroBlock(value: string): boolean {
  return value.slice(3, 9) === '000000';
}

// ---------------------------------------------------------------------------------------------------
// National code (کد ملی)

/** Digits to ASCII, spaces and dashes removed, 8–9 digits left-padded with zeros to 10. */
export function normalizeNationalCode(input: string): string {
  const s = compact(input);
  return /^\d{8,9}$/.test(s) ? s.padStart(10, '0') : s;
}

/** The check digit (tenth digit) for the first nine digits of a national code. */
export function nationalCodeCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`nationalCodeCheckDigit needs 9 ASCII digits, got "${first9}"`);
  const d = digitsOf(first9);
  let s = 0;
  for (let i = 0; i < 9; i++) s += d[i] * (10 - i);
  const r = s % 11;
  return r < 2 ? r : 11 - r;
}

export function checkNationalCode(input: string): CheckResult {
  const value = normalizeNationalCode(input);
  if (value === '') {
    return fail(
      'required',
      'کد ملی وارد نشده است؛ کد ملی ۱۰ رقمی را وارد کنید.',
      'The national code is missing; enter the 10-digit code.',
    );
  }
  if (!DIGITS.test(value)) {
    return fail(
      'national_code_format',
      'کد ملی فقط از رقم تشکیل می‌شود؛ ۱۰ رقم بدون حرف یا نشانه وارد کنید.',
      'A national code has digits only; enter 10 digits without letters or symbols.',
    );
  }
  if (value.length !== 10) {
    return fail(
      'national_code_length',
      `کد ملی باید ۱۰ رقم باشد (۸ یا ۹ رقم با صفرهای آغازین کامل می‌شود)، اما ${faNum(value.length)} رقم وارد شده است.`,
      `A national code has 10 digits (8 or 9 are padded with leading zeros), but ${value.length} digits were given.`,
    );
  }
  if (allEqual(value)) {
    return fail(
      'national_code_repeated',
      'کد ملی نمی‌تواند از ده رقم یکسان تشکیل شده باشد؛ کد ملی واقعی را وارد کنید.',
      'A national code cannot be ten identical digits; enter the real code.',
    );
  }
  if (zeroBlock(value)) {
    return fail(
      'national_code_zero_block',
      'کد ملی معتبر نیست: رقم‌های چهارم تا نهم آن نمی‌توانند همه صفر باشند.',
      'Not a valid national code: digits 4 to 9 cannot all be zero.',
    );
  }
  if (nationalCodeCheckDigit(value.slice(0, 9)) !== value.charCodeAt(9) - 48) {
    return fail(
      'national_code_checksum',
      'کد ملی معتبر نیست (رقم کنترل آن نمی‌خواند)؛ کد را دوباره با کارت ملی مقایسه کنید.',
      'Not a valid national code (its check digit does not match); compare it with the national card again.',
    );
  }
  return { ok: true, value };
}

/**
 * Test data: the valid national code whose first nine digits are `seed` (ASCII or Persian digits,
 * fewer than nine are left-padded with zeros). Throws if those digits can never form a valid code.
 */
export function makeNationalCode(seed: string): string {
  const first9 = compact(seed).padStart(9, '0');
  if (!/^\d{9}$/.test(first9)) throw new RangeError(`makeNationalCode needs up to 9 digits, got "${seed}"`);
  const code = first9 + String(nationalCodeCheckDigit(first9));
  const result = checkNationalCode(code);
  if (!result.ok) throw new RangeError(`makeNationalCode: seed "${seed}" gives ${code}, refused as ${result.code}`);
  return code;
}

// ---------------------------------------------------------------------------------------------------
// Legal national ID (شناسه ملی)

const LEGAL_ID_WEIGHTS = [29, 27, 23, 19, 17];

/** Digits to ASCII, spaces and dashes removed. */
export function normalizeLegalId(input: string): string {
  return compact(input);
}

/** The check digit (eleventh digit) for the first ten digits of a legal national ID. */
export function legalIdCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`legalIdCheckDigit needs 10 ASCII digits, got "${first10}"`);
  const d = digitsOf(first10);
  const t = d[9] + 2;
  let s = 0;
  for (let i = 0; i < 10; i++) s += (d[i] + t) * LEGAL_ID_WEIGHTS[i % 5];
  const r = s % 11;
  return r === 10 ? 0 : r;
}

export function checkLegalId(input: string): CheckResult {
  const value = normalizeLegalId(input);
  if (value === '') {
    return fail(
      'required',
      'شناسه ملی وارد نشده است؛ شناسه ملی ۱۱ رقمی را وارد کنید.',
      'The legal national ID is missing; enter the 11-digit ID.',
    );
  }
  if (!DIGITS.test(value)) {
    return fail(
      'legal_id_format',
      'شناسه ملی فقط از رقم تشکیل می‌شود؛ ۱۱ رقم بدون حرف یا نشانه وارد کنید.',
      'A legal national ID has digits only; enter 11 digits without letters or symbols.',
    );
  }
  if (value.length !== 11) {
    return fail(
      'legal_id_length',
      `شناسه ملی باید دقیقاً ۱۱ رقم باشد، اما ${faNum(value.length)} رقم وارد شده است.`,
      `A legal national ID has exactly 11 digits, but ${value.length} digits were given.`,
    );
  }
  if (allEqual(value)) {
    return fail(
      'legal_id_repeated',
      'شناسه ملی نمی‌تواند از یازده رقم یکسان تشکیل شده باشد؛ شناسه واقعی را وارد کنید.',
      'A legal national ID cannot be eleven identical digits; enter the real ID.',
    );
  }
  if (zeroBlock(value)) {
    return fail(
      'legal_id_zero_block',
      'شناسه ملی معتبر نیست: رقم‌های چهارم تا نهم آن نمی‌توانند همه صفر باشند.',
      'Not a valid legal national ID: digits 4 to 9 cannot all be zero.',
    );
  }
  if (legalIdCheckDigit(value.slice(0, 10)) !== value.charCodeAt(10) - 48) {
    return fail(
      'legal_id_checksum',
      'شناسه ملی معتبر نیست (رقم کنترل آن نمی‌خواند)؛ آن را دوباره با روزنامه رسمی یا گواهی ثبت شرکت مقایسه کنید.',
      'Not a valid legal national ID (its check digit does not match); compare it with the official gazette or registration certificate.',
    );
  }
  return { ok: true, value };
}

/**
 * Test data: the valid legal national ID whose first ten digits are `seed` (fewer are left-padded
 * with zeros). Throws if those digits can never form a valid ID.
 */
export function makeLegalId(seed: string): string {
  const first10 = compact(seed).padStart(10, '0');
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`makeLegalId needs up to 10 digits, got "${seed}"`);
  const id = first10 + String(legalIdCheckDigit(first10));
  const result = checkLegalId(id);
  if (!result.ok) throw new RangeError(`makeLegalId: seed "${seed}" gives ${id}, refused as ${result.code}`);
  return id;
}

// ---------------------------------------------------------------------------------------------------
// Sheba (شبا, Iranian IBAN)

/** Banks and credit institutions by the code in characters 5–7 of a Sheba. */
export const IRANIAN_BANKS: readonly IranianBank[] = Object.freeze(
  (
    [
      ['010', 'بانک مرکزی جمهوری اسلامی ایران', 'Central Bank of Iran'],
      ['011', 'بانک صنعت و معدن', 'Bank of Industry and Mine (Sanat-o-Madan)'],
      ['012', 'بانک ملت', 'Bank Mellat'],
      ['013', 'بانک رفاه کارگران', 'Refah Bank'],
      ['014', 'بانک مسکن', 'Bank Maskan'],
      ['015', 'بانک سپه', 'Bank Sepah'],
      ['016', 'بانک کشاورزی', 'Bank Keshavarzi'],
      ['017', 'بانک ملی ایران', 'Bank Melli Iran'],
      ['018', 'بانک تجارت', 'Tejarat Bank'],
      ['019', 'بانک صادرات ایران', 'Bank Saderat Iran'],
      ['020', 'بانک توسعه صادرات ایران', "Export Development Bank of Iran (Tose'e Saderat)"],
      ['021', 'پست بانک ایران', 'Post Bank of Iran'],
      ['022', 'بانک توسعه تعاون', "Tose'e Ta'avon Bank"],
      ['051', 'مؤسسه اعتباری توسعه', "Tose'e Credit Institution"],
      ['052', 'بانک قوامین', 'Ghavamin Bank'],
      ['053', 'بانک کارآفرین', 'Karafarin Bank'],
      ['054', 'بانک پارسیان', 'Parsian Bank'],
      ['055', 'بانک اقتصاد نوین', 'Eghtesad Novin Bank'],
      ['056', 'بانک سامان', 'Saman Bank'],
      ['057', 'بانک پاسارگاد', 'Bank Pasargad'],
      ['058', 'بانک سرمایه', 'Sarmayeh Bank'],
      ['059', 'بانک سینا', 'Sina Bank'],
      ['060', 'بانک قرض‌الحسنه مهر ایران', 'Mehr Iran Bank'],
      ['061', 'بانک شهر', 'Shahr Bank'],
      ['062', 'بانک آینده', 'Ayandeh Bank'],
      ['063', 'بانک انصار', 'Ansar Bank'],
      ['064', 'بانک گردشگری', 'Gardeshgari Bank'],
      ['065', 'بانک حکمت ایرانیان', 'Hekmat Iranian Bank'],
      ['066', 'بانک دی', 'Dey Bank'],
      ['069', 'بانک ایران زمین', 'Iran Zamin Bank'],
      ['070', 'بانک قرض‌الحسنه رسالت', 'Resalat Bank'],
      ['073', 'مؤسسه اعتباری کوثر', 'Kosar Credit Institution'],
      ['075', 'مؤسسه اعتباری ملل', 'Melal Credit Institution'],
      ['078', 'بانک خاورمیانه', 'Middle East Bank (Khavarmianeh)'],
      ['079', 'بانک مهر اقتصاد', 'Mehr Eqtesad Bank'],
      ['080', 'مؤسسه اعتباری نور', 'Noor Credit Institution'],
      ['095', 'بانک ایران و ونزوئلا', 'Iran–Venezuela Bi-National Bank'],
    ] as const
  ).map(([code, nameFa, nameEn]) => Object.freeze({ code, nameFa, nameEn })),
);

const BANKS_BY_CODE: ReadonlyMap<string, IranianBank> = new Map(IRANIAN_BANKS.map((b) => [b.code, b]));

/** The bank with this three-digit code, or null. */
export function findBank(code: string): IranianBank | null {
  return BANKS_BY_CODE.get(code) ?? null;
}

/**
 * Canonical Sheba: digits to ASCII, spaces and dashes removed, upper case; exactly 24 digits without
 * a country code get `IR` in front. Anything else is returned compacted, for `checkSheba` to refuse.
 */
export function normalizeSheba(input: string): string {
  const s = compact(input).toUpperCase();
  return /^\d{24}$/.test(s) ? `IR${s}` : s;
}

/** Remainder mod 97 of a long decimal string, one digit at a time (no BigInt, no precision loss). */
function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + digits.charCodeAt(i) - 48) % 97;
  return r;
}

/** `IR` is 18 27 in the ISO 13616 letter-to-number conversion. */
const IR_AS_DIGITS = '1827';

/** The two check digits (characters 3–4) for a 22-digit Iranian BBAN (bank code + 19 account digits). */
export function shebaCheckDigits(bban: string): string {
  if (!/^\d{22}$/.test(bban)) throw new RangeError(`shebaCheckDigits needs 22 ASCII digits, got "${bban}"`);
  return String(98 - mod97(`${bban}${IR_AS_DIGITS}00`)).padStart(2, '0');
}

export function checkSheba(input: string): ShebaCheck {
  const value = normalizeSheba(input);
  if (value === '') {
    return fail(
      'required',
      'شماره شبا وارد نشده است؛ شبا را به شکل IR و ۲۴ رقم وارد کنید.',
      'The Sheba number is missing; enter IR followed by 24 digits.',
    );
  }
  if (/^[A-Z]{2}\d{2}/.test(value) && !value.startsWith('IR')) {
    return fail(
      'sheba_country',
      `شماره شبا باید با IR (ایران) آغاز شود، نه ${value.slice(0, 2)}.`,
      `A Sheba number starts with IR (Iran), not ${value.slice(0, 2)}.`,
    );
  }
  if (!/^(IR)?\d*$/.test(value)) {
    return fail(
      'sheba_format',
      'شماره شبا فقط از IR و پس از آن ۲۴ رقم تشکیل می‌شود؛ حرف یا نشانهٔ دیگری در آن نیست.',
      'A Sheba number is IR followed by 24 digits, with no other letters or symbols.',
    );
  }
  const digitCount = value.startsWith('IR') ? value.length - 2 : value.length;
  if (digitCount !== 24) {
    return fail(
      'sheba_length',
      `شماره شبا پس از IR باید دقیقاً ۲۴ رقم داشته باشد، اما ${faNum(digitCount)} رقم دارد.`,
      `A Sheba number has exactly 24 digits after IR, but ${digitCount} digits were given.`,
    );
  }
  // ISO 13616: check digits run 02..98, and the rearranged number (BBAN, IR as 1827, check digits) is 1 mod 97.
  const checkDigits = Number(value.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || mod97(`${value.slice(4)}${IR_AS_DIGITS}${value.slice(2, 4)}`) !== 1) {
    return fail(
      'sheba_checksum',
      'شماره شبا معتبر نیست (رقم‌های کنترل آن نمی‌خواند)؛ آن را دوباره از کارت یا صورت‌حساب بانکی بررسی کنید.',
      'Not a valid Sheba number (its check digits do not match); compare it with the bank card or statement again.',
    );
  }
  const bankCode = value.slice(4, 7);
  const bank = findBank(bankCode);
  if (!bank) {
    return fail(
      'sheba_unknown_bank',
      `کد بانک ${faNum(bankCode)} در این شماره شبا به هیچ بانک یا مؤسسهٔ اعتباری شناخته‌شده‌ای تعلق ندارد.`,
      `The bank code ${bankCode} in this Sheba number does not belong to any known bank or credit institution.`,
    );
  }
  return { ok: true, value, bankCode, bank };
}

/** The bank of a Sheba (any form `normalizeSheba` accepts), or null when it is not a valid Sheba of a known bank. */
export function bankOfSheba(input: string): IranianBank | null {
  const result = checkSheba(input);
  return result.ok ? result.bank : null;
}

/**
 * Test data: the valid Sheba for `bankCode` (3 digits, known or not) and `accountDigits` (up to 19
 * digits, left-padded with zeros to the 19 digits that follow the bank code).
 */
export function makeSheba(bankCode: string, accountDigits: string | number | bigint): string {
  const bank = compact(bankCode);
  const account = compact(String(accountDigits)).padStart(19, '0');
  if (!/^\d{3}$/.test(bank)) throw new RangeError(`makeSheba needs a 3-digit bank code, got "${bankCode}"`);
  if (!/^\d{19}$/.test(account)) throw new RangeError(`makeSheba needs up to 19 account digits, got "${String(accountDigits)}"`);
  const bban = bank + account;
  return `IR${shebaCheckDigits(bban)}${bban}`;
}

// ---------------------------------------------------------------------------------------------------
// Postal code (کد پستی)

/** The common stricter pattern; some real codes fail it, so it only warns. */
const POSTAL_CODE_USUAL = /^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$/;

/** Digits to ASCII, spaces and dashes removed (`12345-67890` → `1234567890`). */
export function normalizePostalCode(input: string): string {
  return compact(input);
}

export function checkPostalCode(input: string): PostalCodeCheck {
  const value = normalizePostalCode(input);
  if (value === '') {
    return fail(
      'required',
      'کد پستی وارد نشده است؛ کد پستی ۱۰ رقمی را وارد کنید.',
      'The postal code is missing; enter the 10-digit code.',
    );
  }
  if (!DIGITS.test(value)) {
    return fail(
      'postal_code_format',
      'کد پستی فقط از رقم تشکیل می‌شود؛ ۱۰ رقم بدون حرف یا نشانه وارد کنید.',
      'A postal code has digits only; enter 10 digits without letters or symbols.',
    );
  }
  if (value.length !== 10) {
    return fail(
      'postal_code_length',
      `کد پستی باید دقیقاً ۱۰ رقم باشد، اما ${faNum(value.length)} رقم وارد شده است.`,
      `A postal code has exactly 10 digits, but ${value.length} digits were given.`,
    );
  }
  if (!POSTAL_CODE_USUAL.test(value)) {
    return {
      ok: true,
      value,
      warning: {
        code: 'postal_code_unusual',
        message: bi(
          'این کد پستی با الگوی رایج کدهای پستی ایران جور نیست؛ اگر از درستی آن مطمئن هستید، همین را نگه دارید.',
          'This postal code does not follow the usual Iranian pattern; keep it only if you are sure it is right.',
        ),
      },
    };
  }
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------------
// Mobile number

const MOBILE = /^(?:\+98|0098|98)?0?(9\d{9})$/;

/**
 * Canonical `09` + 9 digits from `+98 9…`, `0098 9…`, `98 9…`, `9…` or `09…` (an extra `0` after the
 * country code, as in `+98 (0)912…`, is tolerated). Anything else is returned compacted.
 */
export function normalizeMobile(input: string): string {
  const s = compact(input).replace(/[()]/g, '');
  const m = MOBILE.exec(s);
  return m ? `0${m[1]}` : s;
}

export function checkMobile(input: string): CheckResult {
  const value = normalizeMobile(input);
  if (value === '') {
    return fail(
      'required',
      'شماره همراه وارد نشده است؛ آن را به شکل ۰۹ و ۹ رقم دیگر وارد کنید.',
      'The mobile number is missing; enter 09 followed by 9 digits.',
    );
  }
  if (/^09\d{9}$/.test(value)) return { ok: true, value };
  if (!/^\+?\d+$/.test(value)) {
    return fail(
      'mobile_format',
      'شماره همراه فقط از رقم (و در صورت نیاز + پیش از کد کشور) تشکیل می‌شود؛ مانند ۰۹۱۲۳۴۵۶۷۸۹.',
      'A mobile number has digits only (and an optional + before the country code), e.g. 09123456789.',
    );
  }
  // Not a mobile number: explain whether the prefix or the length is wrong.
  const national = value
    .replace(/^(?:\+98|0098)/, '')
    .replace(/^98(?=\d{10})/, '')
    .replace(/^0/, '');
  if (value.startsWith('+') && !value.startsWith('+98')) {
    return fail(
      'mobile_prefix',
      'فقط شماره همراه ایران (+۹۸) پذیرفته می‌شود؛ آن را به شکل ۰۹ و ۹ رقم دیگر وارد کنید.',
      'Only Iranian mobile numbers (+98) are accepted; enter 09 followed by 9 digits.',
    );
  }
  if (!national.startsWith('9')) {
    return fail(
      'mobile_prefix',
      'این شماره، شماره همراه نیست؛ شماره همراه با ۰۹ آغاز می‌شود (مانند ۰۹۱۲۳۴۵۶۷۸۹).',
      'This is not a mobile number; mobile numbers start with 09 (e.g. 09123456789).',
    );
  }
  return fail(
    'mobile_length',
    `شماره همراه باید ۱۱ رقم باشد (۰۹ و ۹ رقم دیگر)، اما ${faNum(national.length + 1)} رقم دارد.`,
    `A mobile number has 11 digits (09 and 9 more), but this one has ${national.length + 1}.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Tax tracking code (کد رهگیری مالیاتی)

/** Digits to ASCII, spaces and dashes removed. */
export function normalizeTaxTrackingCode(input: string): string {
  return compact(input);
}

export function checkTaxTrackingCode(input: string): CheckResult {
  const value = normalizeTaxTrackingCode(input);
  if (value === '') {
    return fail(
      'required',
      'کد رهگیری مالیاتی وارد نشده است؛ کد ۱۰ رقمی را وارد کنید.',
      'The tax tracking code is missing; enter the 10-digit code.',
    );
  }
  if (!DIGITS.test(value)) {
    return fail(
      'tax_tracking_code_format',
      'کد رهگیری مالیاتی فقط از رقم تشکیل می‌شود؛ ۱۰ رقم بدون حرف یا نشانه وارد کنید.',
      'A tax tracking code has digits only; enter 10 digits without letters or symbols.',
    );
  }
  if (value.length !== 10) {
    return fail(
      'tax_tracking_code_length',
      `کد رهگیری مالیاتی باید دقیقاً ۱۰ رقم باشد، اما ${faNum(value.length)} رقم وارد شده است.`,
      `A tax tracking code has exactly 10 digits, but ${value.length} digits were given.`,
    );
  }
  return { ok: true, value };
}
