import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { IMPORT_STATUS_KEY } from '../data/stock-labels';
import { StockDocument, StockDocumentSummary } from '../data/stock.models';

/** An entry's import: a progress bar while it runs, then done, or failed with the lines that were wrong. */
@Component({
  selector: 'kt-import-progress',
  imports: [TranslatePipe, DigitsPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .bar {
      height: 0.6rem;
      border-radius: 999px;
      background: #e2e8f0;
      overflow: hidden;
      margin: 0.5rem 0;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: var(--primary);
      transition: width 0.3s ease;
    }
    .bar.failed > span {
      background: #dc2626;
    }
    .errors {
      max-height: 18rem;
      overflow: auto;
    }
  `,
  template: `
    @if (document(); as d) {
      <div data-testid="import-progress" [attr.data-status]="d.status">
        <p>
          <a [routerLink]="['/stock/documents', d.id]" data-testid="import-document-link" dir="ltr">{{ d.number | digits }}</a>
          —
          <strong data-testid="import-status">{{ statusKey[d.status] | t }}</strong>
          <span class="muted"> {{ 'stock.progress' | t: { processed: d.processed, total: d.total } }}</span>
        </p>
        <div
          class="bar"
          role="progressbar"
          [class.failed]="d.status === 'failed'"
          [attr.aria-valuenow]="percent()"
          aria-valuemin="0"
          aria-valuemax="100"
        >
          <span [style.width.%]="percent()"></span>
        </div>
        @if (errors().length) {
          <p class="field-error" data-testid="import-error-count">
            {{ 'stock.errors.count' | t: { count: d.errorCount } }}
          </p>
          <div class="errors">
            <table class="table">
              <thead>
                <tr>
                  <th>{{ 'stock.line' | t }}</th>
                  <th>{{ 'stock.serial' | t }}</th>
                  <th>{{ 'stock.errors.reason' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (e of errors(); track e.line) {
                  <tr data-testid="import-error-row" [attr.data-line]="e.line" [attr.data-code]="e.code">
                    <td>{{ e.line | digits }}</td>
                    <td dir="ltr" class="mono">{{ e.serial }}</td>
                    <td>{{ i18n.text(e.message) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </div>
    }
  `,
})
export class ImportProgressComponent {
  protected readonly i18n = inject(I18nService);
  readonly document = input<StockDocumentSummary | StockDocument | null>(null);
  protected readonly statusKey = IMPORT_STATUS_KEY;
  protected readonly percent = computed(() => {
    const d = this.document();
    if (!d || !d.total) return 0;
    return d.status === 'done' ? 100 : Math.floor((100 * d.processed) / d.total);
  });
  protected readonly errors = computed(() => {
    const d = this.document();
    return d && 'errors' in d ? d.errors : [];
  });
}
