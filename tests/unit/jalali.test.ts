import {
  formatJalali,
  isJalaliLeapYear,
  isValidJalali,
  isoToJalali,
  jalaliDate,
  jalaliMonthLength,
  jalaliToIso,
  parseJalali,
  tehranToday,
  ticketNumber,
} from '../../domain/jalali';

/** Intl's persian calendar (ICU) as the independent reference. */
const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
function viaIntl(iso: string): { year: number; month: number; day: number } {
  const parts = PERSIAN.formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

describe('Jalali conversion', () => {
  test('when known days are converted, then they match the published calendar (Nowruz, Esfand 30 of a leap year)', () => {
    expect(jalaliToIso(1404, 1, 1)).toBe('2025-03-21');
    expect(jalaliToIso(1403, 1, 1)).toBe('2024-03-20');
    expect(jalaliToIso(1370, 5, 12)).toBe('1991-08-03');
    expect(jalaliToIso(1403, 12, 30)).toBe('2025-03-20');
    expect(jalaliToIso(1399, 12, 30)).toBe('2021-03-20');
    expect(jalaliToIso(1404, 11, 22)).toBe('2026-02-11');
    expect(isoToJalali('2025-03-21')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(isoToJalali('2026-03-21')).toEqual({ year: 1405, month: 1, day: 1 });
    expect(isoToJalali('2025-03-20T23:00:00Z')).toEqual({ year: 1403, month: 12, day: 30 });
    expect(() => jalaliToIso(1404, 12, 30)).toThrow(RangeError);
    expect(() => isoToJalali('20250321')).toThrow(RangeError);
  });

  test('when every day from 1900 to 2100 is converted both ways, then it agrees with Intl and round-trips', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const j = isoToJalali(iso);
      const ref = viaIntl(iso);
      if (j.year !== ref.year || j.month !== ref.month || j.day !== ref.day || jalaliToIso(j.year, j.month, j.day) !== iso) {
        wrong.push(iso);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('when leap years are asked for, then Esfand has 30 days exactly in them', () => {
    expect([1399, 1403, 1408].map(isJalaliLeapYear)).toEqual([true, true, true]);
    expect([1400, 1401, 1402, 1404, 1405].map(isJalaliLeapYear)).toEqual([false, false, false, false, false]);
    expect([jalaliMonthLength(1403, 12), jalaliMonthLength(1404, 12)]).toEqual([30, 29]);
    expect([jalaliMonthLength(1404, 6), jalaliMonthLength(1404, 7)]).toEqual([31, 30]);
    expect(isValidJalali(1403, 12, 30)).toBe(true);
    expect([isValidJalali(1404, 12, 30), isValidJalali(1404, 13, 1), isValidJalali(1404, 7, 31)]).toEqual([false, false, false]);
  });
});

describe('typed Jalali dates and the formatter', () => {
  test('when typed dates are parsed, then any digits and separators work and impossible days are refused with a reason', () => {
    expect(parseJalali('۱۳۷۰/۵/۱۲')).toEqual({ ok: true, day: { year: 1370, month: 5, day: 12 }, iso: '1991-08-03' });
    expect(parseJalali('1370-05-12')).toMatchObject({ ok: true, iso: '1991-08-03' });
    expect(parseJalali('١٣٧٠.٠٥.١٢')).toMatchObject({ ok: true, iso: '1991-08-03' });
    expect(parseJalali(' ١٤٠٤-٠٦-٣١ ')).toMatchObject({ ok: true, iso: '2025-09-22' });
    expect(parseJalali('1403/12/30')).toMatchObject({ ok: true, iso: '2025-03-20' });
    expect(parseJalali('1404/12/30')).toMatchObject({ ok: false, code: 'jalali_date_day' });
    expect(parseJalali('1404/07/31')).toMatchObject({ ok: false, code: 'jalali_date_day' });
    expect(parseJalali('1404/13/01')).toMatchObject({ ok: false, code: 'jalali_date_month' });
    expect(parseJalali('1991/08/03')).toMatchObject({ ok: false, code: 'jalali_date_year' });
    expect(parseJalali('12 mordad')).toMatchObject({ ok: false, code: 'jalali_date_format' });
    expect(parseJalali('')).toMatchObject({ ok: false, code: 'required' });
  });

  test('when a day is refused, then the reason is told in Persian and English', () => {
    const r = parseJalali('1404/07/31');
    expect(r.ok ? null : r.message).toEqual({
      fa: 'این ماه ۳۰ روز دارد؛ روز ۳۱ در آن نیست.',
      en: 'This month has 30 days; there is no day 31.',
    });
  });

  test('when a day is formatted, then it is YYYY/MM/DD with Latin or Persian digits', () => {
    expect(formatJalali('2024-03-20')).toBe('1403/01/01');
    expect(formatJalali('2024-03-19')).toBe('1402/12/29');
    expect(formatJalali({ year: 1370, month: 5, day: 2 }, 'fa')).toBe('۱۳۷۰/۰۵/۰۲');
  });
});

describe('Tehran days and ticket numbers', () => {
  test('when it is 22:00 UTC, then Tehran (UTC+03:30) is already on the next day', () => {
    expect(tehranToday(new Date('2025-03-20T22:00:00Z'))).toBe('2025-03-21');
    expect(tehranToday(new Date('2025-03-20T20:00:00Z'))).toBe('2025-03-20');
  });

  test('when an instant is converted, then the Jalali day is the one in Tehran', () => {
    // 2026-03-20T20:00Z is 23:30 on 29 Esfand 1404 in Tehran; 20:31Z is already 1 Farvardin 1405.
    expect(jalaliDate(new Date('2026-03-20T20:00:00Z'))).toEqual({ year: 1404, month: 12, day: 29 });
    expect(jalaliDate(new Date('2026-03-20T20:31:00Z'))).toEqual({ year: 1405, month: 1, day: 1 });
    expect(jalaliDate(new Date('2026-11-23T08:00:00Z'))).toEqual({ year: 1405, month: 9, day: 2 });
  });

  test('when a ticket number is made, then it has the Jalali year and a six-digit sequence', () => {
    expect(ticketNumber(new Date('2026-11-23T08:00:00Z'), 42)).toBe('TK-1405-000042');
  });
});
