import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { Store } from '@ngrx/store';

import { TicketQuery, TicketState } from '../../../core/api/api.models';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { IconComponent } from '../../../shared/ui/icon.component';
import { TicketListPanelComponent } from '../../tickets/components/ticket-list-panel.component';
import { TicketTableColumns } from '../../tickets/components/ticket-table.component';
import { DEFAULT_PAGE_SIZE } from '../../tickets/state/ticket-list.state';
import { selectCategoryNames } from '../../tickets/state/tickets.feature';
import { StateTabsComponent } from '../components/state-tabs.component';
import { SupportInboxPageActions } from '../state/support-inbox.actions';
import { supportInboxFeature, selectInboxStateCounts } from '../state/support-inbox.feature';

export type InboxMode = 'inbox' | 'escalations';

const COLUMNS: TicketTableColumns = { requester: true, agent: true, assignee: true, sla: true, updated: false };

/** The support team's inbox (`view=inbox`), and the supervisors' escalations (`escalated=true`). */
@Component({
  selector: 'kt-support-inbox-page',
  imports: [TranslatePipe, TicketListPanelComponent, IconComponent, StateTabsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ (mode() === 'inbox' ? 'support.inbox.title' : 'support.escalations.title') | t }}</h1>
        <p class="muted">{{ (mode() === 'inbox' ? 'support.inbox.subtitle' : 'support.escalations.subtitle') | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
      </div>
    </header>

    <kt-state-tabs [counts]="counts()" [selected]="query().state ?? null" (selectedChange)="setState($event)" />

    <kt-ticket-list-panel
      [tickets]="items()"
      [total]="total()"
      [page]="query().page"
      [pageSize]="query().pageSize"
      [loading]="loading()"
      [error]="error()"
      [categories]="categories()"
      [columns]="columns"
      [search]="query().q ?? ''"
      (searched)="search($event)"
      (pageChange)="goToPage($event)"
    >
      <label class="filter">
        <span class="label">{{ 'filters.assigned' | t }}</span>
        <select
          class="input"
          data-testid="filter-assigned"
          [value]="query().assigned ?? ''"
          (change)="setAssigned($any($event.target).value)"
        >
          <option value="">{{ 'common.all' | t }}</option>
          <option value="me">{{ 'filters.assigned.me' | t }}</option>
          <option value="unassigned">{{ 'filters.assigned.unassigned' | t }}</option>
        </select>
      </label>
      @if (mode() === 'inbox') {
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
export class SupportInboxPageComponent implements OnInit {
  private readonly store = inject(Store);
  /** From the route's data. */
  readonly mode = input<InboxMode>('inbox');

  protected readonly columns = COLUMNS;
  protected readonly items = this.store.selectSignal(supportInboxFeature.selectItems);
  protected readonly total = this.store.selectSignal(supportInboxFeature.selectTotal);
  protected readonly loading = this.store.selectSignal(supportInboxFeature.selectLoading);
  protected readonly error = this.store.selectSignal(supportInboxFeature.selectError);
  protected readonly counts = this.store.selectSignal(selectInboxStateCounts);
  protected readonly categories = this.store.selectSignal(selectCategoryNames);
  private readonly storedQuery = this.store.selectSignal(supportInboxFeature.selectQuery);

  /** The stored query when it belongs to this mode, else this mode's first page. */
  protected readonly query = computed((): TicketQuery => {
    const escalationsOnly = this.mode() === 'escalations';
    const current = this.storedQuery();
    if (current && (current.escalated ?? false) === escalationsOnly) return current;
    return { view: 'inbox', page: 1, pageSize: DEFAULT_PAGE_SIZE, ...(escalationsOnly ? { escalated: true } : {}) };
  });

  ngOnInit(): void {
    this.store.dispatch(SupportInboxPageActions.opened({ query: this.query() }));
  }

  protected setState(state: TicketState | null): void {
    this.change({ state: state ?? undefined });
  }

  protected setAssigned(value: string): void {
    this.change({ assigned: value === 'me' || value === 'unassigned' ? value : undefined });
  }

  protected setEscalated(escalated: boolean): void {
    this.change({ escalated: escalated || undefined });
  }

  protected search(text: string): void {
    this.change({ q: text || undefined });
  }

  protected goToPage(page: number): void {
    this.store.dispatch(SupportInboxPageActions.filtersChanged({ query: { ...this.query(), page } }));
  }

  protected refresh(): void {
    this.store.dispatch(SupportInboxPageActions.refreshClicked({ query: this.query() }));
  }

  private change(patch: Partial<TicketQuery>): void {
    this.store.dispatch(SupportInboxPageActions.filtersChanged({ query: { ...this.query(), ...patch, page: 1 } }));
  }
}
