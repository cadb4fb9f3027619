import { BaseItem } from './basedata-api.service';
import { bodyFromDraft, changedMappings, draftFromItem, emptyDraft, importProblems, itemDetails } from './basedata-drafts';

const holiday: BaseItem = {
  kind: 'holiday',
  code: 'nowruz-1',
  nameFa: 'نوروز',
  nameEn: 'Nowruz',
  active: true,
  sortOrder: 1,
  attributes: { date: '2026-03-21' },
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('base-data drafts', () => {
  it('when a new item starts, then selects show their first option and check boxes are unticked', () => {
    expect(emptyDraft('document-type').attributes).toEqual({ appliesTo: 'natural', required: false });
    expect(emptyDraft('bank').attributes).toEqual({});
  });

  it('when a holiday is edited, then its day is shown in Jalali as people type it', () => {
    expect(draftFromItem(holiday).attributes['date']).toBe('1405/01/01');
  });

  it('when a sort order is typed in Persian digits, then the API gets a number; empty attributes are left out', () => {
    const body = bodyFromDraft({
      code: ' e2e-bookshop ',
      nameFa: 'کتاب‌فروشی',
      nameEn: 'Bookshop',
      sortOrder: '۱۲' as unknown as number,
      active: true,
      attributes: { categoryCode: '', guildCode: '5942' },
    });
    expect(body.code).toBe('e2e-bookshop');
    expect(body.sortOrder).toBe(12);
    expect(body.attributes).toEqual({ guildCode: '5942' });
  });

  it('when a row is shown, then its attributes read in field order and a holiday in Jalali', () => {
    expect(itemDetails(holiday)).toBe('1405/01/01');
    expect(
      itemDetails({ ...holiday, kind: 'guild', attributes: { guildCode: '5411', categoryCode: '50' } }),
    ).toBe('50 · 5411');
  });

  it('when an error is not about a CSV line, then it is still reported, under its field name', () => {
    const problems = importProblems({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: { fa: 'x', en: 'x' },
      fields: [{ field: 'file', code: 'required', message: { fa: 'فایل', en: 'file' } }],
    });
    expect(problems).toEqual([{ line: '', column: 'file', message: { fa: 'فایل', en: 'file' } }]);
  });

  it('when codes are typed in the mapping table, then only the rows that differ are changes; an emptied one clears', () => {
    const items = [
      { kind: 'guild' as const, code: 'a', nameFa: '', nameEn: '', active: true, pspCode: '1' },
      { kind: 'guild' as const, code: 'b', nameFa: '', nameEn: '', active: true, pspCode: null },
      { kind: 'guild' as const, code: 'c', nameFa: '', nameEn: '', active: true, pspCode: '3' },
    ];
    expect(changedMappings(items, { a: ' 1 ', b: '22', c: '' })).toEqual([
      { kind: 'guild', code: 'b', pspCode: '22' },
      { kind: 'guild', code: 'c', pspCode: null },
    ]);
  });
});
