import { z } from 'zod';
import { fieldErrorFromIssue } from '../../api/lib/errors';
import {
  IRANIAN_BANKS,
  bankOfSheba,
  checkLegalId,
  checkMobile,
  checkNationalCode,
  checkPostalCode,
  checkSheba,
  checkTaxTrackingCode,
  findBank,
  legalIdCheckDigit,
  makeLegalId,
  makeNationalCode,
  makeSheba,
  nationalCodeCheckDigit,
  normalizeMobile,
  normalizeNationalCode,
  normalizeSheba,
  type CheckResult,
  type IranCheckCode,
} from '../../domain/iran';
import {
  legalIdSchema,
  mobileSchema,
  nationalCodeSchema,
  postalCodeSchema,
  shebaSchema,
  taxTrackingCodeSchema,
} from '../../domain/iran-schemas';
import { normalizeText, toPersianDigits } from '../../domain/text';

// ---------------------------------------------------------------------------------------------------
// Helpers: a seeded generator and reference implementations written independently of domain/iran.ts

/** Numerical Recipes' 32-bit LCG: the same sequence on every run. */
function lcg(seed: number) {
  let x = seed >>> 0;
  const unit = (): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const digit = (): string => String(Math.floor(unit() * 10));
  return {
    digits: (n: number): string => Array.from({ length: n }, digit).join(''),
    pick: <T>(items: readonly T[]): T => items[Math.floor(unit() * items.length)],
  };
}

const SWEEP = 2000;
const digitsOf = (s: string): number[] => [...s].map(Number);
const allEqual = (s: string): boolean => new Set(s).size === 1;
const zeroBlock = (s: string): boolean => s.slice(3, 9) === '000000';
const replaceAt = (s: string, i: number, ch: string): string => s.slice(0, i) + ch + s.slice(i + 1);

/** DOMAIN.md: r = Σ d_i·(10−i) mod 11 over the first nine digits. */
const nationalRemainder = (code: string): number => digitsOf(code.slice(0, 9)).reduce((s, d, i) => s + d * (10 - i), 0) % 11;
const nationalChecksumHolds = (code: string): boolean => {
  const r = nationalRemainder(code);
  const d9 = Number(code[9]);
  return (r < 2 && d9 === r) || (r >= 2 && d9 === 11 - r);
};

/** DOMAIN.md: t = d9 + 2, s = Σ (d_i + t)·w[i mod 5] over the first ten digits, r = s mod 11. */
const legalRemainder = (id: string): number => {
  const d = digitsOf(id);
  const w = [29, 27, 23, 19, 17];
  return d.slice(0, 10).reduce((s, di, i) => s + (di + d[9] + 2) * w[i % 5], 0) % 11;
};
const legalChecksumHolds = (id: string): boolean => {
  const r = legalRemainder(id);
  return Number(id[10]) === (r === 10 ? 0 : r);
};

/** ISO 13616 with BigInt (the module uses digit-by-digit arithmetic instead). */
const shebaMod97 = (sheba: string): number => Number(BigInt(`${sheba.slice(4)}1827${sheba.slice(2, 4)}`) % 97n);

const failure = (r: CheckResult<object>): { code: string } | 'ok' => (r.ok ? 'ok' : { code: r.code });

// ---------------------------------------------------------------------------------------------------

