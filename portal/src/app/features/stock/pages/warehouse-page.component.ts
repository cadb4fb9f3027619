import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { EntryFormComponent } from '../components/entry-form.component';
import { ImportProgressComponent } from '../components/import-progress.component';
import { WAREHOUSE_KIND_KEY } from '../data/stock-labels';
import { EntryDraft } from '../data/stock.models';
import { WarehousePageActions } from '../state/stock.actions';
import {
  selectEntryError,
  selectEntrySubmitting,
  selectImporting,
  selectModels,
  selectStockAt,
  selectStockAtError,
  selectWarehouse,
  selectWarehouseError,
} from '../state/stock.feature';

@Component({
  selector: 'kt-warehouse-page',
  imports: [
    RouterLink,
    TranslatePipe,
    DigitsPipe,
    ErrorBannerComponent,
    FieldErrorsComponent,
    EntryFormComponent,
    ImportProgressComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="loadError()" />
    @if (warehouse(); as w) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">{{ i18n.pick(w.nameFa, w.nameEn) }}</h1>
          <p class="muted">{{ kindKey[w.kind] | t }} — {{ i18n.pick(w.agent.nameFa, w.agent.nameEn) }}</p>
        </div>
        <div class="page-tools">
          <a
            class="btn"
            [routerLink]="['/stock/documents']"
            [queryParams]="{ warehouseId: w.id }"
            data-testid="warehouse-documents"
          >
            {{ 'stock.documents.title' | t }}
          </a>
          <a class="btn btn-ghost" routerLink="/stock/warehouses">{{ 'stock.back' | t }}</a>
        </div>
      </header>
      <section class="card">
        <h2 class="card-title">{{ 'stock.perModel' | t }}</h2>
        @if (w.stock.length) {
          <table class="table" data-testid="stock-table">
            <thead>
              <tr>
                <th>{{ 'stock.model' | t }}</th>
                <th class="num-col">{{ 'stock.inStock' | t }}</th>
                <th class="num-col">{{ 'stock.reserved' | t }}</th>
                <th class="num-col">{{ 'stock.total' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (s of w.stock; track s.deviceModel) {
                <tr data-testid="stock-row" [attr.data-model]="s.deviceModel">
                  <td>{{ i18n.pick(s.nameFa, s.nameEn) }}</td>
                  <td class="num-col" data-testid="stock-in">{{ s.inStock | digits: 'group' }}</td>
                  <td class="num-col">{{ s.reserved | digits: 'group' }}</td>
                  <td class="num-col">{{ s.total | digits: 'group' }}</td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p class="empty" data-testid="stock-empty">{{ 'stock.noStock' | t }}</p>
        }
        <form class="form-row" (submit)="$event.preventDefault(); askStockAt(w.id)">
          <label class="field">
            <span class="label">{{ 'stock.at' | t }}</span>
            <input
              class="input"
              dir="ltr"
              data-testid="stock-at-input"
              [placeholder]="'stock.atHint' | t"
              [value]="day()"
              (input)="day.set($any($event.target).value)"
            />
            <kt-field-errors [error]="stockAtError()" field="at" />
          </label>
          <button type="submit" class="btn" data-testid="stock-at-button" [disabled]="!day().trim()">
            {{ 'stock.atShow' | t }}
          </button>
        </form>
        @if (stockAt(); as a) {
          <p data-testid="stock-at-result">
            {{ 'stock.atResult' | t: { day: a.dayJalali, total: a.total } }}
            @for (i of a.items; track i.deviceModel) {
              <span class="chip">{{ i18n.pick(i.nameFa, i.nameEn) }}: {{ i.total | digits: 'group' }}</span>
            }
          </p>
        }
      </section>
      @if (canManage()) {
        <section class="card">
          <h2 class="card-title">{{ 'stock.entry.title' | t }}</h2>
          <p class="muted">{{ 'stock.entry.subtitle' | t }}</p>
          <kt-entry-form [models]="models()" [busy]="submitting()" [error]="entryError()" (submitted)="enter(w.id, $event)" />
          <kt-import-progress [document]="importing()" />
        </section>
      }
    } @else if (!loadError()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class WarehousePageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly warehouse = this.store.selectSignal(selectWarehouse);
  protected readonly loadError = this.store.selectSignal(selectWarehouseError);
  protected readonly stockAt = this.store.selectSignal(selectStockAt);
  protected readonly stockAtError = this.store.selectSignal(selectStockAtError);
  protected readonly models = this.store.selectSignal(selectModels);
  protected readonly submitting = this.store.selectSignal(selectEntrySubmitting);
  protected readonly entryError = this.store.selectSignal(selectEntryError);
  protected readonly importing = this.store.selectSignal(selectImporting);
  protected readonly canManage = this.store.selectSignal(selectHasAnyPermission('warehouse.manage'));
  protected readonly kindKey = WAREHOUSE_KIND_KEY;
  protected readonly day = signal('');

  ngOnInit(): void {
    this.store.dispatch(WarehousePageActions.opened({ id: this.id() }));
  }

  protected askStockAt(id: string): void {
    this.store.dispatch(WarehousePageActions.stockAtAsked({ id, day: this.day().trim() }));
  }

  protected enter(warehouseId: string, draft: EntryDraft): void {
    this.store.dispatch(WarehousePageActions.entrySubmitted({ warehouseId, draft }));
  }
}
