/**
 * Jalali (Solar Hijri) calendar arithmetic for dates people type: Jalali ↔ Gregorian calendar days
 * and a checked parser. Pure (no clock, no Intl), so workflows and the portal may import it.
 *
 * The conversion is the 33-year-cycle algorithm with break years of Borkowski, as used by
 * jalaali-js (no such package is installed here); tests compare it with Intl's persian calendar.
 */
import { bi, type Bilingual } from './i18n';
import { toAsciiDigits, toPersianDigits } from './text';

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

/** Leap offset, Gregorian year of Farvardin 1 and its day in March. */
function jalCal(jy: number): { leap: number; gy: number; march: number } {
  if (jy < BREAKS[0] || jy >= BREAKS[BREAKS.length - 1]) throw new RangeError(`Jalali year ${jy} is out of range`);
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i++) {
    const jm = BREAKS[i];
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap, gy, march };
}

/** Julian day number of a Gregorian date. */
function g2d(gy: number, gm: number, gd: number): number {
  const d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
}

function d2g(jdn: number): { gy: number; gm: number; gd: number } {
  let j = 4 * jdn + 139361631;
  j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const i = div(mod(j, 1461), 4) * 5 + 308;
  const gd = div(mod(i, 153), 5) + 1;
  const gm = mod(div(i, 153), 12) + 1;
  const gy = div(j, 1461) - 100100 + div(8 - gm, 6);
  return { gy, gm, gd };
}

export function isJalaliLeapYear(year: number): boolean {
  return jalCal(year).leap === 0;
}

/** Days in a Jalali month: 31 for 1–6, 30 for 7–11, Esfand 29 (30 in leap years). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

/** `YYYY-MM-DD` (Gregorian, ISO) of a Jalali day. */
export function jalaliToIso({ year, month, day }: JalaliDay): string {
  const { gy, march } = jalCal(year);
  const jdn = g2d(gy, 3, march) + (month - 1) * 31 - div(month, 7) * (month - 7) + day - 1;
  const g = d2g(jdn);
  return `${String(g.gy).padStart(4, '0')}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`;
}

/** The Jalali day of a Gregorian `YYYY-MM-DD`. */
export function isoToJalali(iso: string): JalaliDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`isoToJalali needs YYYY-MM-DD, got "${iso}"`);
  const jdn = g2d(Number(m[1]), Number(m[2]), Number(m[3]));
  const gy = d2g(jdn).gy;
  let year = gy - 621;
  const r = jalCal(year);
  let k = jdn - g2d(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return { year, month: 1 + div(k, 31), day: mod(k, 31) + 1 };
    k -= 186;
  } else {
    year -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return { year, month: 7 + div(k, 30), day: mod(k, 30) + 1 };
}

/** `1403/05/09` (ASCII digits); `formatJalaliDay(d, 'fa')` gives Persian digits. */
export function formatJalaliDay(d: JalaliDay, digits: 'latn' | 'fa' = 'latn'): string {
  const s = `${d.year}/${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}`;
  return digits === 'fa' ? toPersianDigits(s) : s;
}

export type JalaliParse = { ok: true; day: JalaliDay; iso: string } | { ok: false; code: string; message: Bilingual };

const fail = (code: string, fa: string, en: string): JalaliParse => ({ ok: false, code, message: bi(fa, en) });

/**
 * A Jalali date as people type it: `1370/5/12`, `۱۳۷۰-۰۵-۱۲`, `1370.05.12` (year 1200–1499). The day must
 * exist (Esfand 30 only in leap years).
 */
export function parseJalaliDate(input: string): JalaliParse {
  const s = toAsciiDigits(input).trim();
  if (!s) return fail('required', 'تاریخ وارد نشده است.', 'The date is missing.');
  const m = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(s);
  if (!m) {
    return fail(
      'jalali_date_format',
      'تاریخ را به شکل سال/ماه/روز خورشیدی وارد کنید، مانند ۱۳۷۰/۰۵/۱۲.',
      'Enter the date as a Jalali year/month/day, e.g. 1370/05/12.',
    );
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1200 || year > 1499) {
    return fail(
      'jalali_date_year',
      'سال باید خورشیدی و میان ۱۲۰۰ و ۱۴۹۹ باشد (مانند ۱۳۷۰).',
      'The year must be a Jalali year between 1200 and 1499 (e.g. 1370).',
    );
  }
  if (month < 1 || month > 12) {
    return fail('jalali_date_month', 'ماه باید میان ۱ و ۱۲ باشد.', 'The month must be between 1 and 12.');
  }
  const length = jalaliMonthLength(year, month);
  if (day < 1 || day > length) {
    return fail(
      'jalali_date_day',
      `این ماه ${toPersianDigits(length)} روز دارد؛ روز ${toPersianDigits(day)} در آن نیست.`,
      `This month has ${length} days; there is no day ${day}.`,
    );
  }
  const d = { year, month, day };
  return { ok: true, day: d, iso: jalaliToIso(d) };
}
