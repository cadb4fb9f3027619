/**
 * Each simulated PSP's own code tables and rejection codes. They differ on purpose: Kartabl's
 * per-PSP mapping (db/seed-basedata.ts) translates its internal codes into these.
 */
import { IRANIAN_BANKS } from '../../domain/iran';

export type PspId = 'a' | 'b';

/** Why the simulator refuses a request; each PSP has its own code for each reason. */
export type RejectionReason =
  | 'invalid_national_code'
  | 'duplicate_shop'
  | 'unknown_guild'
  | 'sheba_owner_mismatch'
  | 'invalid_sheba'
  | 'bank_mismatch'
  | 'unknown_device_model'
  | 'duplicate_serial'
  | 'terminal_not_found'
  | 'terminal_state'
  | 'unknown_reason'
  | 'invalid_postal_code'
  | 'invalid_mobile';

export const REJECTION_MESSAGES_FA: Record<RejectionReason, string> = {
  invalid_national_code: 'کد ملی پذیرنده معتبر نیست.',
  duplicate_shop: 'برای این پذیرنده در این نشانی (کد پستی) و صنف، فروشگاه فعال دیگری ثبت شده است.',
  unknown_guild: 'کد صنف در جدول صنف‌های این شرکت پرداخت تعریف نشده است.',
  sheba_owner_mismatch: 'صاحب حساب شبا با پذیرنده یکی نیست.',
  invalid_sheba: 'شماره شبا معتبر نیست.',
  bank_mismatch: 'کد بانک با بانک شماره شبا نمی‌خواند یا این بانک پشتیبانی نمی‌شود.',
  unknown_device_model: 'مدل دستگاه در جدول مدل‌های این شرکت پرداخت تعریف نشده است.',
  duplicate_serial: 'این شمارهٔ سریال پیش‌تر به پایانهٔ دیگری تخصیص یافته است.',
  terminal_not_found: 'پایانه‌ای با این شماره یافت نشد.',
  terminal_state: 'وضعیت پایانه اجازهٔ این عملیات را نمی‌دهد.',
  unknown_reason: 'کد علت در جدول علت‌های این شرکت پرداخت تعریف نشده است.',
  invalid_postal_code: 'کد پستی فروشگاه معتبر نیست.',
  invalid_mobile: 'شمارهٔ همراه پذیرنده معتبر نیست.',
};

export interface PspProfile {
  psp: PspId;
  name: string;
  guilds: Record<string, string>;
  deviceModels: Record<string, string>;
  collectReasons: Record<string, string>;
  swapReasons: Record<string, string>;
  /** PSP bank code → the three-digit Shaparak bank code of the Sheba. */
  banks: Record<string, string>;
  rejectionCodes: Record<RejectionReason, string>;
  terminalId(seq: number): string;
  merchantId(seq: number): string;
  trackingCode(seq: number): string;
}

const reasons = (prefix: string, start: number): Record<RejectionReason, string> =>
  Object.fromEntries(Object.keys(REJECTION_MESSAGES_FA).map((r, i) => [r, `${prefix}${start + i}`])) as Record<
    RejectionReason,
    string
  >;

export const PSP_A: PspProfile = {
  psp: 'a',
  name: 'PSP-A',
  guilds: {
    '5411': 'سوپرمارکت',
    '5462': 'نانوایی',
    '5812': 'رستوران',
    '5912': 'داروخانه',
    '5651': 'پوشاک',
    '5541': 'جایگاه سوخت',
  },
  deviceModels: { S90: 'PAX S90', D210: 'PAX D210', A930: 'PAX A930', VX675: 'Verifone VX675' },
  collectReasons: { '1': 'انصراف پذیرنده', '2': 'تراکنش کم', '3': 'تعطیلی فروشگاه', '4': 'غیرفعال‌سازی شاپرک' },
  swapReasons: { '10': 'خرابی دستگاه', '11': 'ارتقای دستگاه', '12': 'تغییر نوع ارتباط' },
  banks: Object.fromEntries(IRANIAN_BANKS.map((b) => [b.code, b.code])),
  // A101 … A113
  rejectionCodes: reasons('A', 101),
  terminalId: (seq) => String(21000000 + seq),
  merchantId: (seq) => `6001${String(seq).padStart(11, '0')}`,
  trackingCode: (seq) => `A-${String(seq).padStart(8, '0')}`,
};

export const PSP_B: PspProfile = {
  psp: 'b',
  name: 'PSP-B',
  guilds: { '11-020': 'خواربار', '11-031': 'نانوایی', '13-001': 'رستوران', '21-004': 'پوشاک', '40-002': 'سوخت' },
  deviceModels: { '101': 'PAX S90', '102': 'PAX D210', '201': 'Verifone VX520', '202': 'Verifone VX675' },
  collectReasons: { '1': 'تعطیلی', '3': 'انصراف', '5': 'کم‌تراکنش', '7': 'تخلف' },
  swapReasons: { F: 'خرابی', U: 'ارتقا' },
  // PSP-B serves banks (not credit institutions above 060) under its own codes: B + Shaparak code.
  banks: Object.fromEntries(IRANIAN_BANKS.filter((b) => Number(b.code) < 60).map((b) => [`B${b.code}`, b.code])),
  // 301 … 313
  rejectionCodes: reasons('', 301),
  terminalId: (seq) => String(73000000 + seq),
  merchantId: (seq) => `B${String(seq).padStart(9, '0')}`,
  trackingCode: (seq) => `${String(900000000 + seq)}`,
};

export const PROFILES: Record<PspId, PspProfile> = { a: PSP_A, b: PSP_B };
