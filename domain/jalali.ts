/**
 * The Jalali (Solar Hijri) calendar, the one module for it: calendar days between Jalali and
 * Gregorian, a checked parser for dates people type, one formatter, Tehran's calendar day, and
 * ticket numbers. A day is an ISO date string `YYYY-MM-DD` (Gregorian) unless said otherwise.
 *
 * The conversion is the 33-year-cycle algorithm with Borkowski's break years, as in jalaali-js
 * (pure arithmetic: workflows and the portal may import it); the unit tests compare every day of
 * two centuries with Intl's persian calendar. `Intl` is used only for the time zone (Asia/Tehran).
 */
import { bi, type Bilingual } from './i18n';
import { toAsciiDigits, toPersianDigits } from './text';

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

// ---------------------------------------------------------------------------------------------------
// Conversion (jalaali-js).

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
  for (let i = 1; i < BREAKS.length; i += 1) {
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

function d2g(jdn: number): JalaliDay {
  let j = 4 * jdn + 139361631;
  j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const i = div(mod(j, 1461), 4) * 5 + 308;
  const day = div(mod(i, 153), 5) + 1;
  const month = mod(div(i, 153), 12) + 1;
  const year = div(j, 1461) - 100100 + div(8 - month, 6);
  return { year, month, day };
}

/** Whether a Jalali year has 30 days in Esfand. */
export function isJalaliLeapYear(year: number): boolean {
  return jalCal(year).leap === 0;
}

/** Days in a Jalali month: 31 for 1–6, 30 for 7–11, Esfand 29 (30 in leap years). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

export function isValidJalali(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year < 3177 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= jalaliMonthLength(year, month)
  );
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` (Gregorian) of a Jalali day; RangeError when the day does not exist. */
export function jalaliToIso(year: number, month: number, day: number): string {
  if (!isValidJalali(year, month, day)) throw new RangeError(`No Jalali day ${year}/${month}/${day}`);
  const r = jalCal(year);
  const g = d2g(g2d(r.gy, 3, r.march) + (month - 1) * 31 - div(month, 7) * (month - 7) + day - 1);
  return `${pad(g.year, 4)}-${pad(g.month)}-${pad(g.day)}`;
}

/** The Jalali day of a Gregorian `YYYY-MM-DD` (a longer ISO instant is cut to its date part). */
export function isoToJalali(iso: string): JalaliDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`isoToJalali needs YYYY-MM-DD, got "${iso}"`);
  const [gy, gm, gd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const jdn = g2d(gy, gm, gd);
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

// ---------------------------------------------------------------------------------------------------
// Formatting and parsing.

/** `1404/01/15` for a Gregorian `YYYY-MM-DD` (or a Jalali day); `'fa'` gives Persian digits. */
export function formatJalali(day: string | JalaliDay, digits: 'latn' | 'fa' = 'latn'): string {
  const j = typeof day === 'string' ? isoToJalali(day) : day;
  const s = `${j.year}/${pad(j.month)}/${pad(j.day)}`;
  return digits === 'fa' ? toPersianDigits(s) : s;
}

export type JalaliParse = { ok: true; day: JalaliDay; iso: string } | { ok: false; code: string; message: Bilingual };

const fail = (code: string, fa: string, en: string): JalaliParse => ({ ok: false, code, message: bi(fa, en) });

/**
 * A Jalali date as people type it: `1370/5/12`, `۱۳۷۰-۰۵-۱۲`, `1370.05.12` (any digits; year
 * 1200–1499). The day must exist (Esfand 30 only in leap years). Failure codes: `required`,
 * `jalali_date_format`, `jalali_date_year`, `jalali_date_month`, `jalali_date_day`, each with a
 * fa/en message.
 */
export function parseJalali(input: string): JalaliParse {
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
  return { ok: true, day: { year, month, day }, iso: jalaliToIso(year, month, day) };
}

// ---------------------------------------------------------------------------------------------------
// Tehran's calendar day, ticket numbers.

const tehranIso = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Tehran at an instant (default now) as `YYYY-MM-DD` (Gregorian). */
export function tehranToday(now: Date = new Date()): string {
  return tehranIso.format(now);
}

/** Jalali year, month and day of an instant, as a calendar day in Tehran. */
export function jalaliDate(instant: Date): JalaliDay {
  return isoToJalali(tehranToday(instant));
}

/** A ticket's tracking number, e.g. `TK-1405-000042`. */
export function ticketNumber(instant: Date, sequence: number): string {
  return `TK-${jalaliDate(instant).year}-${String(sequence).padStart(6, '0')}`;
}
