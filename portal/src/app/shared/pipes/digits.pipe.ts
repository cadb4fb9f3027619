import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService } from '../../core/i18n/i18n.service';
import { formatNumber, localizeDigitsOutsideCodes } from '../../core/i18n/locale-format';

/**
 * Digits in the current language's script: `{{ ticket.number | digits }}` → `۱۲۳`.
 * Words mixing Latin letters and digits are codes and keep their digits: `e2e-bookshop` stays as typed.
 * With `'group'`, numbers also get thousands separators: `{{ total | digits: 'group' }}` → `۱٬۲۳۴`.
 */
@Pipe({ name: 'digits', pure: false })
export class DigitsPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | number | null | undefined, mode: 'plain' | 'group' = 'plain'): string {
    const lang = this.i18n.lang();
    if (mode === 'group' && typeof value === 'number') return formatNumber(value, lang);
    return localizeDigitsOutsideCodes(value, lang);
  }
}
