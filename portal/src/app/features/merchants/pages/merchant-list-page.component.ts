import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { MerchantKind } from '../data/merchants.models';
import { MerchantListPageActions } from '../state/merchants.actions';
import { selectListError, selectListLoading, selectMerchantPage, selectMerchantQuery } from '../state/merchants.feature';

@Component({
  selector: 'kt-merchant-list-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, PagerComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'merchants.list.title' | t }}</h1>
        <p class="muted">{{ 'merchants.list.subtitle' | t }}</p>
      </div>
      @if (canCreate()) {
        <a class="btn btn-primary" routerLink="/merchants/new" data-testid="new-merchant-button">{{
          'merchants.new.title' | t
        }}</a>
      }
    </header>
    <section class="card card-flush">
      <div class="filters">
        <label class="filter grow">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            class="input"
            data-testid="merchant-search"
            [value]="q()"
            [placeholder]="'merchants.list.searchPlaceholder' | t"
            (input)="q.set($any($event.target).value)"
            (keydown.enter)="search()"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'merchants.kind' | t }}</span>
          <select class="input" data-testid="merchant-filter-kind" (change)="kind.set($any($event.target).value); search()">
            <option value="">{{ 'common.all' | t }}</option>
            <option value="natural">{{ 'merchants.kind.natural' | t }}</option>
            <option value="legal">{{ 'merchants.kind.legal' | t }}</option>
          </select>
        </label>
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <table class="table" data-testid="merchant-table">
            <thead>
              <tr>
                <th>{{ 'merchants.name' | t }}</th>
                <th>{{ 'merchants.kind' | t }}</th>
                <th>{{ 'merchants.identifier' | t }}</th>
                <th>{{ 'merchants.mobile' | t }}</th>
                <th>{{ 'merchants.agent' | t }}</th>
                <th>{{ 'merchants.createdAt' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (m of p.items; track m.id) {
                <tr data-testid="merchant-row" [attr.data-merchant-id]="m.id" [attr.data-identifier]="m.identifier">
                  <td>
                    <a [routerLink]="['/merchants', m.id]" data-testid="merchant-link">{{
                      i18n.pick(m.displayNameFa, m.displayNameEn)
                    }}</a>
                  </td>
                  <td>{{ (m.kind === 'legal' ? 'merchants.kind.legal' : 'merchants.kind.natural') | t }}</td>
                  <td dir="ltr">{{ m.identifier | digits }}</td>
                  <td dir="ltr">{{ m.mobile | digits }}</td>
                  <td>{{ i18n.pick(m.agent.nameFa, m.agent.nameEn) }}</td>
                  <td>{{ m.createdAt | jalali: 'date' }}</td>
                </tr>
              }
            </tbody>
          </table>
          <kt-pager [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="goTo($event)" />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'merchants.list.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class MerchantListPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly page = this.store.selectSignal(selectMerchantPage);
  protected readonly loading = this.store.selectSignal(selectListLoading);
  protected readonly error = this.store.selectSignal(selectListError);
  private readonly query = this.store.selectSignal(selectMerchantQuery);
  protected readonly canCreate = this.store.selectSignal(selectHasAnyPermission('merchants.create'));
  protected readonly q = signal('');
  protected readonly kind = signal<MerchantKind | ''>('');

  ngOnInit(): void {
    this.store.dispatch(MerchantListPageActions.opened({ query: { page: 1, pageSize: 20 } }));
  }

  protected search(): void {
    const q = this.q().trim();
    const kind = this.kind();
    this.store.dispatch(
      MerchantListPageActions.queryChanged({
        query: { page: 1, pageSize: 20, ...(q ? { q } : {}), ...(kind ? { kind } : {}) },
      }),
    );
  }

  protected goTo(page: number): void {
    this.store.dispatch(MerchantListPageActions.queryChanged({ query: { ...this.query(), page } }));
  }
}
