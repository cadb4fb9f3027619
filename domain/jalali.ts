const TEHRAN = 'Asia/Tehran';

/** Jalali (Solar Hijri) year, month and day of an instant, as a calendar day in Tehran. */
export function jalaliDate(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: TEHRAN,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** A ticket's tracking number, e.g. `TK-1405-000042`. */
export function ticketNumber(instant: Date, sequence: number): string {
  return `TK-${jalaliDate(instant).year}-${String(sequence).padStart(6, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Jalali ↔ Gregorian calendar days (the jalaali-js algorithm: Borkowski's 33-year break table).

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];
const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

function jalCal(jy: number): { leap: number; gy: number; march: number } {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  if (jy < jp || jy >= BREAKS[BREAKS.length - 1]) throw new RangeError(`Jalali year ${jy} is out of range`);
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

function g2d(gy: number, gm: number, gd: number): number {
  const d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  return d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
}

function d2g(jdn: number): CalendarDay {
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

/** The Gregorian day of a (valid) Jalali day. */
export function jalaliToGregorian(year: number, month: number, day: number): CalendarDay {
  const r = jalCal(year);
  return d2g(g2d(r.gy, 3, r.march) + (month - 1) * 31 - div(month, 7) * (month - 7) + day - 1);
}

/** The Jalali day of a Gregorian day. */
export function gregorianToJalali(year: number, month: number, day: number): CalendarDay {
  const jdn = g2d(year, month, day);
  let jy = year - 621;
  const r = jalCal(jy);
  let k = jdn - g2d(year, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return { year: jy, month: 1 + div(k, 31), day: mod(k, 31) + 1 };
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return { year: jy, month: 7 + div(k, 30), day: mod(k, 30) + 1 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` (Gregorian) ↔ `YYYY/MM/DD` (Jalali). */
export function isoDayToJalali(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const j = gregorianToJalali(y, m, d);
  return `${j.year}/${pad(j.month)}/${pad(j.day)}`;
}

export function jalaliToIsoDay(year: number, month: number, day: number): string {
  const g = jalaliToGregorian(year, month, day);
  return `${pad(g.year, 4)}-${pad(g.month)}-${pad(g.day)}`;
}
