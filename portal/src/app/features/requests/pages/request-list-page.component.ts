import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { RequestLabelPipe } from '../components/request-label.pipe';
import { RequestTableComponent } from '../components/request-table.component';
import { activeFilterCount, defaultRequestQuery } from '../data/queries';
import { REQUEST_STATES, REQUEST_TYPES, RequestQuery } from '../data/requests.models';
import { RequestListPageActions } from '../state/requests.actions';
import { requestsFeature } from '../state/requests.feature';

/** Every request the person may see, with filters. */
@Component({
  selector: 'kt-request-list-page',
  imports: [
    RouterLink,
    TranslatePipe,
    JalaliDatePipe,
    RequestLabelPipe,
    ErrorBannerComponent,
    PagerComponent,
    RequestTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'requests.list.title' | t }}</h1>
        <p class="muted">{{ 'requests.list.subtitle' | t }}</p>
      </div>
      @if (canCreate()) {
        <a class="btn btn-primary" routerLink="/requests/new" data-testid="new-request-button">{{ 'requests.form.title' | t }}</a>
      }
    </header>
    <section class="card card-flush">
      <div class="filters" data-testid="request-filters">
        <label class="filter grow">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            class="input"
            data-testid="filter-search"
            [value]="query().q ?? ''"
            [placeholder]="'requests.list.searchPlaceholder' | t"
            (keydown.enter)="patch({ q: $any($event.target).value })"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'requests.type' | t }}</span>
          <select class="input" data-testid="filter-type" (change)="patch({ type: $any($event.target).value || undefined })">
            <option value="">{{ 'common.all' | t }}</option>
            @for (t of types; track t) {
              <option [value]="t" [selected]="query().type === t">{{ t | requestLabel: 'type' }}</option>
            }
          </select>
        </label>
        <label class="filter">
          <span class="label">{{ 'requests.state' | t }}</span>
          <select class="input" data-testid="filter-state" (change)="patch({ state: $any($event.target).value || undefined })">
            <option value="">{{ 'common.all' | t }}</option>
            @for (s of states; track s) {
              <option [value]="s" [selected]="query().state === s">{{ s | requestLabel: 'state' }}</option>
            }
          </select>
        </label>
        <label class="filter">
          <span class="label">{{ 'requests.psp' | t }}</span>
          <select class="input" data-testid="filter-psp" (change)="patch({ pspCode: $any($event.target).value || undefined })">
            <option value="">{{ 'common.all' | t }}</option>
            @for (p of psps(); track p.code) {
              <option [value]="p.code" [selected]="query().pspCode === p.code">{{ i18n.pick(p.nameFa, p.nameEn) }}</option>
            }
          </select>
        </label>
        @if (agents().length > 1) {
          <label class="filter">
            <span class="label">{{ 'requests.agent' | t }}</span>
            <select
              class="input"
              data-testid="filter-agent"
              (change)="patch({ agentId: $any($event.target).value || undefined })"
            >
              <option value="">{{ 'common.all' | t }}</option>
              @for (a of agents(); track a.id) {
                <option [value]="a.id" [selected]="query().agentId === a.id">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
              }
            </select>
          </label>
        }
        <label class="filter">
          <span class="label"
            >{{ 'inbox.from' | t }}
            @if (query().from) {
              <span class="muted">({{ query().from | jalali: 'date' }})</span>
            }
          </span>
          <input
            class="input"
            type="date"
            data-testid="filter-from"
            [value]="query().from ?? ''"
            (change)="patch({ from: $any($event.target).value || undefined })"
          />
        </label>
        <label class="filter">
          <span class="label"
            >{{ 'inbox.to' | t }}
            @if (query().to) {
              <span class="muted">({{ query().to | jalali: 'date' }})</span>
            }
          </span>
          <input
            class="input"
            type="date"
            data-testid="filter-to"
            [value]="query().to ?? ''"
            (change)="patch({ to: $any($event.target).value || undefined })"
          />
        </label>
        @if (filterCount() > 0) {
          <button type="button" class="btn btn-ghost btn-sm" data-testid="filter-clear" (click)="change(defaults())">
            {{ 'inbox.clearFilters' | t }}
          </button>
        }
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <kt-request-table [items]="p.items" />
          <kt-pager
            [page]="p.page"
            [pageSize]="p.pageSize"
            [total]="p.total"
            (pageChange)="change({ ...query(), page: $event })"
          />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'requests.list.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class RequestListPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly query = this.store.selectSignal(requestsFeature.selectQuery);
  protected readonly page = this.store.selectSignal(requestsFeature.selectPage);
  protected readonly loading = this.store.selectSignal(requestsFeature.selectListLoading);
  protected readonly error = this.store.selectSignal(requestsFeature.selectListError);
  protected readonly psps = this.store.selectSignal(requestsFeature.selectPsps);
  protected readonly agents = this.store.selectSignal(requestsFeature.selectAgents);
  protected readonly canCreate = this.store.selectSignal(selectHasAnyPermission('requests.create'));
  protected readonly types = REQUEST_TYPES;
  protected readonly states = REQUEST_STATES;
  protected readonly defaults = defaultRequestQuery;
  protected readonly filterCount = computed(() => activeFilterCount(this.query()));

  ngOnInit(): void {
    this.store.dispatch(RequestListPageActions.opened({ query: this.query() }));
  }

  protected patch(changes: Partial<RequestQuery>): void {
    const next = { ...this.query(), ...changes, page: 1 } as Record<string, unknown>;
    for (const [k, v] of Object.entries(changes)) if (v === undefined || v === '') delete next[k];
    this.change(next as unknown as RequestQuery);
  }

  protected change(query: RequestQuery): void {
    this.store.dispatch(RequestListPageActions.queryChanged({ query }));
  }
}
