import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { BulkAction } from '../data/requests.models';

export interface BulkRow {
  readonly requestId: string;
  readonly number: string;
  readonly ok: boolean;
  readonly error: { readonly code: string; readonly message: { readonly fa: string; readonly en: string } } | null;
}

/** What a bulk action did to each request: done, or refused with the reason. */
@Component({
  selector: 'kt-bulk-results',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="banner" [class.banner-info]="failed() === 0" [class.banner-error]="failed() > 0" data-testid="bulk-results">
      <div class="head">
        <strong>{{ 'inbox.bulk.summary' | t: { ok: succeeded(), failed: failed() } }}</strong>
        <button type="button" class="btn btn-ghost btn-sm" data-testid="bulk-results-dismiss" (click)="dismissed.emit()">
          {{ 'common.dismiss' | t }}
        </button>
      </div>
      <ul>
        @for (row of rows(); track row.requestId) {
          <li data-testid="bulk-result" [attr.data-request-id]="row.requestId" [attr.data-ok]="row.ok">
            <span dir="ltr">{{ row.number | digits }}</span>:
            @if (row.ok) {
              {{ 'inbox.bulk.done' | t }}
            } @else {
              <span [attr.data-code]="row.error?.code">{{ i18n.text(row.error?.message) }}</span>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    ul {
      margin: 0.5rem 0 0;
      padding-inline-start: 1.25rem;
    }
  `,
})
export class BulkResultsComponent {
  protected readonly i18n = inject(I18nService);
  readonly action = input.required<BulkAction>();
  readonly rows = input.required<readonly BulkRow[]>();
  readonly dismissed = output<void>();
  protected readonly succeeded = computed(() => this.rows().filter((r) => r.ok).length);
  protected readonly failed = computed(() => this.rows().filter((r) => !r.ok).length);
}
