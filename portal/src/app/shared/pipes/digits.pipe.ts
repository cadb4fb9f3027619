import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService } from '../../core/i18n/i18n.service';
import { formatNumber, localizeDigits } from '../../core/i18n/locale-format';

/**
 * Digits in the current language's script: `{{ ticket.number | digits }}` → `۱۲۳`.
 * With `'group'`, numbers also get thousands separators: `{{ total | digits: 'group' }}` → `۱٬۲۳۴`.
 */
@Pipe({ name: 'digits', pure: false })
export class DigitsPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | number | null | undefined, mode: 'plain' | 'group' = 'plain'): string {
    const lang = this.i18n.lang();
    if (mode === 'group' && typeof value === 'number') return formatNumber(value, lang);
    return localizeDigits(value, lang);
  }
}
