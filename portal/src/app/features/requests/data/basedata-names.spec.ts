import { BaseDataLists, NO_BASE_DATA, baseDataName, refreshedList, unnamedCodes } from './basedata-names';

const lists: BaseDataLists = {
  psps: [{ code: 'psp-a', nameFa: 'پرداخت الف', nameEn: 'PSP A' }],
  deviceModels: [{ code: 'pax-s90', nameFa: 'پکس S90', nameEn: 'PAX S90' }],
  swapReasons: [{ code: 'cracked-screen', nameFa: 'شکستگی صفحه', nameEn: 'Cracked screen' }],
  collectReasons: [{ code: 'closed', nameFa: 'تعطیلی فروشگاه', nameEn: 'Shop closed' }],
};

describe('base-data names on the request pages', () => {
  it('names a device model, a swap or collect reason and a PSP by their base-data items', () => {
    expect(baseDataName('deviceModel', 'pax-s90', lists)).toEqual({ fa: 'پکس S90', en: 'PAX S90' });
    expect(baseDataName('reason', 'cracked-screen', lists)).toEqual({ fa: 'شکستگی صفحه', en: 'Cracked screen' });
    expect(baseDataName('reason', 'closed', lists)).toEqual({ fa: 'تعطیلی فروشگاه', en: 'Shop closed' });
    expect(baseDataName('pspCode', 'psp-a', lists)).toEqual({ fa: 'پرداخت الف', en: 'PSP A' });
  });

  it('does not name an unknown code, a free-text reason, a field that is not base data, or an empty value', () => {
    expect(baseDataName('deviceModel', 'unknown', lists)).toBeNull();
    expect(baseDataName('reason', 'کد پستی نادرست است', lists)).toBeNull();
    expect(baseDataName('serial', 'pax-s90', lists)).toBeNull();
    expect(baseDataName('deviceModel', '', lists)).toBeNull();
    expect(baseDataName('deviceModel', 42, lists)).toBeNull();
    expect(baseDataName('deviceModel', 'pax-s90', NO_BASE_DATA)).toBeNull();
  });

  it('lists the base-data codes the lists cannot name yet (an item created after they were read)', () => {
    expect(
      unnamedCodes({ deviceModel: 'pax-s90', reason: 'new-reason', pspCode: 'psp-a', serial: 'S-1', note: '' }, lists),
    ).toEqual(['reason:new-reason']);
    expect(unnamedCodes({ deviceModel: null, reason: '' }, lists)).toEqual([]);
  });

  it('keeps the list it holds when a refresh brings the same items, and takes the fresh one otherwise', () => {
    const cracked = { code: 'cracked-screen', nameFa: 'شکستگی صفحه', nameEn: 'Cracked screen' };
    const held = [cracked];
    expect(refreshedList(held, [{ ...cracked }])).toBe(held);
    const renamed = [{ ...cracked, nameFa: 'صفحهٔ شکسته' }];
    expect(refreshedList(held, renamed)).toBe(renamed);
    const grown = [...held, { code: 'e2e-cracked-screen', nameFa: 'شکستگی', nameEn: 'Cracked' }];
    expect(refreshedList(held, grown)).toBe(grown);
    const empty: typeof held = [];
    expect(refreshedList(empty, [])).toBe(empty);
  });
});
