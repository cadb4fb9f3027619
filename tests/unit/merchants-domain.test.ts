import { z } from 'zod';
import { fieldErrorFromIssue } from '../../api/lib/errors';
import { CreateMerchantBody, jalaliPastDate, UpdateMerchantBody } from '../../api/components/merchants/merchants.schemas';
import { makeLegalId, makeNationalCode, makeSheba } from '../../domain/iran';
import { checkLatinText, checkPersianText, checkPhone, merchantDisplayName } from '../../domain/merchants';

describe('merchant dates', () => {
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
