import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService } from '../../core/i18n/i18n.service';
import { fileSizeParts } from '../../core/i18n/locale-format';

/** `{{ attachment.size | fileSize }}` → `۱۲٫۵ کیلوبایت` / `12.5 KB`. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(bytes: number | null | undefined): string {
    if (bytes === null || bytes === undefined) return '';
    const { unit, n } = fileSizeParts(bytes);
    return this.i18n.t(unit === 'bytes' ? 'common.bytes' : unit === 'kb' ? 'common.kb' : 'common.mb', { n });
  }
}
