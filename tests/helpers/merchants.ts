import { makeNationalCode, makeSheba } from '../../domain/iran';

/**
 * The body of `POST /api/merchants` for a natural merchant with one shop and `accounts` Sheba
 * accounts (the first primary). `n` makes its national code and Shebas unique (the shop's postal code
 * for n < 900, always 10 digits); `base` keeps the merchants of different test files and benches apart.
 */
export function naturalMerchantBody(n: number, o: { base: number; accounts?: 1 | 2 }) {
  const accounts = [
    { sheba: makeSheba('012', o.base + n), ownerNameFa: 'مریم کاظمی', isPrimary: true },
    { sheba: makeSheba('017', o.base + n), ownerNameFa: 'مریم کاظمی' },
  ];
  return {
    kind: 'natural',
    nationalCode: makeNationalCode(String(o.base + n)),
    firstNameFa: 'مریم',
    lastNameFa: 'کاظمی',
    firstNameEn: 'Maryam',
    lastNameEn: 'Kazemi',
    fatherNameFa: 'حسن',
    birthDate: '1368/02/11',
    mobile: '09121234567',
    addresses: [
      { addressFa: 'تهران، خیابان ولیعصر، پلاک ۱۲', addressEn: 'No. 12, Valiasr St, Tehran', postalCode: '1416753111' },
    ],
    shops: [
      {
        nameFa: `فروشگاه ${n}`,
        nameEn: `Shop ${n}`,
        guildCode: 'supermarket',
        addressFa: 'تهران، خیابان انقلاب، پلاک ۵',
        addressEn: 'No. 5, Enghelab St, Tehran',
        postalCode: `1416753${String(100 + (n % 900)).padStart(3, '0')}`,
      },
    ],
    accounts: accounts.slice(0, o.accounts ?? 1),
  };
}
