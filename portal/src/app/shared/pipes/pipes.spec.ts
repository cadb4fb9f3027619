import { TestBed } from '@angular/core/testing';

import { I18nService } from '../../core/i18n/i18n.service';
import { DigitsPipe } from './digits.pipe';
import { FileSizePipe } from './file-size.pipe';
import { JalaliDatePipe } from './jalali-date.pipe';
import { TranslatePipe } from './translate.pipe';

describe('display pipes', () => {
  let i18n: I18nService;
  const create = <T>(type: new () => T): T => TestBed.runInInjectionContext(() => new type());

  beforeEach(() => {
    localStorage.clear();
    i18n = TestBed.inject(I18nService);
  });

  describe('jalali', () => {
    it('when Persian, then shows the Jalali date with Persian digits; when English, with Latin digits', () => {
      const pipe = create(JalaliDatePipe);
      // 10:00 UTC is 13:30 in Tehran; ICU decides the glue words (e.g. "ساعت", "at").
      const fa = pipe.transform('2025-11-23T10:00:00Z');
      expect(fa).toContain('۲ آذر ۱۴۰۴');
      expect(fa).toContain('۱۳:۳۰');
      i18n.setLang('en');
      const en = pipe.transform('2025-11-23T10:00:00Z');
      expect(en).toContain('Azar 2, 1404');
      expect(en).toContain('13:30');
    });

    it('when there is no date, then shows nothing', () => {
      expect(create(JalaliDatePipe).transform(null)).toBe('');
    });
  });

  describe('digits', () => {
    it('writes digits in the language, grouped on request', () => {
      const pipe = create(DigitsPipe);
      expect(pipe.transform(1404001)).toBe('۱۴۰۴۰۰۱');
      expect(pipe.transform(12500, 'group')).toBe('۱۲٬۵۰۰');
      i18n.setLang('en');
      expect(pipe.transform(1404001)).toBe('1404001');
      expect(pipe.transform(12500, 'group')).toBe('12,500');
    });

    it('when a word is a Latin code with digits, then its digits stay Latin; the numbers beside it change', () => {
      const pipe = create(DigitsPipe);
      expect(pipe.transform('e2e-bookshop')).toBe('e2e-bookshop');
      expect(pipe.transform('50 · 5942 (psp-a2)')).toBe('۵۰ · ۵۹۴۲ (psp-a2)');
      expect(pipe.transform('1404-0123')).toBe('۱۴۰۴-۰۱۲۳');
      expect(pipe.transform('TK-1405-000042')).toBe('TK-۱۴۰۵-۰۰۰۰۴۲');
      expect(pipe.transform('IR820540102680020817909002')).toBe('IR820540102680020817909002');
    });
  });

  describe('fileSize', () => {
    it('shows a readable size in the language', () => {
      const pipe = create(FileSizePipe);
      expect(pipe.transform(48213)).toBe('۴۷٫۱ کیلوبایت');
      i18n.setLang('en');
      expect(pipe.transform(48213)).toBe('47.1 KB');
    });
  });

  describe('t', () => {
    it('follows the language', () => {
      const pipe = create(TranslatePipe);
      expect(pipe.transform('state.closed')).toBe('بسته');
      i18n.setLang('en');
      expect(pipe.transform('state.closed')).toBe('Closed');
    });
  });
});
