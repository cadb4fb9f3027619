import { liveJalaliDate, liveNationalCode, liveSheba } from './live-checks';
import { MERCHANT_FORM_SECTIONS, buildMerchantDraft, buildMerchantUpdate, merchantFormValues } from './merchant-draft';
import { MerchantDetail } from './merchants.models';

const legalMerchant = (): MerchantDetail =>
  ({
    id: 'm1',
    kind: 'legal',
    identifier: '10380284790',
    displayNameFa: 'شرکت نمونه',
    displayNameEn: 'Sample Co',
    mobile: '09123456789',
    agent: { id: 'a', code: 'alpha', nameFa: 'آلفا', nameEn: 'Alpha' },
    createdAt: '',
    updatedAt: '',
    nationalCode: null,
    legalId: '10380284790',
    firstNameFa: null,
    lastNameFa: null,
    firstNameEn: null,
    lastNameEn: null,
    fatherNameFa: null,
    fatherNameEn: null,
    birthDate: null,
    birthDateJalali: null,
    idCardNumber: null,
    companyNameFa: 'شرکت نمونه',
    companyNameEn: 'Sample Co',
    registrationNumber: '12345',
    registrationDateJalali: '1385/03/20',
    phone: null,
    email: null,
    taxTrackingCode: null,
    representatives: [
      { role: 'ceo', nationalCode: '0013542419', firstNameFa: 'علی', lastNameFa: 'رضایی', firstNameEn: 'Ali', lastNameEn: 'Rezaei' },
      { role: 'signatory', nationalCode: '0067749828', firstNameFa: 'سارا', lastNameFa: 'احمدی', firstNameEn: 'Sara', lastNameEn: 'Ahmadi' },
    ],
    addresses: [
      { addressFa: 'تهران', addressEn: 'Tehran', postalCode: '1234567890', phone: null },
      { addressFa: 'شیراز', addressEn: 'Shiraz', postalCode: '7134567890', phone: '07112345678' },
    ],
    shops: [],
    accounts: [],
    documents: [],
    createdBy: { id: 'u', displayName: 'x' },
  });

const legalFields = [
  ...MERCHANT_FORM_SECTIONS.legal,
  ...MERCHANT_FORM_SECTIONS.ceo,
  ...MERCHANT_FORM_SECTIONS.contact,
  ...MERCHANT_FORM_SECTIONS.address,
];

describe('merchant draft builder', () => {
  it('when a legal merchant is created, then nested paths become lists and the first representative is the CEO', () => {
    const draft = buildMerchantDraft(
      'legal',
      { legalId: ' 10380284790 ', 'representatives.0.nationalCode': '0013542419', 'addresses.0.postalCode': '1234567890', taxTrackingCode: '' },
      legalFields,
    );
    expect(draft['legalId']).toBe('10380284790');
    expect(draft['representatives']).toEqual([expect.objectContaining({ nationalCode: '0013542419', role: 'ceo' })]);
    expect(draft['addresses']).toEqual([expect.objectContaining({ postalCode: '1234567890' })]);
    expect('taxTrackingCode' in draft).toBe(false);
  });

  it('when a stored merchant is edited, then the form shows its values with the CEO and the first address', () => {
    const values = merchantFormValues(legalMerchant());
    expect(values['companyNameFa']).toBe('شرکت نمونه');
    expect(values['registrationDate']).toBe('1385/03/20');
    expect(values['representatives.0.firstNameEn']).toBe('Ali');
    expect(values['addresses.0.addressEn']).toBe('Tehran');
    expect(values['taxTrackingCode']).toBeUndefined();
  });

  it('when the form is in Persian, then numbers read in Persian digits but Latin names and addresses keep theirs', () => {
    const values = merchantFormValues({ ...legalMerchant(), addresses: [{ addressFa: 'تهران، پلاک 12', addressEn: 'No. 12, Tehran', postalCode: '1234567890', phone: null }] }, 'fa');
    expect(values['legalId']).toBe('۱۰۳۸۰۲۸۴۷۹۰');
    expect(values['registrationDate']).toBe('۱۳۸۵/۰۳/۲۰');
    expect(values['addresses.0.addressFa']).toBe('تهران، پلاک ۱۲');
    expect(values['addresses.0.addressEn']).toBe('No. 12, Tehran');
    expect(values['companyNameEn']).toBe('Sample Co');
  });

  it('when an edit is saved, then the legal ID and kind are not sent and the unseen address and signatory are kept', () => {
    const stored = legalMerchant();
    const values = { ...merchantFormValues(stored), companyNameEn: 'Sample Company' };
    const body = buildMerchantUpdate(stored, values, legalFields);
    expect(body['legalId']).toBeUndefined();
    expect(body['kind']).toBeUndefined();
    expect(body['companyNameEn']).toBe('Sample Company');
    expect((body['addresses'] as unknown[]).length).toBe(2);
    expect(body['addresses']).toContainEqual({ addressFa: 'شیراز', addressEn: 'Shiraz', postalCode: '7134567890', phone: '07112345678' });
    expect(body['representatives']).toEqual([
      expect.objectContaining({ role: 'ceo', nationalCode: '0013542419' }),
      expect.objectContaining({ role: 'signatory', nationalCode: '0067749828' }),
    ]);
  });
});

describe('live Iranian checks', () => {
  it('when a national code fails its check digit, then the error shows before the API is asked', () => {
    expect(liveNationalCode('0013542418').error).not.toBeNull();
    expect(liveNationalCode('۰۰۱۳۵۴۲۴۱۹').error).toBeNull();
    expect(liveNationalCode('   ').error).toBeNull();
  });

  it('when a Sheba is valid, then its bank is named', () => {
    const live = liveSheba('IR820540102680020817909002');
    expect(live.error).toBeNull();
    expect(live.bank?.code).toBeTruthy();
    expect(liveSheba('IR820540102680020817909003').error).not.toBeNull();
  });

  it('when a Jalali day does not exist, then it is refused', () => {
    expect(liveJalaliDate('1403/12/31').error).not.toBeNull();
    expect(liveJalaliDate('۱۳۷۰/۰۵/۱۲').error).toBeNull();
  });
});
