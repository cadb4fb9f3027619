import { parseDuration } from '../../domain/duration';
import { ticketNumber, jalaliDate } from '../../domain/jalali';
import { normalizeText, toAsciiDigits, toPersianDigits } from '../../domain/text';

describe('text normalisation', () => {
  test('when Persian or Arabic-Indic digits are typed, then they become ASCII', () => {
    expect(toAsciiDigits('۰۹۱۲۳۴۵۶۷۸۹')).toBe('09123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('abc ۱۲ x')).toBe('abc 12 x');
  });

  test('when digits are shown in Persian, then every ASCII digit is replaced', () => {
    expect(toPersianDigits('1405-000042')).toBe('۱۴۰۵-۰۰۰۰۴۲');
    expect(toPersianDigits(7)).toBe('۷');
  });

  test('when Arabic ي and ك are typed, then they become Persian ی and ک; spaces collapse; ZWNJ stays', () => {
    expect(normalizeText('  كارتخوان   علي  ')).toBe('کارتخوان علی');
    expect(normalizeText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  test('when multiline text is normalised, then lines are kept and blank runs shrink to one empty line', () => {
    expect(normalizeText('سلام  \r\n\r\n\r\n\r\n  خداحافظ', { multiline: true })).toBe('سلام\n\nخداحافظ');
    expect(normalizeText('a\nb')).toBe('a b');
  });
});

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['4h', 14_400_000],
    ['3d', 259_200_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1500', 1500],
  ])('when "%s" is parsed, then it is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', 'abc', '4 hours', '4h x', '-1h', 'h'])('when "%s" is parsed, then it is refused', (text) => {
    expect(() => parseDuration(text)).toThrow(/Invalid duration/);
  });
});

describe('Jalali dates', () => {
  test('when an instant is converted, then the calendar day is the one in Tehran', () => {
    // 2026-03-20T20:00Z is 23:30 on 29 Esfand 1404 in Tehran; 20:31Z is already 1 Farvardin 1405.
    expect(jalaliDate(new Date('2026-03-20T20:00:00Z'))).toEqual({ year: 1404, month: 12, day: 29 });
    expect(jalaliDate(new Date('2026-03-20T20:31:00Z'))).toEqual({ year: 1405, month: 1, day: 1 });
    expect(jalaliDate(new Date('2026-11-23T08:00:00Z'))).toEqual({ year: 1405, month: 9, day: 2 });
  });

  test('when a ticket number is made, then it has the Jalali year and a six-digit sequence', () => {
    expect(ticketNumber(new Date('2026-11-23T08:00:00Z'), 42)).toBe('TK-1405-000042');
  });
});
