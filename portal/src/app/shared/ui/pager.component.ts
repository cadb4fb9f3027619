import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { TranslatePipe } from '../pipes/translate.pipe';

@Component({
  selector: 'kt-pager',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="pager" aria-label="pagination">
      <span class="pager-info" data-testid="pager-info">{{
        'pager.summary' | t: { total: total(), page: page(), pages: pages() }
      }}</span>
      <span class="pager-buttons">
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          data-testid="pager-prev"
          [disabled]="page() <= 1"
          (click)="pageChange.emit(page() - 1)"
        >
          {{ 'pager.prev' | t }}
        </button>
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          data-testid="pager-next"
          [disabled]="page() >= pages()"
          (click)="pageChange.emit(page() + 1)"
        >
          {{ 'pager.next' | t }}
        </button>
      </span>
    </nav>
  `,
  styles: `
    .pager {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.75rem 1rem;
    }
    .pager-info {
      color: var(--muted);
      font-size: 0.875rem;
    }
    .pager-buttons {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class PagerComponent {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly pageChange = output<number>();

  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / Math.max(1, this.pageSize()))));
}
