import type { Database } from './index';
import { createBaseDataRepository, type NewBaseItem } from './repositories/basedata';
import { IRANIAN_BANKS, type BaseKind, type MappableKind } from '../domain/basedata';
import { jalaliToIso } from '../domain/jalali';
import { normalizeText } from '../domain/text';

type SeedItem = Omit<NewBaseItem, 'kind' | 'active' | 'sortOrder'> & {
  /** This item's code at PSP-A and PSP-B (absent: left unmapped, so the unmapped view has work). */
  map?: { 'psp-a'?: string; 'psp-b'?: string };
};

const item = (
  code: string,
  nameFa: string,
  nameEn: string,
  attributes: Record<string, unknown> = {},
  map?: SeedItem['map'],
): SeedItem => ({
  code,
  // Stored as the API would store typed text (digits in ASCII), so an export/import changes nothing.
  nameFa: normalizeText(nameFa),
  nameEn: normalizeText(nameEn),
  attributes,
  map,
});

/** The two PSPs the simulators of issue 4 represent. */
export const SEED_PSPS = [
  item('psp-a', 'شرکت پرداخت الف', 'PSP-A', { protocol: 'rest' }),
  item('psp-b', 'شرکت پرداخت ب', 'PSP-B', { protocol: 'soap' }),
];

/** Solar official holidays (fixed in the Jalali calendar); lunar ones move and are entered by the admin. */
const SOLAR_HOLIDAYS: [number, number, string, string][] = [
  [1, 1, 'عید نوروز', 'Nowruz'],
  [1, 2, 'عید نوروز', 'Nowruz'],
  [1, 3, 'عید نوروز', 'Nowruz'],
  [1, 4, 'عید نوروز', 'Nowruz'],
  [1, 12, 'روز جمهوری اسلامی', 'Islamic Republic Day'],
  [1, 13, 'روز طبیعت', 'Nature Day'],
  [3, 14, 'رحلت امام خمینی', 'Death of Imam Khomeini'],
  [3, 15, 'قیام ۱۵ خرداد', '15 Khordad uprising'],
  [11, 22, 'پیروزی انقلاب اسلامی', 'Revolution Day'],
  [12, 29, 'ملی شدن صنعت نفت', 'Oil Nationalisation Day'],
];

