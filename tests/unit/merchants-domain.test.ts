import { z } from 'zod';
import { fieldErrorFromIssue } from '../../api/lib/errors';
import { CreateMerchantBody, jalaliPastDate, UpdateMerchantBody } from '../../api/components/merchants/merchants.schemas';
import { makeLegalId, makeNationalCode, makeSheba } from '../../domain/iran';
import {
  formatJalaliDay,
  isJalaliLeapYear,
  isoToJalali,
  jalaliMonthLength,
  jalaliToIso,
  parseJalaliDate,
} from '../../domain/jalali-calendar';
import { checkLatinText, checkPersianText, checkPhone, merchantDisplayName } from '../../domain/merchants';

/** Intl's persian calendar (ICU) as the independent reference. */
const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
function intlJalali(isoDay: string): { year: number; month: number; day: number } {
  const parts = PERSIAN.formatToParts(new Date(`${isoDay}T12:00:00Z`));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

describe('Jalali calendar', () => {
  test('when known days are converted, then they match the calendar (Nowruz, Esfand 30 of a leap year)', () => {
    expect(jalaliToIso({ year: 1403, month: 1, day: 1 })).toBe('2024-03-20');
    expect(jalaliToIso({ year: 1370, month: 5, day: 12 })).toBe('1991-08-03');
    expect(jalaliToIso({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
    expect(isoToJalali('2025-03-21')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1404)).toBe(false);
    expect(jalaliMonthLength(1404, 12)).toBe(29);
    expect(jalaliMonthLength(1404, 6)).toBe(31);
    expect(jalaliMonthLength(1404, 7)).toBe(30);
  });

  test('when every day from 1900 to 2100 is converted both ways, then it agrees with Intl and round-trips', () => {
    const start = Date.UTC(1900, 0, 1);
    const end = Date.UTC(2100, 0, 1);
    const wrong: string[] = [];
    for (let t = start; t < end; t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const j = isoToJalali(iso);
      const ref = intlJalali(iso);
      if (j.year !== ref.year || j.month !== ref.month || j.day !== ref.day || jalaliToIso(j) !== iso) wrong.push(iso);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  test('when typed dates are parsed, then any digits and separators work and impossible days are refused with a reason', () => {
    expect(parseJalaliDate('۱۳۷۰/۵/۱۲')).toMatchObject({ ok: true, iso: '1991-08-03' });
    expect(parseJalaliDate('1370-05-12')).toMatchObject({ ok: true, iso: '1991-08-03' });
    expect(parseJalaliDate('١٣٧٠.٠٥.١٢')).toMatchObject({ ok: true, iso: '1991-08-03' });
    expect(parseJalaliDate('1404/12/30')).toMatchObject({ ok: false, code: 'jalali_date_day' });
    expect(parseJalaliDate('1403/12/30')).toMatchObject({ ok: true });
    expect(parseJalaliDate('1404/07/31')).toMatchObject({ ok: false, code: 'jalali_date_day' });
    expect(parseJalaliDate('1404/13/01')).toMatchObject({ ok: false, code: 'jalali_date_month' });
    expect(parseJalaliDate('1991/08/03')).toMatchObject({ ok: false, code: 'jalali_date_year' });
    expect(parseJalaliDate('12 mordad')).toMatchObject({ ok: false, code: 'jalali_date_format' });
    expect(parseJalaliDate('')).toMatchObject({ ok: false, code: 'required' });
    expect(formatJalaliDay({ year: 1370, month: 5, day: 2 }, 'fa')).toBe('۱۳۷۰/۰۵/۰۲');
  });

  test('when a birth date lies in the future, then the schema refuses it', () => {
    const r = jalaliPastDate.safeParse('1499/01/01');
    expect(r.success).toBe(false);
    expect(fieldErrorFromIssue(r.error!.issues[0]).code).toBe('date_in_future');
  });
});

describe('merchant field checks', () => {
  test('when phones, English and Persian text are checked, then wrong script and lengths are refused bilingually', () => {
    expect(checkPhone('۰۲۱-۸۸۷۷ ۶۶۵۵')).toEqual({ ok: true, value: '02188776655' });
    expect(checkPhone('12345')).toMatchObject({ ok: false, code: 'phone_length' });
    expect(checkPhone('021abc')).toMatchObject({ ok: false, code: 'phone_format' });
    expect(checkLatinText('Ali Rezaei')).toMatchObject({ ok: true });
    const fa = checkLatinText('علی');
    expect(fa).toMatchObject({ ok: false, code: 'latin_only' });
    expect(!fa.ok && fa.message.fa).toMatch(/لاتین/);
    expect(checkPersianText('Ali')).toMatchObject({ ok: false, code: 'persian_required' });
    expect(checkPersianText('فروشگاه Apple')).toMatchObject({ ok: true });
  });

  test('when the display name is built, then natural persons get first + last and legal persons the company name', () => {
    expect(
      merchantDisplayName({ kind: 'natural', firstNameFa: 'علی', lastNameFa: 'رضایی', firstNameEn: 'Ali', lastNameEn: 'Rezaei' }),
    ).toEqual({
      fa: 'علی رضایی',
      en: 'Ali Rezaei',
    });
    expect(merchantDisplayName({ kind: 'legal', companyNameFa: 'شرکت نمونه', companyNameEn: 'Sample Co' })).toEqual({
      fa: 'شرکت نمونه',
      en: 'Sample Co',
    });
  });
});

describe('create-merchant schema', () => {
  const natural = {
    kind: 'natural',
    nationalCode: '۰۰۱۳۵۴۲۴۱۹',
    firstNameFa: 'علي',
    lastNameFa: 'رضايي',
    firstNameEn: 'Ali',
    lastNameEn: 'Rezaei',
    fatherNameFa: 'محمد',
    birthDate: '۱۳۷۰/۰۵/۱۲',
    mobile: '+98 912 345 6789',
    addresses: [{ addressFa: 'تهران، خیابان آزادی، پلاک ۱۰', addressEn: 'No. 10, Azadi St, Tehran', postalCode: '1193653471' }],
    accounts: [{ sheba: makeSheba('012', 123), ownerNameFa: 'علی رضایی' }],
  };
  const fieldsOf = (input: unknown) => {
    const r = CreateMerchantBody.safeParse(input);
    return r.success ? [] : r.error.issues.map((i: z.core.$ZodIssue) => fieldErrorFromIssue(i));
  };

  test('when a natural merchant is typed with Persian digits and Arabic letters, then the output is canonical', () => {
    const r = CreateMerchantBody.parse(natural);
    expect(r).toMatchObject({
      nationalCode: '0013542419',
      firstNameFa: 'علی',
      lastNameFa: 'رضایی',
      birthDate: '1991-08-03',
      mobile: '09123456789',
    });
  });

  test('when nested items are wrong, then each error names its path', () => {
    const bad = {
      ...natural,
      accounts: [natural.accounts[0], { sheba: 'IR000120000000000000000123', ownerNameFa: 'علی' }, natural.accounts[0]],
      addresses: [{ ...natural.addresses[0], postalCode: '12345' }],
    };
    const fields = fieldsOf(bad);
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'accounts.1.sheba', code: 'sheba_checksum' }),
        expect.objectContaining({ field: 'addresses.0.postalCode', code: 'postal_code_length' }),
      ]),
    );
  });

  test('when the same Sheba is listed twice or two accounts are primary, then the later one is refused', () => {
    const s = natural.accounts[0];
    expect(fieldsOf({ ...natural, accounts: [s, s] })).toEqual([
      expect.objectContaining({ field: 'accounts.1.sheba', code: 'duplicate' }),
    ]);
    const t = { sheba: makeSheba('017', 5), ownerNameFa: 'علی', isPrimary: true };
    expect(fieldsOf({ ...natural, accounts: [{ ...s, isPrimary: true }, t] })).toEqual([
      expect.objectContaining({ field: 'accounts.1.isPrimary', code: 'primary_twice' }),
    ]);
  });

  test('when a legal merchant has no CEO, then representatives is refused', () => {
    const legal = {
      kind: 'legal',
      legalId: makeLegalId('1038028479'),
      companyNameFa: 'شرکت نمونه',
      companyNameEn: 'Sample Co',
      registrationNumber: '۱۲۳۴۵',
      registrationDate: '1390/01/15',
      representatives: [
        {
          role: 'signatory',
          nationalCode: makeNationalCode('1'),
          firstNameFa: 'سارا',
          lastNameFa: 'احمدی',
          firstNameEn: 'Sara',
          lastNameEn: 'Ahmadi',
        },
      ],
      mobile: '09121112233',
      addresses: natural.addresses,
    };
    expect(fieldsOf(legal)).toEqual([expect.objectContaining({ field: 'representatives', code: 'ceo_required' })]);
    expect(fieldsOf({ ...legal, representatives: [{ ...legal.representatives[0], role: 'ceo' }] })).toEqual([]);
  });

  test('when an update carries only some fields, then the rest stay absent', () => {
    expect(UpdateMerchantBody.parse({ mobile: '9121234567' })).toEqual({ mobile: '09121234567' });
  });
});
