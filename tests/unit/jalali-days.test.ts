import { contrastVerdict, normalizeDomain, normalizeHex } from '../../domain/branding';
import { effectiveStatus, inForce } from '../../domain/agreements/agreement';
import { formatJalali, isJalaliLeapYear, isoToJalali, jalaliToIso, parseJalali, tehranToday } from '../../domain/jalali-days';

describe('Jalali calendar days', () => {
  test('when known dates are converted, then they match the calendar', () => {
    expect(jalaliToIso(1404, 1, 1)).toBe('2025-03-21');
    expect(jalaliToIso(1403, 12, 30)).toBe('2025-03-20');
    expect(jalaliToIso(1399, 12, 30)).toBe('2021-03-20');
    expect(formatJalali('2024-03-20')).toBe('1403/01/01');
    expect([1399, 1403, 1408].map(isJalaliLeapYear)).toEqual([true, true, true]);
    expect([1400, 1402, 1404].map(isJalaliLeapYear)).toEqual([false, false, false]);
  });

  test('when days that do not exist are typed, then they are refused; any digits are read', () => {
    expect(parseJalali('1404/07/31')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseJalali('1404/12/30')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseJalali('1404/13/01')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseJalali('tomorrow')).toEqual({ ok: false, reason: 'format' });
    expect(parseJalali('۱۴۰۴/۱/۱')).toEqual({ ok: true, iso: '2025-03-21' });
    expect(parseJalali('١٤٠٤-٠٦-٣١')).toEqual({ ok: true, iso: '2025-09-22' });
  });

  test('when every day of two centuries goes to Jalali and back, then it is the same day', () => {
    let bad = 0;
    for (let t = Date.UTC(1921, 2, 21); t < Date.UTC(2121, 2, 21); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const j = isoToJalali(iso);
      if (jalaliToIso(j.year, j.month, j.day) !== iso) bad += 1;
    }
    expect(bad).toBe(0);
  });

  test('when it is 22:00 UTC, then Tehran (UTC+03:30) is already on the next day', () => {
    expect(tehranToday(new Date('2025-03-20T22:00:00Z'))).toBe('2025-03-21');
    expect(tehranToday(new Date('2025-03-20T20:00:00Z'))).toBe('2025-03-20');
  });
});

describe('agreement status', () => {
  test('when an active agreement’s last day has passed, then it reads as expired and is not in force', () => {
    const a = { status: 'active' as const, validFrom: '2025-01-01', validTo: '2025-03-20' };
    expect(effectiveStatus(a, '2025-03-20')).toBe('active');
    expect(inForce(a, '2025-03-20')).toBe(true);
    expect(effectiveStatus(a, '2025-03-21')).toBe('expired');
    expect(inForce(a, '2025-03-21')).toBe(false);
    expect(inForce({ ...a, status: 'suspended' }, '2025-02-01')).toBe(false);
  });
});

describe('branding values', () => {
  test('colours are normalised and judged by their contrast with white', () => {
    expect(normalizeHex('ABC')).toBe('#aabbcc');
    expect(normalizeHex('#12345g')).toBeNull();
    expect(contrastVerdict('#000000')).toEqual({ ratio: 21, verdict: 'good' });
    expect(contrastVerdict('#3b82f6').verdict).toBe('weak');
    expect(contrastVerdict('#ffee00').verdict).toBe('unreadable');
  });

  test('domains are lower-cased host names', () => {
    expect(normalizeDomain('Portal.Alpha.IR.')).toBe('portal.alpha.ir');
    expect(normalizeDomain('localhost')).toBe('localhost');
    expect(normalizeDomain('a b.ir')).toBeNull();
    expect(normalizeDomain('-x.ir')).toBeNull();
  });
});
