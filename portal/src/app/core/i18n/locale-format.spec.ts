import { fileSizeParts, formatJalali, formatNumber, localizeDigits, normalizeDigits, toPersianDigits } from './locale-format';

describe('locale-format', () => {
  describe('toPersianDigits', () => {
    it('when given ASCII digits, then writes them in Persian', () => {
      expect(toPersianDigits('Ticket 1404-0123')).toBe('Ticket ۱۴۰۴-۰۱۲۳');
    });
  });

  describe('normalizeDigits', () => {
    it('when given Persian and Arabic-Indic digits, then returns ASCII digits', () => {
      expect(normalizeDigits('۱۲۳٤٥٦ 789')).toBe('123456 789');
    });

    it('when given no digits, then leaves the text alone', () => {
      expect(normalizeDigits('کارتخوان')).toBe('کارتخوان');
    });

    it('round-trips any number through Persian digits', () => {
      for (let i = 0; i < 200; i++) {
        const n = String(Math.floor(Math.random() * 1e12));
        expect(normalizeDigits(toPersianDigits(n))).toBe(n);
      }
    });
  });

  describe('localizeDigits', () => {
    it('when the language is Persian, then uses Persian digits and the Persian decimal separator', () => {
      expect(localizeDigits(12.5, 'fa')).toBe('۱۲٫۵');
      expect(localizeDigits('1404001', 'fa')).toBe('۱۴۰۴۰۰۱');
    });

    it('when the language is English, then keeps ASCII digits', () => {
      expect(localizeDigits(1404001, 'en')).toBe('1404001');
    });

    it('when the value is missing, then returns an empty string', () => {
      expect(localizeDigits(null, 'fa')).toBe('');
    });
  });

  describe('formatNumber', () => {
    it('groups thousands in the language', () => {
      expect(formatNumber(1234567, 'en')).toBe('1,234,567');
      expect(formatNumber(1234567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    });
  });

  describe('formatJalali', () => {
    // 2025-03-20T21:00:00Z is 00:30 on 1 Farvardin 1404 in Tehran (UTC+03:30).
    const nowruz = '2025-03-20T21:00:00Z';

    it('when Persian, then formats the Jalali date in Tehran time with Persian digits', () => {
      const text = formatJalali(nowruz, 'fa', 'date');
      expect(text).toContain('۱۴۰۴');
      expect(text).toContain('فروردین');
      expect(text).toMatch(/^۱ /);
    });

    it('when English, then formats the Jalali date with Latin digits', () => {
      const text = formatJalali(nowruz, 'en', 'datetime');
      expect(text).toContain('Farvardin 1, 1404');
      expect(text).toContain('00:30');
    });

    it('when short, then gives a numeric Jalali date and time', () => {
      expect(formatJalali(nowruz, 'en', 'short')).toBe('1404/01/01 00:30');
      expect(formatJalali(nowruz, 'fa', 'short')).toBe('۱۴۰۴/۰۱/۰۱ ۰۰:۳۰');
    });

    it('counts the day in Tehran, not in UTC', () => {
      // 20:29Z on 20 March is still 30 Esfand 1403 (a leap year) in Tehran; 20:30Z is already 1 Farvardin 1404.
      expect(formatJalali('2025-03-20T20:29:00Z', 'en', 'date')).toContain('Esfand 30, 1403');
      expect(formatJalali('2025-03-20T20:30:00Z', 'en', 'date')).toContain('Farvardin 1, 1404');
    });

    it('when the value is missing or invalid, then returns an empty string', () => {
      expect(formatJalali(null, 'fa')).toBe('');
      expect(formatJalali('not a date', 'fa')).toBe('');
    });
  });

  describe('fileSizeParts', () => {
    it('picks a readable unit', () => {
      expect(fileSizeParts(512)).toEqual({ unit: 'bytes', n: 512 });
      expect(fileSizeParts(48213)).toEqual({ unit: 'kb', n: 47.1 });
      expect(fileSizeParts(5 * 1024 * 1024)).toEqual({ unit: 'mb', n: 5 });
    });
  });
});
