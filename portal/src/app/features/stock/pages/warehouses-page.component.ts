import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { WAREHOUSE_KIND_KEY } from '../data/stock-labels';
import { WarehousesPageActions } from '../state/stock.actions';
import { selectWarehouses, selectWarehousesError, selectWarehousesLoading } from '../state/stock.feature';

@Component({
  selector: 'kt-warehouses-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'stock.warehouses.title' | t }}</h1>
        <p class="muted">{{ 'stock.warehouses.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <a class="btn" routerLink="/stock/documents" data-testid="documents-button">{{ 'stock.documents.title' | t }}</a>
        <a class="btn" routerLink="/stock/devices" data-testid="devices-button">{{ 'stock.devices.title' | t }}</a>
      </div>
    </header>
    <section class="card card-flush">
      <kt-error-banner [error]="error()" />
      @if (warehouses().length) {
        <table class="table" data-testid="warehouse-table">
          <thead>
            <tr>
              <th>{{ 'stock.warehouse' | t }}</th>
              <th>{{ 'stock.kind' | t }}</th>
              <th>{{ 'stock.agent' | t }}</th>
              <th class="num-col">{{ 'stock.inStock' | t }}</th>
              <th class="num-col">{{ 'stock.reserved' | t }}</th>
              <th class="num-col">{{ 'stock.total' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (w of warehouses(); track w.id) {
              <tr data-testid="warehouse-row" [attr.data-warehouse-id]="w.id" [attr.data-agent]="w.agent.code">
                <td>
                  <a [routerLink]="['/stock/warehouses', w.id]" data-testid="warehouse-link">{{
                    i18n.pick(w.nameFa, w.nameEn)
                  }}</a>
                </td>
                <td>{{ kindKey[w.kind] | t }}</td>
                <td>{{ i18n.pick(w.agent.nameFa, w.agent.nameEn) }}</td>
                <td class="num-col">{{ w.totals.inStock | digits: 'group' }}</td>
                <td class="num-col">{{ w.totals.reserved | digits: 'group' }}</td>
                <td class="num-col" data-testid="warehouse-total">{{ w.totals.total | digits: 'group' }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      } @else {
        <p class="empty" data-testid="list-empty">{{ 'stock.warehouses.empty' | t }}</p>
      }
    </section>
  `,
})
export class WarehousesPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly warehouses = this.store.selectSignal(selectWarehouses);
  protected readonly loading = this.store.selectSignal(selectWarehousesLoading);
  protected readonly error = this.store.selectSignal(selectWarehousesError);
  protected readonly kindKey = WAREHOUSE_KIND_KEY;

  ngOnInit(): void {
    this.store.dispatch(WarehousesPageActions.opened());
  }
}
