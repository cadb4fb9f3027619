import { parseDuration } from '../../domain/duration';
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
