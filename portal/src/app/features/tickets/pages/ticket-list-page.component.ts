import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { TICKET_STATES, TicketQuery, TicketState } from '../../../core/api/api.models';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { IconComponent } from '../../../shared/ui/icon.component';
import { TicketListPanelComponent } from '../components/ticket-list-panel.component';
import { TicketTableColumns } from '../components/ticket-table.component';
import { DEFAULT_PAGE_SIZE } from '../state/ticket-list.state';
import { TicketsPageActions } from '../state/tickets.actions';
import { selectCategoryNames, selectTicketList } from '../state/tickets.feature';

export type ListView = 'mine' | 'agent' | 'all';

const COLUMNS: Record<ListView, TicketTableColumns> = {
  mine: { assignee: true, rating: true },
  agent: { requester: true, assignee: true, rating: true },
  all: { requester: true, agent: true, assignee: true, sla: true, rating: true, updated: false },
};

/** "My tickets", "Agent tickets" and "All tickets" (the route's `view` data picks which). */
@Component({
  selector: 'kt-ticket-list-page',
  imports: [RouterLink, TranslatePipe, TicketListPanelComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ titleKey() | t }}</h1>
        <p class="muted">{{ subtitleKey() | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
        @if (view() === 'mine' && canCreate()) {
          <a class="btn btn-primary" routerLink="/tickets/new" data-testid="new-ticket-button">
            <kt-icon name="plus" [size]="18" /> {{ 'tickets.newButton' | t }}
          </a>
        }
      </div>
    </header>

    <kt-ticket-list-panel
      [tickets]="list().items"
      [total]="list().total"
      [page]="query().page"
      [pageSize]="query().pageSize"
      [loading]="list().loading"
      [error]="list().error"
      [categories]="categories()"
      [columns]="columns()"
      [search]="query().q ?? ''"
      (searched)="search($event)"
      (pageChange)="goToPage($event)"
    >
      <label class="filter">
        <span class="label">{{ 'filters.state' | t }}</span>
        <select
          class="input"
          data-testid="filter-state"
          [value]="query().state ?? ''"
          (change)="setState($any($event.target).value)"
        >
          <option value="">{{ 'common.all' | t }}</option>
          @for (state of states; track state) {
            <option [value]="state">{{ stateLabel(state) | t }}</option>
          }
        </select>
      </label>
      @if (view() === 'all') {
        <label class="filter check">
          <input
            type="checkbox"
            data-testid="filter-escalated"
            [checked]="query().escalated ?? false"
            (change)="setEscalated($any($event.target).checked)"
          />
          <span>{{ 'filters.escalated' | t }}</span>
        </label>
      }
    </kt-ticket-list-panel>
  `,
})
export class TicketListPageComponent implements OnInit {
  private readonly store = inject(Store);
  /** From the route's data. */
  readonly view = input<ListView>('mine');

  protected readonly states = TICKET_STATES;
  protected readonly list = this.store.selectSignal(selectTicketList);
  protected readonly categories = this.store.selectSignal(selectCategoryNames);
  protected readonly canCreate = this.store.selectSignal(selectHasAnyPermission('tickets.create'));
  protected readonly columns = computed(() => COLUMNS[this.view()]);
  protected readonly titleKey = computed(() => `tickets.${this.view()}.title` as const);
  protected readonly subtitleKey = computed(() => `tickets.${this.view()}.subtitle` as const);
  /** The list's query when it is this view's, else this view's first page. */
  protected readonly query = computed((): TicketQuery => {
    const current = this.list().query;
    return current?.view === this.view() ? current : { view: this.view(), page: 1, pageSize: DEFAULT_PAGE_SIZE };
  });

  ngOnInit(): void {
    this.store.dispatch(TicketsPageActions.opened({ query: this.query() }));
  }

  protected stateLabel(state: TicketState) {
    return `state.${state}` as const;
  }

  protected setState(value: string): void {
    this.change({ state: (value || undefined) as TicketState | undefined });
  }

  protected setEscalated(escalated: boolean): void {
    this.change({ escalated: escalated || undefined });
  }

  protected search(text: string): void {
    this.change({ q: text || undefined });
  }

  protected goToPage(page: number): void {
    this.store.dispatch(TicketsPageActions.queryChanged({ query: { ...this.query(), page } }));
  }

  protected refresh(): void {
    this.store.dispatch(TicketsPageActions.refreshClicked({ query: this.query() }));
  }

  private change(patch: Partial<TicketQuery>): void {
    this.store.dispatch(TicketsPageActions.queryChanged({ query: { ...this.query(), ...patch, page: 1 } }));
  }
}
