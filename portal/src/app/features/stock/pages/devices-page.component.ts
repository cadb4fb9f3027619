import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { DEVICE_STATE_KEY } from '../data/stock-labels';
import { DeviceState } from '../data/stock.models';
import { DevicesPageActions } from '../state/stock.actions';
import { selectDeviceQuery, selectDevices, selectDevicesError, selectDevicesLoading } from '../state/stock.feature';

const STATES: readonly DeviceState[] = ['in_stock', 'reserved', 'installed', 'repair', 'scrapped'];

@Component({
  selector: 'kt-devices-page',
  imports: [RouterLink, TranslatePipe, JalaliDatePipe, PagerComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'stock.devices.title' | t }}</h1>
        <p class="muted">{{ 'stock.devices.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card card-flush">
      <div class="filters">
        <label class="filter grow">
          <span class="label">{{ 'stock.serial' | t }}</span>
          <input
            class="input"
            dir="ltr"
            data-testid="device-search"
            [placeholder]="'stock.devices.searchHint' | t"
            [value]="q()"
            (input)="q.set($any($event.target).value)"
            (keydown.enter)="search()"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'stock.state' | t }}</span>
          <select class="input" data-testid="device-filter-state" (change)="state.set($any($event.target).value); search()">
            <option value="">{{ 'common.all' | t }}</option>
            @for (s of states; track s) {
              <option [value]="s">{{ stateKey[s] | t }}</option>
            }
          </select>
        </label>
        <button type="button" class="btn" data-testid="device-search-button" (click)="search()">{{ 'common.search' | t }}</button>
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <table class="table" data-testid="device-table">
            <thead>
              <tr>
                <th>{{ 'stock.serial' | t }}</th>
                <th>{{ 'stock.model' | t }}</th>
                <th>{{ 'stock.state' | t }}</th>
                <th>{{ 'stock.place' | t }}</th>
                <th>{{ 'stock.updatedAt' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (d of p.items; track d.serial) {
                <tr data-testid="device-row" [attr.data-serial]="d.serial" [attr.data-state]="d.state">
                  <td dir="ltr" class="mono">
                    <a [routerLink]="['/stock/devices', d.serial]" data-testid="device-link">{{ d.serial }}</a>
                  </td>
                  <td>{{ i18n.text(d.modelName) }}</td>
                  <td>
                    <span class="badge badge-neutral">{{ i18n.text(d.stateName) }}</span>
                  </td>
                  <td>
                    @if (d.warehouse) {
                      {{ i18n.pick(d.warehouse.nameFa, d.warehouse.nameEn) }}
                    } @else if (d.terminalId) {
                      {{ 'stock.terminal' | t }} <span dir="ltr">{{ d.terminalId }}</span>
                    }
                  </td>
                  <td>{{ d.updatedAt | jalali: 'short' }}</td>
                </tr>
              }
            </tbody>
          </table>
          <kt-pager [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="goTo($event)" />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'stock.devices.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class DevicesPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly page = this.store.selectSignal(selectDevices);
  protected readonly loading = this.store.selectSignal(selectDevicesLoading);
  protected readonly error = this.store.selectSignal(selectDevicesError);
  private readonly query = this.store.selectSignal(selectDeviceQuery);
  protected readonly states = STATES;
  protected readonly stateKey = DEVICE_STATE_KEY;
  protected readonly q = signal('');
  protected readonly state = signal<DeviceState | ''>('');

  ngOnInit(): void {
    this.store.dispatch(DevicesPageActions.opened({ query: { page: 1, pageSize: 20 } }));
  }

  protected search(): void {
    const q = this.q().trim();
    const state = this.state();
    this.store.dispatch(
      DevicesPageActions.queryChanged({ query: { page: 1, pageSize: 20, ...(q ? { q } : {}), ...(state ? { state } : {}) } }),
    );
  }

  protected goTo(page: number): void {
    this.store.dispatch(DevicesPageActions.queryChanged({ query: { ...this.query(), page } }));
  }
}
