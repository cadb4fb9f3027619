import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { BaseDataNameComponent } from '../components/basedata-name.component';
import { TerminalStateComponent } from '../components/request-badges.component';
import { TERMINAL_STATES, TerminalQuery, TerminalState } from '../data/requests.models';
import { TerminalsPageActions } from '../state/requests.actions';
import { requestsFeature } from '../state/requests.feature';
import { terminalsFeature } from '../state/terminals.feature';

/** Our terminals: search by terminal number, serial or merchant; filter by state and PSP. */
@Component({
  selector: 'kt-terminal-list-page',
  imports: [
    RouterLink,
    TranslatePipe,
    JalaliDatePipe,
    ErrorBannerComponent,
    PagerComponent,
    TerminalStateComponent,
    BaseDataNameComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'terminals.title' | t }}</h1>
        <p class="muted">{{ 'terminals.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card card-flush">
      <div class="filters">
        <label class="filter grow">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            class="input"
            data-testid="terminal-search"
            [value]="query().q ?? ''"
            [placeholder]="'terminals.searchPlaceholder' | t"
            (keydown.enter)="patch({ q: $any($event.target).value })"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'terminals.stateLabel' | t }}</span>
          <select
            class="input"
            data-testid="terminal-filter-state"
            (change)="patch({ state: $any($event.target).value || undefined })"
          >
            <option value="">{{ 'common.all' | t }}</option>
            @for (s of states; track s) {
              <option [value]="s" [selected]="query().state === s">{{ stateKey(s) | t }}</option>
            }
          </select>
        </label>
        <label class="filter">
          <span class="label">{{ 'requests.psp' | t }}</span>
          <select
            class="input"
            data-testid="terminal-filter-psp"
            (change)="patch({ pspCode: $any($event.target).value || undefined })"
          >
            <option value="">{{ 'common.all' | t }}</option>
            @for (p of psps(); track p.code) {
              <option [value]="p.code" [selected]="query().pspCode === p.code">{{ i18n.pick(p.nameFa, p.nameEn) }}</option>
            }
          </select>
        </label>
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <div class="table-wrap">
            <table class="table" data-testid="terminal-table">
              <thead>
                <tr>
                  <th>{{ 'terminals.pspTerminalId' | t }}</th>
                  <th>{{ 'requests.merchant' | t }}</th>
                  <th>{{ 'terminals.shop' | t }}</th>
                  <th>{{ 'requests.psp' | t }}</th>
                  <th>{{ 'terminals.serial' | t }}</th>
                  <th>{{ 'terminals.stateLabel' | t }}</th>
                  <th>{{ 'requests.updatedAt' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (t of p.items; track t.id) {
                  <tr data-testid="terminal-row" [attr.data-terminal-id]="t.id" [attr.data-state]="t.state">
                    <td>
                      <a [routerLink]="['/terminals', t.id]" data-testid="terminal-link" dir="ltr">{{
                        t.pspTerminalId ?? ('terminals.noNumber' | t)
                      }}</a>
                    </td>
                    <td>{{ i18n.text(t.merchantName) }}</td>
                    <td>{{ i18n.text(t.shopName) }}</td>
                    <td class="nowrap"><kt-basedata-name field="pspCode" [code]="t.pspCode" /></td>
                    <td dir="ltr">{{ t.serial ?? '—' }}</td>
                    <td><kt-terminal-state [state]="t.state" /></td>
                    <td class="nowrap">{{ t.updatedAt | jalali: 'short' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <kt-pager
            [page]="p.page"
            [pageSize]="p.pageSize"
            [total]="p.total"
            (pageChange)="change({ ...query(), page: $event })"
          />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'terminals.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class TerminalListPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly query = this.store.selectSignal(terminalsFeature.selectQuery);
  protected readonly page = this.store.selectSignal(terminalsFeature.selectPage);
  protected readonly loading = this.store.selectSignal(terminalsFeature.selectLoading);
  protected readonly error = this.store.selectSignal(terminalsFeature.selectError);
  protected readonly psps = this.store.selectSignal(requestsFeature.selectPsps);
  protected readonly states = TERMINAL_STATES;

  ngOnInit(): void {
    this.store.dispatch(TerminalsPageActions.opened({ query: this.query() }));
  }

  protected stateKey(s: TerminalState) {
    return `terminals.state.${s}` as const;
  }

  protected patch(changes: Partial<TerminalQuery>): void {
    const next = { ...this.query(), ...changes, page: 1 } as Record<string, unknown>;
    for (const [k, v] of Object.entries(changes)) if (v === undefined || v === '') delete next[k];
    this.change(next as unknown as TerminalQuery);
  }

  protected change(query: TerminalQuery): void {
    this.store.dispatch(TerminalsPageActions.queryChanged({ query }));
  }
}
