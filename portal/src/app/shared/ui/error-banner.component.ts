import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { ApiError } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';

/** An API error's message in the current language, above a form or a list. */
@Component({
  selector: 'kt-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as error) {
      <div class="banner banner-error" role="alert" data-testid="error-banner" [attr.data-code]="error.code">
        {{ i18n.text(error.message) }}
      </div>
    }
  `,
})
export class ErrorBannerComponent {
  protected readonly i18n = inject(I18nService);
  readonly error = input<ApiError | null>(null);
}
