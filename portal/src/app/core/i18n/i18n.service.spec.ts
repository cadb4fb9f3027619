import { TestBed } from '@angular/core/testing';

import { EN_MESSAGES } from './messages.en';
import { FA_MESSAGES } from './messages.fa';
import { I18nService, LANG_STORAGE_KEY } from './i18n.service';

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    document.documentElement.dir = '';
  });

  function create(): I18nService {
    const service = TestBed.inject(I18nService);
    TestBed.tick();
    return service;
  }

  it('when nothing is stored, then starts in Persian, right to left', () => {
    const i18n = create();
    expect(i18n.lang()).toBe('fa');
    expect(document.documentElement.lang).toBe('fa');
    expect(document.documentElement.dir).toBe('rtl');
    expect(i18n.t('tickets.mine.title')).toBe('تیکت‌های من');
  });

  it('when English was stored, then starts in English', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const i18n = create();
    expect(i18n.lang()).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('when toggled, then flips lang/dir on <html> and remembers the choice', () => {
    const i18n = create();
    i18n.toggle();
    TestBed.tick();
    expect(i18n.t('tickets.mine.title')).toBe('My tickets');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('fills parameters, with Persian digits in Persian', () => {
    const i18n = create();
    expect(i18n.t('pager.summary', { total: 42, page: 1, pages: 3 })).toBe('۴۲ مورد، صفحه ۱ از ۳');
    expect(i18n.tIn('en', 'pager.summary', { total: 42, page: 1, pages: 3 })).toBe('42 items, page 1 of 3');
  });

  it('picks the API texts of the current language, falling back to the other one', () => {
    const i18n = create();
    expect(i18n.text({ fa: 'خطا', en: 'Error' })).toBe('خطا');
    expect(i18n.pick('آلفا', 'Alpha')).toBe('آلفا');
    i18n.setLang('en');
    expect(i18n.pick('آلفا', 'Alpha')).toBe('Alpha');
    expect(i18n.pick('آلفا', '')).toBe('آلفا');
  });

  it('has an English label for every Persian one, none empty', () => {
    expect(Object.keys(EN_MESSAGES).sort()).toEqual(Object.keys(FA_MESSAGES).sort());
    for (const value of [...Object.values(FA_MESSAGES), ...Object.values(EN_MESSAGES)]) {
      expect(value.trim()).not.toBe('');
    }
  });
});
