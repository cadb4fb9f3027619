import {
  addBusinessDays,
  addDays,
  businessDayOnOrAfter,
  businessDaysBetween,
  isBusinessDay,
  isIsoDay,
  nextBusinessDay,
  parseCalendarDay,
  tehranDay,
  weekdayOf,
} from '../../domain/calendar';
import {
  gregorianToJalali,
  isJalaliLeapYear,
  isValidJalali,
  isoDayToJalali,
  jalaliMonthLength,
  jalaliToGregorian,
  jalaliToIsoDay,
} from '../../domain/jalali';

const intlJalali = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
function viaIntl(iso: string) {
  const parts = intlJalali.formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

describe('Jalali conversion', () => {
  test('when known days are converted, then they match the published calendar', () => {
    expect(gregorianToJalali(2025, 3, 21)).toEqual({ year: 1404, month: 1, day: 1 });
    expect(gregorianToJalali(2026, 3, 21)).toEqual({ year: 1405, month: 1, day: 1 });
    expect(gregorianToJalali(2025, 3, 20)).toEqual({ year: 1403, month: 12, day: 30 });
    expect(jalaliToGregorian(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    expect(jalaliToIsoDay(1404, 11, 22)).toBe('2026-02-11');
    expect(isoDayToJalali('2024-03-19')).toBe('1402/12/29');
  });

  test('when every day from 1990 to 2040 is converted both ways, then it agrees with Intl and round-trips', () => {
    const start = Date.UTC(1990, 0, 1);
    const end = Date.UTC(2040, 11, 31);
    for (let ms = start; ms <= end; ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      const [y, m, d] = iso.split('-').map(Number);
      const j = gregorianToJalali(y, m, d);
      expect(j).toEqual(viaIntl(iso));
      expect(jalaliToIsoDay(j.year, j.month, j.day)).toBe(iso);
    }
  });

  test('when leap years are asked for, then Esfand has 30 days exactly in them', () => {
    expect([1399, 1403, 1408].map(isJalaliLeapYear)).toEqual([true, true, true]);
    expect([1400, 1401, 1402, 1404, 1405].map(isJalaliLeapYear)).toEqual([false, false, false, false, false]);
    expect(jalaliMonthLength(1403, 12)).toBe(30);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1404, 6)).toBe(31);
    expect(jalaliMonthLength(1404, 7)).toBe(30);
    expect(isValidJalali(1404, 12, 30)).toBe(false);
    expect(isValidJalali(1403, 12, 30)).toBe(true);
    expect(isValidJalali(1404, 13, 1)).toBe(false);
    expect(isValidJalali(1404, 7, 31)).toBe(false);
  });
});

describe('business calendar (Asia/Tehran)', () => {
  const holidays = new Set(['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24', '2025-04-01', '2025-04-02']);

  test('when a day is a Friday, then it is not a business day; Thursday and Saturday are', () => {
    expect(weekdayOf('2025-05-02')).toBe(5);
    expect(isBusinessDay('2025-05-02')).toBe(false);
    expect(isBusinessDay('2025-05-01')).toBe(true);
    expect(isBusinessDay('2025-05-03')).toBe(true);
  });

  test('when a day is an official holiday, then it is not a business day', () => {
    expect(isBusinessDay('2025-03-22', holidays)).toBe(false);
    expect(isBusinessDay('2025-03-22')).toBe(true);
  });

  test('when Nowruz and a Friday follow a Wednesday, then the next business day is after them', () => {
    // 2025-03-20 Thu; 21–24 Nowruz (Fri–Mon); 25 Tue.
    expect(nextBusinessDay('2025-03-20', holidays)).toBe('2025-03-25');
    expect(nextBusinessDay('2025-03-19', holidays)).toBe('2025-03-20');
    // 2025-03-31 Mon; 1–2 April holidays; 3 April Thu.
    expect(nextBusinessDay('2025-03-31', holidays)).toBe('2025-04-03');
    expect(nextBusinessDay('2025-04-03', holidays)).toBe('2025-04-05');
  });

  test('when an instant is given, then its day is taken in Tehran, not UTC', () => {
    // 2025-05-01T21:00Z is 00:30 on Friday 2 May in Tehran.
    expect(tehranDay(new Date('2025-05-01T21:00:00Z'))).toBe('2025-05-02');
    expect(isBusinessDay(new Date('2025-05-01T21:00:00Z'))).toBe(false);
    expect(isBusinessDay(new Date('2025-05-01T20:00:00Z'))).toBe(true);
    expect(nextBusinessDay(new Date('2025-05-01T21:00:00Z'))).toBe('2025-05-03');
  });

  test('when business days are added or counted, then Fridays and holidays are skipped', () => {
    expect(addBusinessDays('2025-03-19', 0, holidays)).toBe('2025-03-19');
    expect(addBusinessDays('2025-03-21', 0, holidays)).toBe('2025-03-25');
    expect(addBusinessDays('2025-03-19', 2, holidays)).toBe('2025-03-25');
    expect(businessDayOnOrAfter('2025-05-02')).toBe('2025-05-03');
    expect(businessDaysBetween('2025-03-15', '2025-03-29', holidays)).toBe(9);
  });

  test('when every day of two years is checked, then nextBusinessDay is the first later business day and never a Friday or holiday', () => {
    let day = '2025-01-01';
    for (let i = 0; i < 730; i += 1) {
      const next = nextBusinessDay(day, holidays);
      expect(next > day).toBe(true);
      expect(isBusinessDay(next, holidays)).toBe(true);
      expect(weekdayOf(next)).not.toBe(5);
      for (let d = addDays(day, 1); d < next; d = addDays(d, 1)) expect(isBusinessDay(d, holidays)).toBe(false);
      day = addDays(day, 1);
    }
  });

  test('when a typed day is parsed, then Jalali (any digits) and ISO are accepted and impossible days refused', () => {
    expect(parseCalendarDay('۱۴۰۴/۰۱/۰۱')).toBe('2025-03-21');
    expect(parseCalendarDay('1404-1-13')).toBe('2025-04-02');
    expect(parseCalendarDay('2025-03-21')).toBe('2025-03-21');
    expect(parseCalendarDay('1404/12/30')).toBeNull();
    expect(parseCalendarDay('2025-02-29')).toBeNull();
    expect(parseCalendarDay('yesterday')).toBeNull();
    expect(isIsoDay('2024-02-29')).toBe(true);
  });

  test('when a bad day string is given, then the helpers refuse it loudly', () => {
    expect(() => isBusinessDay('2025-13-01')).toThrow(RangeError);
  });
});
