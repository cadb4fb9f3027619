import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService } from '../../core/i18n/i18n.service';
import { DateStyle, formatJalali } from '../../core/i18n/locale-format';

/**
 * `{{ ticket.createdAt | jalali }}` → `۲ آذر ۱۴۰۴ ساعت ۱۳:۳۰` (Tehran time), in English `Azar 2, 1404 AP at 13:30`;
 * `{{ ticket.updatedAt | jalali: 'short' }}` → `۱۴۰۴/۰۹/۰۲، ۱۳:۳۰`.
 */
@Pipe({ name: 'jalali', pure: false })
export class JalaliDatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  private lastKey = '';
  private lastResult = '';

  transform(value: string | number | Date | null | undefined, style: DateStyle = 'datetime'): string {
    const lang = this.i18n.lang();
    const key = `${lang}|${style}|${value instanceof Date ? value.getTime() : String(value)}`;
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastResult = formatJalali(value, lang, style);
    }
    return this.lastResult;
  }
}
