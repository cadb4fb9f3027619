import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ImportProblem } from '../data/basedata-drafts';

/** A refused CSV import or batch: the API's message, then each problem by line (or item) and column. */
@Component({
  selector: 'kt-import-problems',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as e) {
      <div class="banner banner-error" role="alert" [attr.data-testid]="testId()" [attr.data-code]="e.code">
        <p class="msg">{{ i18n.text(e.message) }}</p>
        @if (problems().length) {
          <table class="table">
            <thead>
              <tr>
                <th>{{ lineLabel() | t }}</th>
                <th>{{ 'basedata.column' | t }}</th>
                <th>{{ 'basedata.problem' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of problems(); track $index) {
                <tr [attr.data-testid]="rowTestId()" [attr.data-line]="p.line">
                  <td>{{ p.line | digits }}</td>
                  <td>
                    <bdi dir="ltr">{{ p.column }}</bdi>
                  </td>
                  <td>{{ i18n.text(p.message) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </div>
    }
  `,
  styles: `
    .msg {
      margin: 0 0 0.5rem;
    }
  `,
})
export class ImportProblemsComponent {
  protected readonly i18n = inject(I18nService);
  readonly error = input<ApiError | null>(null);
  readonly problems = input<readonly ImportProblem[]>([]);
  readonly testId = input('basedata-import-errors');
  readonly rowTestId = input('basedata-import-error-row');
  readonly lineLabel = input<'basedata.line' | 'basedata.item'>('basedata.line');
}
