import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { TicketCategory, TicketSummary } from '../../../core/api/api.models';
import { normalizeDigits } from '../../../core/i18n/locale-format';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { TicketTableColumns, TicketTableComponent } from './ticket-table.component';

/**
 * A card with list filters (projected), a search box, then the tickets with a pager, or the
 * loading/empty state. Typed search text is emitted with ASCII digits (Persian/Arabic digits accepted).
 */
@Component({
  selector: 'kt-ticket-list-panel',
  imports: [TranslatePipe, TicketTableComponent, PagerComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card card-flush">
      <div class="filters">
        <ng-content />
        <form class="filter grow" role="search" (submit)="$event.preventDefault(); searched.emit(normalize(searchBox.value))">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            #searchBox
            class="input"
            type="search"
            name="q"
            data-testid="filter-search"
            [value]="search()"
            [placeholder]="'filters.search' | t"
          />
        </form>
      </div>

      <kt-error-banner [error]="error()" />

      @if (tickets().length) {
        <kt-ticket-table [tickets]="tickets()" [categories]="categories()" [columns]="columns()" />
        <kt-pager [page]="page()" [pageSize]="pageSize()" [total]="total()" (pageChange)="pageChange.emit($event)" />
      } @else if (loading()) {
        <p class="empty" role="status">{{ 'common.loading' | t }}</p>
      } @else {
        <p class="empty" data-testid="list-empty">{{ 'list.empty' | t }}</p>
      }
    </section>
  `,
})
export class TicketListPanelComponent {
  readonly tickets = input.required<readonly TicketSummary[]>();
  readonly total = input(0);
  readonly page = input(1);
  readonly pageSize = input(20);
  readonly loading = input(false);
  readonly error = input<ApiError | null>(null);
  readonly categories = input<ReadonlyMap<string, TicketCategory>>(new Map());
  readonly columns = input<TicketTableColumns>({});
  /** The current search text. */
  readonly search = input('');
  readonly searched = output<string>();
  readonly pageChange = output<number>();

  protected normalize(text: string): string {
    return normalizeDigits(text).trim();
  }
}
