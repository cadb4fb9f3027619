/**
 * Calendar days (no time of day) between the Jalali and Gregorian calendars, through the ICU
 * Persian calendar of `Intl` (the same one the portal formats with). A day is an ISO date
 * string `YYYY-MM-DD` (Gregorian); "today" is the calendar day in Asia/Tehran (DOMAIN.md).
 */
import { toAsciiDigits } from './text';

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const jalaliFormat = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const isoFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const tehranIso = isoFormat('Asia/Tehran');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function jalaliOfUtc(ms: number): JalaliDay {
  const parts = jalaliFormat.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

const dayOfYear = (m: number, d: number) => (m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d - 1;

/** Days in a Jalali month: 31 for 1–6, 30 for 7–11, 29 for Esfand (30 in leap years). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

export function isJalaliLeapYear(year: number): boolean {
  // Esfand 30 exists when the day after Esfand 29 is still in Esfand.
  const esfand29 = utcOfJalali(year, 12, 29);
  return jalaliOfUtc(esfand29 + DAY_MS).month === 12;
}

/** UTC midnight of the Gregorian day a Jalali date falls on (no range check of the day). */
function utcOfJalali(year: number, month: number, day: number): number {
  // Farvardin 1 is March 20, 21 or 22: start near it and correct by the difference in days.
  let guess = Date.UTC(year + 621, 2, 21) + dayOfYear(month, day) * DAY_MS;
  for (let i = 0; i < 12; i += 1) {
    const j = jalaliOfUtc(guess);
    // Across a year boundary, step a day at a time (the first guess is at most a few days off).
    const diff = j.year === year ? dayOfYear(month, day) - dayOfYear(j.month, j.day) : Math.sign(year - j.year);
    if (diff === 0) return guess;
    guess += diff * DAY_MS;
  }
  return guess;
}

/** `YYYY-MM-DD` (Gregorian) of a Jalali date, or null when the date does not exist. */
export function jalaliToIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1200 || year > 1600) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > jalaliMonthLength(year, month)) return null;
  return new Date(utcOfJalali(year, month, day)).toISOString().slice(0, 10);
}

/** The Jalali date of a Gregorian `YYYY-MM-DD`. */
export function isoToJalali(iso: string): JalaliDay {
  return jalaliOfUtc(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** `1404/01/15` for a Gregorian `YYYY-MM-DD`. */
export function formatJalali(iso: string): string {
  const j = isoToJalali(iso);
  return `${j.year}/${pad(j.month)}/${pad(j.day)}`;
}

/**
 * Reads what a person types: `1404/1/15`, `۱۴۰۴/۰۱/۱۵`, `1404-01-15`. Returns the Gregorian ISO
 * day, or a reason: `format` (not y/m/d) or `no_such_day` (e.g. 1404/07/31, Esfand 30 in a
 * common year).
 */
export function parseJalali(input: string): { ok: true; iso: string } | { ok: false; reason: 'format' | 'no_such_day' } {
  const m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(toAsciiDigits(input).trim());
  if (!m) return { ok: false, reason: 'format' };
  const iso = jalaliToIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { ok: true, iso } : { ok: false, reason: 'no_such_day' };
}

/** Today's calendar day in Tehran as `YYYY-MM-DD` (Gregorian). */
export function tehranToday(now: Date = new Date()): string {
  return tehranIso.format(now);
}