const holidays = (year: number): SeedItem[] =>
  SOLAR_HOLIDAYS.map(([m, d, fa, en]) =>
    item(`h${year}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, fa, en, { date: jalaliToIso(year, m, d) }),
  );

export const SEED_ITEMS: Record<BaseKind, SeedItem[]> = {
  psp: SEED_PSPS,
  'document-type': [
    item(
      'id-card',
      'کارت ملی / شناسنامه',
      'National ID card / birth certificate',
      { appliesTo: 'both', required: true },
      { 'psp-a': '1', 'psp-b': 'ID' },
    ),
    item(
      'business-licence',
      'جواز کسب',
      'Business licence',
      { appliesTo: 'both', required: true },
      { 'psp-a': '2', 'psp-b': 'LIC' },
    ),
    item(
      'lease',
      'اجاره‌نامه یا سند مالکیت',
      'Lease or deed',
      { appliesTo: 'both', required: true },
      { 'psp-a': '3', 'psp-b': 'LEASE' },
    ),
    item(
      'bank-page',
      'صفحهٔ اول دفترچه یا گواهی حساب',
      'Bank account page',
      { appliesTo: 'both', required: true },
      { 'psp-a': '4' },
    ),
    item('gazette', 'روزنامهٔ رسمی', 'Official gazette', { appliesTo: 'legal', required: true }, { 'psp-a': '5' }),
    item('articles', 'اساسنامه', 'Articles of association', { appliesTo: 'legal', required: false }),
  ],
  'device-model': [
    item(
      'pax-s90',
      'پکس S90',
      'PAX S90',
      { manufacturer: 'PAX', model: 'S90', connection: 'gprs' },
      { 'psp-a': 'S90', 'psp-b': '101' },
    ),
    item(
      'pax-d210',
      'پکس D210',
      'PAX D210',
      { manufacturer: 'PAX', model: 'D210', connection: 'gprs' },
      { 'psp-a': 'D210', 'psp-b': '102' },
    ),
    item('pax-a930', 'پکس A930', 'PAX A930', { manufacturer: 'PAX', model: 'A930', connection: 'android' }, { 'psp-a': 'A930' }),
    item(
      'verifone-vx520',
      'وریفون VX520',
      'Verifone VX520',
      { manufacturer: 'Verifone', model: 'VX520', connection: 'lan' },
      { 'psp-b': '201' },
    ),
    item(
      'verifone-vx675',
      'وریفون VX675',
      'Verifone VX675',
      { manufacturer: 'Verifone', model: 'VX675', connection: 'gprs' },
      { 'psp-a': 'VX675', 'psp-b': '202' },
    ),
    item('centerm-k9', 'سنترم K9', 'Centerm K9', { manufacturer: 'Centerm', model: 'K9', connection: 'android' }),
  ],
  guild: [
    item(
      'supermarket',
      'سوپرمارکت و خواربارفروشی',
      'Supermarket and grocery',
      { categoryCode: '10', guildCode: '5411' },
      { 'psp-a': '5411', 'psp-b': '11-020' },
    ),
    item('bakery', 'نانوایی', 'Bakery', { categoryCode: '10', guildCode: '5462' }, { 'psp-a': '5462', 'psp-b': '11-031' }),
    item(
      'restaurant',
      'رستوران',
      'Restaurant',
      { categoryCode: '12', guildCode: '5812' },
      { 'psp-a': '5812', 'psp-b': '13-001' },
    ),
    item('pharmacy', 'داروخانه', 'Pharmacy', { categoryCode: '30', guildCode: '5912' }, { 'psp-a': '5912' }),
    item('clothing', 'پوشاک', 'Clothing', { categoryCode: '20', guildCode: '5651' }, { 'psp-b': '21-004' }),
    item('fuel-station', 'جایگاه سوخت', 'Fuel station', { categoryCode: '40', guildCode: '5541' }),
  ],
  'collect-reason': [
    item('merchant-cancelled', 'انصراف پذیرنده', 'Merchant cancelled', {}, { 'psp-a': '1', 'psp-b': '3' }),
    item('low-transactions', 'تراکنش کم', 'Low transactions', {}, { 'psp-a': '2', 'psp-b': '5' }),
    item('shop-closed', 'تعطیلی فروشگاه', 'Shop closed', {}, { 'psp-a': '3', 'psp-b': '1' }),
    item('shaparak-deactivated', 'غیرفعال‌سازی شاپرک', 'Deactivated by Shaparak', {}, { 'psp-a': '4' }),
    item('device-faulty', 'خرابی دستگاه', 'Device faulty'),
  ],
  'swap-reason': [
    item('faulty', 'خرابی دستگاه', 'Device faulty', {}, { 'psp-a': '10', 'psp-b': 'F' }),
    item('upgrade', 'ارتقای دستگاه', 'Device upgrade', {}, { 'psp-a': '11', 'psp-b': 'U' }),
    item('connection-change', 'تغییر نوع ارتباط', 'Connection type change', {}, { 'psp-a': '12' }),
    item('damaged', 'آسیب فیزیکی', 'Physical damage'),
  ],
  // The one list of banks: domain/iran.ts (the Sheba check uses the same codes).
  bank: IRANIAN_BANKS.map((b) =>
    item(b.code, b.nameFa, b.nameEn, {}, { 'psp-a': b.code, ...(Number(b.code) < 60 ? { 'psp-b': `B${b.code}` } : {}) }),
  ),
  'bank-branch': [
    item(
      '012-1001',
      'شعبهٔ مرکزی ملت',
      'Mellat central branch',
      { bankCode: '012', branchCode: '1001', city: 'تهران' },
      { 'psp-a': '1001' },
    ),
    item('017-0030', 'شعبهٔ بازار ملی', 'Melli Bazaar branch', { bankCode: '017', branchCode: '30', city: 'تهران' }),
    item('056-0120', 'شعبهٔ ونک سامان', 'Saman Vanak branch', { bankCode: '056', branchCode: '120', city: 'تهران' }),
    item('019-2005', 'شعبهٔ مرکزی صادرات اصفهان', 'Saderat Isfahan central', {
      bankCode: '019',
      branchCode: '2005',
      city: 'اصفهان',
    }),
  ],
  holiday: [...holidays(1404), ...holidays(1405)],
};

/**
 * Adds the base data an installation starts with. Idempotent and respectful of admin edits: an
 * item is only created when its code is missing (existing ones are left as the admin keeps them),
 * and a seed mapping is only written together with the item or PSP it belongs to, so a mapping
 * the admin cleared later is not brought back.
 */
export async function seedBaseData(db: Database): Promise<void> {
  const repo = createBaseDataRepository(db);
  const createdNow = new Set<string>();
  for (const [kind, items] of Object.entries(SEED_ITEMS) as [BaseKind, SeedItem[]][]) {
    const existing = await repo.byCodes(
      kind,
      items.map((i) => i.code),
    );
    const fresh = items
      .map((i, n) => ({ i, n }))
      .filter(({ i }) => !existing.has(i.code))
      .map(({ i, n }): NewBaseItem => ({
        kind,
        code: i.code,
        nameFa: i.nameFa,
        nameEn: i.nameEn,
        attributes: i.attributes,
        active: true,
        sortOrder: (n + 1) * 10,
      }));
    if (!fresh.length) continue;
    await db.transaction((tx) => repo.insert(fresh, tx));
    for (const f of fresh) createdNow.add(`${kind}/${f.code}`);
  }
  for (const psp of SEED_PSPS.map((p) => p.code)) {
    const pspIsNew = createdNow.has(`psp/${psp}`);
    const rows: { kind: MappableKind; itemCode: string; externalCode: string }[] = [];
    for (const [kind, items] of Object.entries(SEED_ITEMS) as [BaseKind, SeedItem[]][]) {
      if (kind === 'psp' || kind === 'holiday') continue;
      for (const i of items) {
        const code = i.map?.[psp as 'psp-a' | 'psp-b'];
        if (code && (pspIsNew || createdNow.has(`${kind}/${i.code}`)))
          rows.push({ kind: kind, itemCode: i.code, externalCode: code });
      }
    }
    if (!rows.length) continue;
    const current = await repo.mappingsOf(psp);
    const missing = rows.filter((r) => !current.has(`${r.kind}/${r.itemCode}`));
    if (missing.length) await db.transaction((tx) => repo.setMappings(psp, missing, [], tx));
  }
}
