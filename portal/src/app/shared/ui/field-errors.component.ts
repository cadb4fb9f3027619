import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { ApiError, fieldErrors } from '../../core/api/api-error';
import { I18nService } from '../../core/i18n/i18n.service';

/** The API's validation messages of one field, in the current language, under that field. */
@Component({
  selector: 'kt-field-errors',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (item of errors(); track item.code) {
      <p class="field-error" role="alert" [attr.data-testid]="'field-error-' + field()" [attr.data-code]="item.code">
        {{ i18n.text(item.message) }}
      </p>
    }
  `,
})
export class FieldErrorsComponent {
  protected readonly i18n = inject(I18nService);
  readonly error = input<ApiError | null>(null);
  readonly field = input.required<string>();
  protected readonly errors = computed(() => fieldErrors(this.error(), this.field()));
}
