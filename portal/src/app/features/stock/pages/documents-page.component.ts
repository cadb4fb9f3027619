import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { DOCUMENT_KIND_KEY, IMPORT_STATUS_KEY } from '../data/stock-labels';
import { DocumentKind, WarehouseRef } from '../data/stock.models';
import { DocumentsPageActions } from '../state/stock.actions';
import { selectDocumentQuery, selectDocuments, selectDocumentsError, selectDocumentsLoading } from '../state/stock.feature';

const KINDS: readonly DocumentKind[] = ['entry', 'exit', 'return', 'transfer'];

@Component({
  selector: 'kt-stock-documents-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, PagerComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'stock.documents.title' | t }}</h1>
        <p class="muted">{{ 'stock.documents.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card card-flush">
      <div class="filters">
        <label class="filter">
          <span class="label">{{ 'stock.documents.kind' | t }}</span>
          <select class="input" data-testid="document-filter-kind" (change)="filter($any($event.target).value)">
            <option value="">{{ 'common.all' | t }}</option>
            @for (k of kinds; track k) {
              <option [value]="k">{{ kindKey[k] | t }}</option>
            }
          </select>
        </label>
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <table class="table" data-testid="document-table">
            <thead>
              <tr>
                <th>{{ 'stock.documents.number' | t }}</th>
                <th>{{ 'stock.documents.kind' | t }}</th>
                <th>{{ 'stock.documents.from' | t }}</th>
                <th>{{ 'stock.documents.to' | t }}</th>
                <th class="num-col">{{ 'stock.documents.count' | t }}</th>
                <th>{{ 'stock.documents.status' | t }}</th>
                <th>{{ 'stock.documents.createdAt' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of p.items; track d.id) {
                <tr data-testid="document-row" [attr.data-kind]="d.kind" [attr.data-status]="d.status">
                  <td dir="ltr">
                    <a [routerLink]="['/stock/documents', d.id]" data-testid="document-link">{{ d.number | digits }}</a>
                  </td>
                  <td>{{ i18n.text(d.kindName) }}</td>
                  <td>{{ place(d.from, d.terminalId, 'from') }}</td>
                  <td>{{ place(d.to, d.terminalId, 'to') }}</td>
                  <td class="num-col">{{ d.total | digits: 'group' }}</td>
                  <td>{{ statusKey[d.status] | t }}</td>
                  <td>{{ d.createdAt | jalali: 'short' }}</td>
                </tr>
              }
            </tbody>
          </table>
          <kt-pager [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="goTo($event)" />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'stock.documents.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class DocumentsPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** Query parameter `?warehouseId=` (component input binding). */
  readonly warehouseId = input<string | undefined>(undefined);
  protected readonly page = this.store.selectSignal(selectDocuments);
  protected readonly loading = this.store.selectSignal(selectDocumentsLoading);
  protected readonly error = this.store.selectSignal(selectDocumentsError);
  private readonly query = this.store.selectSignal(selectDocumentQuery);
  protected readonly statusKey = IMPORT_STATUS_KEY;
  protected readonly kinds = KINDS;
  protected readonly kindKey = DOCUMENT_KIND_KEY;

  ngOnInit(): void {
    const warehouseId = this.warehouseId();
    this.store.dispatch(
      DocumentsPageActions.opened({ query: { page: 1, pageSize: 20, ...(warehouseId ? { warehouseId } : {}) } }),
    );
  }

  /** A document's side: a warehouse, a terminal, or nothing. */
  protected place(w: WarehouseRef | null, terminalId: string | null, side: 'from' | 'to'): string {
    if (w) return this.i18n.pick(w.nameFa, w.nameEn);
    if (terminalId) return `${this.i18n.t('stock.terminal')} ${terminalId}`;
    return side === 'from' ? this.i18n.t('stock.documents.outside') : '—';
  }

  protected filter(kind: string): void {
    const { warehouseId } = this.query();
    this.store.dispatch(
      DocumentsPageActions.queryChanged({
        query: {
          page: 1,
          pageSize: 20,
          ...(warehouseId ? { warehouseId } : {}),
          ...(kind ? { kind: kind as DocumentKind } : {}),
        },
      }),
    );
  }

  protected goTo(page: number): void {
    this.store.dispatch(DocumentsPageActions.queryChanged({ query: { ...this.query(), page } }));
  }
}
