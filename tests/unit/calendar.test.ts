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