describe('national code (کد ملی)', () => {
  test.each(['0013542419', '0076229645'])('when the DOMAIN.md example %s is checked, then it is valid', (code) => {
    expect(checkNationalCode(code)).toEqual({ ok: true, value: code });
    expect(nationalChecksumHolds(code)).toBe(true);
  });

  test.each([
    ['۰۰۱۳۵۴۲۴۱۹', '0013542419'],
    ['٠٠٧٦٢٢٩٦٤٥', '0076229645'],
    [' 001-354241-9 ', '0013542419'],
    ['۰۰۱ ۳۵۴ ۲۴۱ ۹', '0013542419'],
    ['13542419', '0013542419'],
    ['013542419', '0013542419'],
    ['76229645', '0076229645'],
  ])('when "%s" is typed (other digits, spaces, dashes or dropped zeros), then it is stored as %s', (input, value) => {
    expect(normalizeNationalCode(input)).toBe(value);
    expect(checkNationalCode(input)).toEqual({ ok: true, value });
  });

  test('when seven digits are typed, then they are not padded but refused for length', () => {
    expect(normalizeNationalCode('3542419')).toBe('3542419');
    expect(failure(checkNationalCode('3542419'))).toEqual({ code: 'national_code_length' });
  });

  test('when all ten digits are equal, then the code is refused as repeated although every such code passes the checksum', () => {
    for (let d = 0; d <= 9; d++) {
      const code = String(d).repeat(10);
      expect(nationalChecksumHolds(code)).toBe(true);
      expect(failure(checkNationalCode(code))).toEqual({ code: 'national_code_repeated' });
    }
  });

  test('when digits 4–9 are all zero, then the code is refused even with a correct check digit', () => {
    const code = `123000000${nationalCodeCheckDigit('123000000')}`;
    expect(code).toBe('1230000003');
    expect(nationalChecksumHolds(code)).toBe(true);
    expect(failure(checkNationalCode(code))).toEqual({ code: 'national_code_zero_block' });
    expect(() => makeNationalCode('123000000')).toThrow(/national_code_zero_block/);
  });

  test('when the check digit is wrong, then the code is refused for its checksum', () => {
    expect(failure(checkNationalCode('0013542418'))).toEqual({ code: 'national_code_checksum' });
  });

  test('when a seed is given, then makeNationalCode appends the check digit of DOMAIN.md', () => {
    expect(makeNationalCode('001354241')).toBe('0013542419');
    expect(makeNationalCode('۰۰۷۶۲۲۹۶۴')).toBe('0076229645');
    expect(makeNationalCode('7622964')).toBe('0076229645');
    expect(() => makeNationalCode('12345678901')).toThrow(RangeError);
  });

  /*
   * What is asserted, exactly. The check digit is c(r) with r = Σ d_i·(10−i) mod 11 and c(0)=0, c(1)=1,
   * c(r)=11−r for r ≥ 2; c is one-to-one except c(1) = c(10) = 1. Changing digit i ≤ 8 by δ ≠ 0 changes r
   * by (10−i)·δ, never 0 mod 11 (11 is prime and does not divide 10−i or δ), so a single-digit change is
   * missed by the checksum only when it moves r between 1 and 10. Changing the check digit itself is
   * always caught. So for every generated code and every one of its 90 single-digit variants we assert:
   * checkNationalCode accepts the variant ⇔ (the changed digit is one of the first nine and {r, r′} = {1, 10})
   * and the variant is neither all-equal nor zero in digits 4–9. Every other variant is refused, with
   * `national_code_checksum` unless one of those two rules refuses it first. We also assert that the
   * exceptional case actually occurs in the sweep (so the clause is not vacuous), that only codes whose
   * check digit is 1 have such variants, and at most 9 of their 90 (one replacement digit per position).
   */
  test('when 2,000 seeded codes are generated, then each is valid and every single-digit change is refused except when the remainder moves between 1 and 10', () => {
    const rng = lcg(0x6b61_7274);
    const mismatches: string[] = [];
    let variants = 0;
    let exceptions = 0;
    for (let n = 0; n < SWEEP; n++) {
      const code = makeNationalCode(rng.digits(9));
      if (failure(checkNationalCode(code)) !== 'ok' || !nationalChecksumHolds(code)) mismatches.push(`generated ${code}`);
      if (checkNationalCode(toPersianDigits(code)).ok !== true) mismatches.push(`Persian ${code}`);
      const r = nationalRemainder(code);
      const before = exceptions;
      for (let i = 0; i < 10; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === code[i]) continue;
          variants++;
          const variant = replaceAt(code, i, String(d));
          const r2 = nationalRemainder(variant);
          const exception = i <= 8 && ((r === 1 && r2 === 10) || (r === 10 && r2 === 1));
          if (exception) exceptions++;
          if (nationalChecksumHolds(variant) !== exception) mismatches.push(`reference ${code}→${variant}`);
          const result = checkNationalCode(variant);
          const expectedOk = exception && !allEqual(variant) && !zeroBlock(variant);
          if (result.ok !== expectedOk) mismatches.push(`${code}→${variant}: ok=${result.ok}`);
          if (!result.ok && !allEqual(variant) && !zeroBlock(variant) && result.code !== 'national_code_checksum') {
            mismatches.push(`${code}→${variant}: ${result.code}`);
          }
        }
      }
      // At most one replacement digit per position can hit the other remainder, and only codes ending in 1 have any.
      const own = exceptions - before;
      if (own > 9 || (own > 0 && code[9] !== '1')) mismatches.push(`${code}: ${own} undetected variants`);
    }
    expect(mismatches).toEqual([]);
    expect(variants).toBe(SWEEP * 90);
    expect(exceptions).toBeGreaterThan(0);
  });
});

