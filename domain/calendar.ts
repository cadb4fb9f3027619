import { parseJalali, tehranToday } from './jalali';
import { toAsciiDigits } from './text';

/**
 * The business calendar: calendar days in Asia/Tehran as `YYYY-MM-DD` (Gregorian) strings.
 * Friday is the weekly holiday; official holidays come from base data (kind `holiday`).
 * Thursday is a (often half) working day. Pure: no clock, no I/O.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** 0 = Sunday … 5 = Friday, 6 = Saturday (as Date#getUTCDay). */
export const WEEKLY_HOLIDAYS: readonly number[] = [5];

/** The calendar day in Tehran of an instant (same as `tehranToday` in ./jalali). */
export function tehranDay(instant: Date): string {
  return tehranToday(instant);
}

export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function assertDay(day: string): void {
  if (!isIsoDay(day)) throw new RangeError(`not a calendar day (YYYY-MM-DD): "${day}"`);
}

const toUtcMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  assertDay(day);
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

export function weekdayOf(day: string): number {
  assertDay(day);
  return new Date(toUtcMs(day)).getUTCDay();
}

export type HolidaySet = ReadonlySet<string>;

const dayOf = (value: string | Date): string => (value instanceof Date ? tehranDay(value) : value);

/** A working day: not a Friday and not an official holiday. A Date is taken as its day in Tehran. */
export function isBusinessDay(value: string | Date, holidays: HolidaySet = new Set()): boolean {
  const day = dayOf(value);
  assertDay(day);
  return !WEEKLY_HOLIDAYS.includes(weekdayOf(day)) && !holidays.has(day);
}

/** The first business day strictly after `value`. */
export function nextBusinessDay(value: string | Date, holidays: HolidaySet = new Set()): string {
  let day = addDays(dayOf(value), 1);
  // At most a few weeks of consecutive holidays exist; a year is a safe bound.
  for (let i = 0; i < 366; i += 1) {
    if (isBusinessDay(day, holidays)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError('no business day within a year: check the holiday list');
}

/** `value` itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(value: string | Date, holidays: HolidaySet = new Set()): string {
  const day = dayOf(value);
  return isBusinessDay(day, holidays) ? day : nextBusinessDay(day, holidays);
}

/** Adds `count` business days (count ≥ 0); 0 gives the day itself if it is a business day, else the next. */
export function addBusinessDays(value: string | Date, count: number, holidays: HolidaySet = new Set()): string {
  let day = businessDayOnOrAfter(value, holidays);
  for (let i = 0; i < count; i += 1) day = nextBusinessDay(day, holidays);
  return day;
}

/** Business days in the half-open range [from, to). */
export function businessDaysBetween(from: string, to: string, holidays: HolidaySet = new Set()): number {
  assertDay(from);
  assertDay(to);
  let n = 0;
  for (let d = from; d < to; d = addDays(d, 1)) if (isBusinessDay(d, holidays)) n += 1;
  return n;
}

/**
 * A typed calendar day: Jalali `1404/01/01` (year below 1700; `/` or `-`, any digits) or Gregorian
 * ISO `2025-03-21`. Returns the ISO day, or null when it is not a real day.
 */
export function parseCalendarDay(input: string): string | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(toAsciiDigits(input).trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1700) {
    const j = parseJalali(input);
    return j.ok ? j.iso : null;
  }
  const iso = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}

/** Working hours in Tehran, minutes after midnight: Saturday–Wednesday 08:00–16:00, Thursday 08:00–12:00. */
export interface WorkingHours {
  start: number;
  end: number;
  thursdayEnd: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 8 * 60, end: 16 * 60, thursdayEnd: 12 * 60 };

/** Iran has kept UTC+03:30 all year since 2022 (no daylight saving). */
const TEHRAN_OFFSET_MS = 210 * 60_000;
const MINUTE_MS = 60_000;

/**
 * The instant `minutes` business minutes after `from`: only working hours of business days count
 * (Friday and official holidays are skipped; Thursday ends early). Used for request SLAs.
 */
export function addBusinessMinutes(
  from: Date,
  minutes: number,
  holidays: HolidaySet = new Set(),
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`not a duration in minutes: ${minutes}`);
  let left = minutes;
  // Work in "Tehran wall time as UTC" milliseconds.
  let t = from.getTime() + TEHRAN_OFFSET_MS;
  for (let guard = 0; guard < 4000; guard += 1) {
    const day = fromUtcMs(t - (t % DAY_MS));
    const dayStart = toUtcMs(day);
    const open = dayStart + hours.start * MINUTE_MS;
    const close = dayStart + (weekdayOf(day) === 4 ? hours.thursdayEnd : hours.end) * MINUTE_MS;
    if (isBusinessDay(day, holidays) && t < close) {
      const begin = Math.max(t, open);
      const available = (close - begin) / MINUTE_MS;
      if (left <= available) return new Date(begin + left * MINUTE_MS - TEHRAN_OFFSET_MS);
      left -= available;
    }
    t = dayStart + DAY_MS;
  }
  throw new RangeError('no working hours within the next decade');
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(
  from: Date,
  to: Date,
  holidays: HolidaySet = new Set(),
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): number {
  let total = 0;
  let t = from.getTime() + TEHRAN_OFFSET_MS;
  const end = to.getTime() + TEHRAN_OFFSET_MS;
  while (t < end) {
    const day = fromUtcMs(t - (t % DAY_MS));
    const dayStart = toUtcMs(day);
    const open = dayStart + hours.start * MINUTE_MS;
    const close = dayStart + (weekdayOf(day) === 4 ? hours.thursdayEnd : hours.end) * MINUTE_MS;
    if (isBusinessDay(day, holidays)) {
      const a = Math.max(t, open);
      const b = Math.min(end, close);
      if (b > a) total += (b - a) / MINUTE_MS;
    }
    t = dayStart + DAY_MS;
  }
  return Math.round(total);
}
