import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService, MessageParams } from '../../core/i18n/i18n.service';
import { MessageKey } from '../../core/i18n/messages.fa';

/**
 * `{{ 'tickets.mine.title' | t }}`. Impure because the language is a signal the pipe reads;
 * reading it inside the template keeps zoneless change detection informed.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