describe('legal national ID (شناسه ملی)', () => {
  test.each(['10380284790', '14005893875'])('when the DOMAIN.md example %s is checked, then it is valid', (id) => {
    expect(checkLegalId(id)).toEqual({ ok: true, value: id });
    expect(legalChecksumHolds(id)).toBe(true);
  });

  test('when the ID is typed in Persian digits with spaces, then it is stored in ASCII digits', () => {
    expect(checkLegalId('۱۰۳۸ ۰۲۸ ۴۷۹۰')).toEqual({ ok: true, value: '10380284790' });
    expect(checkLegalId('١٤٠٠٥٨٩٣٨٧٥')).toEqual({ ok: true, value: '14005893875' });
  });

  test('when digits 4–9 are all zero, then the ID is refused even with a correct check digit', () => {
    const id = `1230000001${legalIdCheckDigit('1230000001')}`;
    expect(legalChecksumHolds(id)).toBe(true);
    expect(failure(checkLegalId(id))).toEqual({ code: 'legal_id_zero_block' });
  });

  test('when all eleven digits are equal, then the ID is refused (33333333333 would pass the checksum)', () => {
    expect(legalChecksumHolds('33333333333')).toBe(true);
    for (let d = 0; d <= 9; d++) expect(failure(checkLegalId(String(d).repeat(11)))).toEqual({ code: 'legal_id_repeated' });
  });

  test('when the check digit is wrong or the length is 10, then the ID is refused', () => {
    expect(failure(checkLegalId('10380284791'))).toEqual({ code: 'legal_id_checksum' });
    expect(failure(checkLegalId('1038028479'))).toEqual({ code: 'legal_id_length' });
  });

  test('when a seed is given, then makeLegalId appends the check digit of DOMAIN.md', () => {
    expect(makeLegalId('1038028479')).toBe('10380284790');
    expect(makeLegalId('1400589387')).toBe('14005893875');
    expect(() => makeLegalId('1230000001')).toThrow(/legal_id_zero_block/);
  });

  /*
   * Same reasoning as for national codes: r′ − r = δ·w (digit i ≤ 8, w ∈ {29,27,23,19,17}) or 5δ (digit 10,
   * which also shifts t for all ten terms: δ·(2·115 + 17) = 247δ ≡ 5δ mod 11), never 0 mod 11; the check
   * digit maps r = 10 and r = 0 both to 0. Asserted for every one of the 100 variants of each generated ID:
   * accepted ⇔ (a digit among the first ten changed and {r, r′} = {0, 10}) and not all-equal and not zero
   * in digits 4–9; otherwise refused, as `legal_id_checksum` unless those rules refuse it first.
   */
  test('when 2,000 seeded IDs are generated, then each is valid and every single-digit change is refused except when the remainder moves between 0 and 10', () => {
    const rng = lcg(0x1d_1e_9a_11);
    const mismatches: string[] = [];
    let exceptions = 0;
    for (let n = 0; n < SWEEP; n++) {
      const id = makeLegalId(`1${rng.digits(9)}`);
      if (failure(checkLegalId(id)) !== 'ok' || !legalChecksumHolds(id)) mismatches.push(`generated ${id}`);
      const r = legalRemainder(id);
      for (let i = 0; i < 11; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === id[i]) continue;
          const variant = replaceAt(id, i, String(d));
          const r2 = legalRemainder(variant);
          const exception = i <= 9 && ((r === 0 && r2 === 10) || (r === 10 && r2 === 0));
          if (exception) exceptions++;
          if (legalChecksumHolds(variant) !== exception) mismatches.push(`reference ${id}→${variant}`);
          const result = checkLegalId(variant);
          const expectedOk = exception && !allEqual(variant) && !zeroBlock(variant);
          if (result.ok !== expectedOk) mismatches.push(`${id}→${variant}: ok=${result.ok}`);
          if (!result.ok && !allEqual(variant) && !zeroBlock(variant) && result.code !== 'legal_id_checksum') {
            mismatches.push(`${id}→${variant}: ${result.code}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(exceptions).toBeGreaterThan(0);
  });
});

describe('Sheba (شبا)', () => {
  const PARSIAN = 'IR820540102680020817909002';

  test('when a valid Sheba is typed with spaces, lower case and Persian digits, then the canonical form and its bank come back', () => {
    const result = checkSheba('ir82 ۰۵۴۰ ۱۰۲۶ 8002 0817 9090 02');
    expect(result).toEqual({
      ok: true,
      value: PARSIAN,
      bankCode: '054',
      bank: { code: '054', nameFa: 'بانک پارسیان', nameEn: 'Parsian Bank' },
    });
    expect(shebaMod97(PARSIAN)).toBe(1);
  });

  test('when exactly 24 digits are typed without IR, then IR is added; with 23 digits it is not', () => {
    expect(normalizeSheba('82-0540-1026-8002-0817-9090-02')).toBe(PARSIAN);
    expect(checkSheba('820540102680020817909002').ok).toBe(true);
    expect(normalizeSheba('82054010268002081790900')).toBe('82054010268002081790900');
    expect(failure(checkSheba('82054010268002081790900'))).toEqual({ code: 'sheba_length' });
  });

  test.each([
    ['012', 'ملت'],
    ['017', 'ملی ایران'],
    ['018', 'تجارت'],
    ['019', 'صادرات ایران'],
    ['054', 'پارسیان'],
    ['055', 'اقتصاد نوین'],
    ['056', 'سامان'],
    ['057', 'پاسارگاد'],
    ['021', 'پست بانک'],
    ['095', 'ونزوئلا'],
  ])('when a Sheba carries bank code %s, then the bank is derived as %s', (code, fa) => {
    const sheba = makeSheba(code, '0000123456789');
    const result = checkSheba(sheba);
    if (!result.ok) throw new Error(result.code);
    expect(result.bankCode).toBe(code);
    expect(result.bank.code).toBe(code);
    expect(result.bank.nameFa).toContain(fa);
    expect(bankOfSheba(sheba)).toBe(result.bank);
  });

  test('when the bank table is read, then it holds exactly the codes of DOMAIN.md with Persian and English names', () => {
    const domainCodes =
      '010 011 012 013 014 015 016 017 018 019 020 021 022 051 052 053 054 055 056 057 058 059 060 061 062 063 064 065 066 069 070 073 075 078 079 080 095';
    expect(IRANIAN_BANKS.map((b) => b.code).join(' ')).toBe(domainCodes);
    for (const bank of IRANIAN_BANKS) {
      expect(bank.nameFa).toMatch(/[\u0600-\u06FF]/);
      expect(normalizeText(bank.nameFa)).toBe(bank.nameFa); // Persian ی/ک, no stray spaces
      expect(bank.nameEn).toMatch(/^[A-Z]/);
      expect(findBank(bank.code)).toBe(bank);
    }
    expect(findBank('099')).toBeNull();
  });

  test('when the bank code is not in the table, then a Sheba with a correct checksum is refused as an unknown bank', () => {
    const sheba = makeSheba('099', '1');
    expect(shebaMod97(sheba)).toBe(1);
    expect(failure(checkSheba(sheba))).toEqual({ code: 'sheba_unknown_bank' });
    expect(bankOfSheba(sheba)).toBeNull();
  });

  test('when the check digits are 99 instead of 02, then mod 97 still gives 1 but ISO 13616 refuses them', () => {
    let account = 0;
    while (makeSheba('017', account).slice(2, 4) !== '02') account++;
    const valid = makeSheba('017', account);
    const outOfRange = replaceAt(replaceAt(valid, 2, '9'), 3, '9');
    expect(shebaMod97(outOfRange)).toBe(1);
    expect(failure(checkSheba(outOfRange))).toEqual({ code: 'sheba_checksum' });
  });

  test.each([
    ['DE89370400440532013000', 'sheba_country'],
    ['IR82O540102680020817909002', 'sheba_format'],
    ['IR82.0540.1026.8002.0817.9090.02', 'sheba_format'],
    ['IR8205401026800208179090021', 'sheba_length'],
    ['IR830540102680020817909002', 'sheba_checksum'],
    ['IR820540102680020817909020', 'sheba_checksum'],
  ])('when "%s" is checked, then it is refused as %s', (input, code) => {
    expect(failure(checkSheba(input))).toEqual({ code });
  });

  /*
   * ISO 7064 MOD 97-10 catches every single substitution and every transposition of two adjacent digits:
   * both change the rearranged number by δ·10^k or (a−b)·9·10^k, and 97 is a prime that divides neither.
   * The sweep asserts it for all 24 digits after IR (check digits included): 216 substitutions and up to
   * 23 transpositions per generated Sheba, each refused as `sheba_checksum`.
   */
  test('when 2,000 seeded Shebas are generated, then each is valid with its bank, and every single-digit change or adjacent transposition is refused', () => {
    const rng = lcg(0x05eb_a000);
    const mismatches: string[] = [];
    let substitutions = 0;
    let transpositions = 0;
    for (let n = 0; n < SWEEP; n++) {
      const bank = rng.pick(IRANIAN_BANKS);
      const sheba = makeSheba(bank.code, rng.digits(19));
      const result = checkSheba(sheba);
      if (!result.ok || result.value !== sheba || result.bank !== bank || shebaMod97(sheba) !== 1) {
        mismatches.push(`generated ${sheba}`);
      }
      for (let i = 2; i < 26; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === sheba[i]) continue;
          substitutions++;
          const variant = replaceAt(sheba, i, String(d));
          const r = checkSheba(variant);
          if (r.ok || r.code !== 'sheba_checksum') mismatches.push(`${sheba}→${variant}`);
        }
        if (i < 25 && sheba[i] !== sheba[i + 1]) {
          transpositions++;
          const variant = sheba.slice(0, i) + sheba[i + 1] + sheba[i] + sheba.slice(i + 2);
          const r = checkSheba(variant);
          if (r.ok || r.code !== 'sheba_checksum') mismatches.push(`${sheba}⇄${variant}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(substitutions).toBe(SWEEP * 24 * 9);
    expect(transpositions).toBeGreaterThan(SWEEP * 20);
  });
});

describe('postal code (کد پستی)', () => {
  test.each(['1193653471', '11936-53471', '۱۱۹۳۶ ۵۳۴۷۱'])(
    'when "%s" fits the usual pattern, then it is stored without a warning',
    (input) => {
      expect(checkPostalCode(input)).toEqual({ ok: true, value: '1193653471' });
    },
  );

  test.each(['1234567890', '1111567890', '0000000000'])(
    'when "%s" misses the stricter pattern, then it is accepted with a bilingual warning',
    (input) => {
      const result = checkPostalCode(input);
      if (!result.ok) throw new Error(result.code);
      expect(result.value).toBe(input);
      expect(result.warning?.code).toBe('postal_code_unusual');
      expect(result.warning?.message.fa).toMatch(/الگوی رایج/);
      expect(result.warning?.message.en).toMatch(/usual/);
    },
  );
});

describe('mobile number', () => {
  test.each([
    '09123456789',
    '0912 345 6789',
    '0912-345-6789',
    '+98 912 345 6789',
    '+989123456789',
    '0098 912 345 6789',
    '98 912 345 6789',
    '9123456789',
    '+98 (0) 912 345 6789',
    '۰۹۱۲۳۴۵۶۷۸۹',
    '٠٩١٢٣٤٥٦٧٨٩',
    '+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹',
  ])('when "%s" is typed, then it is stored as 09123456789', (input) => {
    expect(normalizeMobile(input)).toBe('09123456789');
    expect(checkMobile(input)).toEqual({ ok: true, value: '09123456789' });
  });

  test('when a 10-digit number starts with 98, then it is read as a mobile number without the leading zero', () => {
    expect(checkMobile('9891234567')).toEqual({ ok: true, value: '09891234567' });
  });
});

describe('tax tracking code (کد رهگیری مالیاتی)', () => {
  test('when ten digits are typed in any script with spaces, then they are stored in ASCII digits', () => {
    expect(checkTaxTrackingCode('۱۲۳۴ ۵۶۷۸۹۰')).toEqual({ ok: true, value: '1234567890' });
  });
});

// ---------------------------------------------------------------------------------------------------

type Checker = (input: string) => CheckResult<object>;

/** One or more inputs for every refusal code; `Record` makes the compiler demand a row for each code. */
const REFUSALS: Record<IranCheckCode, [string, Checker, string][]> = {
  required: [
    ['national code', checkNationalCode, ''],
    ['legal ID', checkLegalId, ' - '],
    ['Sheba', checkSheba, '   '],
    ['postal code', checkPostalCode, ''],
    ['mobile', checkMobile, '\u200c'],
    ['tax tracking code', checkTaxTrackingCode, ''],
  ],
  national_code_format: [['national code', checkNationalCode, '00135a2419']],
  national_code_length: [
    ['national code', checkNationalCode, '1234567'],
    ['national code', checkNationalCode, '00135424190'],
  ],
  national_code_repeated: [['national code', checkNationalCode, '۲۲۲۲۲۲۲۲۲۲']],
  national_code_zero_block: [['national code', checkNationalCode, '1230000003']],
  national_code_checksum: [['national code', checkNationalCode, '0013542418']],
  legal_id_format: [['legal ID', checkLegalId, '1038028479O']],
  legal_id_length: [['legal ID', checkLegalId, '103802847901']],
  legal_id_repeated: [['legal ID', checkLegalId, '33333333333']],
  legal_id_zero_block: [['legal ID', checkLegalId, makeLegalIdUnchecked('1230000001')]],
  legal_id_checksum: [['legal ID', checkLegalId, '14005893870']],
  sheba_format: [['Sheba', checkSheba, 'IR82#540102680020817909002']],
  sheba_country: [['Sheba', checkSheba, 'GB29NWBK60161331926819']],
  sheba_length: [['Sheba', checkSheba, 'IR8205401026800208179090']],
  sheba_checksum: [['Sheba', checkSheba, 'IR820540102680020817909003']],
  sheba_unknown_bank: [['Sheba', checkSheba, makeSheba('099', '42')]],
  postal_code_format: [['postal code', checkPostalCode, '11936/53471']],
  postal_code_length: [['postal code', checkPostalCode, '119365347']],
  mobile_format: [['mobile', checkMobile, '0912-345-678x']],
  mobile_prefix: [
    ['mobile', checkMobile, '021 1234 5678'],
    ['mobile', checkMobile, '+1 555 123 4567'],
  ],
  mobile_length: [
    ['mobile', checkMobile, '0912345678'],
    ['mobile', checkMobile, '091234567890'],
  ],
  tax_tracking_code_format: [['tax tracking code', checkTaxTrackingCode, '12345ABCDE']],
  tax_tracking_code_length: [['tax tracking code', checkTaxTrackingCode, '123456789']],
};

/** A legal ID with a correct check digit, whether or not other rules refuse it. */
function makeLegalIdUnchecked(first10: string): string {
  return first10 + String(legalIdCheckDigit(first10));
}

describe('refusals', () => {
  const rows = Object.entries(REFUSALS).flatMap(([code, cases]) =>
    cases.map(([what, check, input]) => ({ code, what, check, input })),
  );

  test.each(rows)(
    'when the $what "$input" is checked, then it is refused as $code with a Persian and an English message',
    (row) => {
      const result = row.check(row.input);
      if (result.ok) throw new Error(`accepted as ${result.value}`);
      expect(result.code).toBe(row.code);
      expect(result.message.fa).toMatch(/[\u0600-\u06FF]{3}/);
      expect(result.message.fa).not.toMatch(/[يك]/); // Persian ی and ک only
      expect(result.message.fa).not.toMatch(/[0-9]/); // numbers in Persian text use Persian digits
      expect(result.message.en).toMatch(/^[A-Z].*\.$/);
      expect(result.message.en.length).toBeGreaterThan(30);
    },
  );

  test('when a length is wrong, then both messages say how many digits were given, in each language its own digits', () => {
    const result = checkNationalCode('1234567');
    if (result.ok) throw new Error('accepted');
    expect(result.message.fa).toContain('۷ رقم');
    expect(result.message.en).toContain('but 7 digits were given');
  });
});

describe('zod field schemas', () => {
  const MerchantBody = z.strictObject({
    nationalCode: nationalCodeSchema,
    legalId: legalIdSchema.optional(),
    sheba: shebaSchema,
    postalCode: postalCodeSchema,
    mobile: mobileSchema,
    taxTrackingCode: taxTrackingCodeSchema,
  });
  const fields = (input: unknown, prefix: string[] = []) =>
    MerchantBody.safeParse(input).error!.issues.map((issue) => fieldErrorFromIssue(issue, prefix));

  const typed = {
    nationalCode: '۰۰۱۳۵۴۲۴۱۹',
    legalId: '۱۰۳۸۰۲۸۴۷۹۰',
    sheba: 'ir82 0540 1026 8002 0817 9090 02',
    postalCode: '11936-53471',
    mobile: '+98 912 345 6789',
    taxTrackingCode: '۱۲۳۴۵۶۷۸۹۰',
  };

  test('when every field is typed the way people type, then the parsed body holds canonical values', () => {
    expect(MerchantBody.parse(typed)).toEqual({
      nationalCode: '0013542419',
      legalId: '10380284790',
      sheba: 'IR820540102680020817909002',
      postalCode: '1193653471',
      mobile: '09123456789',
      taxTrackingCode: '1234567890',
    });
  });

  test('when a national code has a wrong check digit, then fieldErrorFromIssue reports the field, its code and both messages', () => {
    const expected = checkNationalCode('0013542418');
    if (expected.ok) throw new Error('accepted');
    expect(fields({ ...typed, nationalCode: '0013542418' })).toEqual([
      { field: 'nationalCode', code: 'national_code_checksum', message: expected.message },
    ]);
    expect(expected.message.en).toMatch(/check digit/);
  });

  test('when several identifiers are wrong, then each field carries its own code, under the given prefix', () => {
    const f = fields({ ...typed, sheba: makeSheba('099', '7'), mobile: '021-1234-5678', legalId: '33333333333' }, ['merchant']);
    expect(f.map((x) => [x.field, x.code])).toEqual([
      ['merchant.legalId', 'legal_id_repeated'],
      ['merchant.sheba', 'sheba_unknown_bank'],
      ['merchant.mobile', 'mobile_prefix'],
    ]);
    expect(f.every((x) => x.message.fa.length > 0 && x.message.en.length > 0)).toBe(true);
  });

  test('when a field is missing or empty, then it is reported as required', () => {
    const { nationalCode: _omitted, ...rest } = typed;
    expect(fields(rest)).toEqual([
      { field: 'nationalCode', code: 'required', message: { fa: 'این فیلد الزامی است.', en: 'This field is required.' } },
    ]);
    expect(fields({ ...typed, nationalCode: '  ' }).map((x) => [x.field, x.code])).toEqual([['nationalCode', 'required']]);
  });

  test('when a schema is described for OpenAPI, then its input is a string with a description and a valid example', () => {
    const json: Record<string, unknown> = z.toJSONSchema(shebaSchema, { io: 'input' });
    expect(json).toMatchObject({ type: 'string', description: expect.stringMatching(/Sheba/) });
    expect(checkSheba(String(json.example)).ok).toBe(true);
    for (const schema of [nationalCodeSchema, legalIdSchema, postalCodeSchema, mobileSchema, taxTrackingCodeSchema]) {
      const example: unknown = z.toJSONSchema(schema, { io: 'input' }).example;
      expect(typeof example).toBe('string');
      expect(schema.safeParse(example).success).toBe(true);
    }
  });
});
