import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectPermissions } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { BulkResultsComponent } from '../components/bulk-results.component';
import { InboxTableComponent } from '../components/inbox-table.component';
import { ReasonDialogComponent } from '../components/reason-dialog.component';
import { RequestLabelPipe } from '../components/request-label.pipe';
import { activeFilterCount, applySavedQuery, defaultInboxQuery, inboxCsvUrl } from '../data/queries';
import { RequestsApi } from '../data/requests-api.service';
import { InboxItem, InboxQuery, InboxView, REQUEST_TYPES, SLA_FILTERS, SavedFilter, TASK_KINDS } from '../data/requests.models';
import { bulkRows, inboxFeature, selectKindCounts, selectSlaCounts, selectViewCounts } from '../state/inbox.feature';
import { InboxPageActions } from '../state/requests.actions';
import { requestsFeature } from '../state/requests.feature';

/** کارتابل: the tasks waiting for the person or their agency, with filters, SLA and bulk actions. */
@Component({
  selector: 'kt-inbox-page',
  imports: [
    TranslatePipe,
    DigitsPipe,
    JalaliDatePipe,
    RequestLabelPipe,
    ErrorBannerComponent,
    PagerComponent,
    InboxTableComponent,
    BulkResultsComponent,
    ReasonDialogComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'inbox.title' | t }}</h1>
        <p class="muted">{{ 'inbox.subtitle' | t }}</p>
      </div>
      <div class="head-actions">
        <a class="btn btn-ghost" [href]="csvUrl()" target="_blank" rel="noopener" data-testid="inbox-export">{{
          'inbox.export' | t
        }}</a>
        <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="reload()">{{ 'common.refresh' | t }}</button>
      </div>
    </header>

    <nav class="tabs" data-testid="inbox-views">
      @for (v of views(); track v.view) {
        <button
          type="button"
          class="tab"
          [class.active]="query().view === v.view"
          [attr.data-testid]="'inbox-view-' + v.view"
          (click)="setView(v.view)"
        >
          {{ viewKey(v.view) | t }} <span class="count" [attr.data-testid]="'inbox-count-' + v.view">{{ v.count | digits }}</span>
        </button>
      }
    </nav>

    <section class="stage-counts" data-testid="inbox-stage-counts">
      @for (k of kinds(); track k.kind) {
        <button
          type="button"
          class="chip"
          [class.on]="query().kind === k.kind"
          [attr.data-testid]="'inbox-stage-' + k.kind"
          (click)="patch({ kind: query().kind === k.kind ? undefined : k.kind })"
        >
          {{ k.kind | requestLabel: 'kind' }} <b>{{ k.count | digits }}</b>
        </button>
      }
      <span class="sep"></span>
      @for (s of slas(); track s.sla) {
        <button
          type="button"
          [class]="'chip sla-chip sla-' + s.sla"
          [class.on]="query().sla === s.sla"
          [attr.data-testid]="'inbox-sla-' + s.sla"
          (click)="patch({ sla: query().sla === s.sla ? undefined : s.sla })"
        >
          {{ slaKey(s.sla) | t }} <b>{{ s.count | digits }}</b>
        </button>
      }
    </section>

    <section class="card card-flush">
      <div class="filters" data-testid="inbox-filters">
        <label class="filter grow">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            class="input"
            data-testid="filter-search"
            [value]="query().q ?? ''"
            [placeholder]="'inbox.searchPlaceholder' | t"
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
          <span class="label">{{ 'inbox.stage' | t }}</span>
          <select class="input" data-testid="filter-kind" (change)="patch({ kind: $any($event.target).value || undefined })">
            <option value="">{{ 'common.all' | t }}</option>
            @for (k of kindList; track k) {
              <option [value]="k" [selected]="query().kind === k">{{ k | requestLabel: 'kind' }}</option>
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
          <span class="label">{{ 'inbox.sla' | t }}</span>
          <select class="input" data-testid="filter-sla" (change)="patch({ sla: $any($event.target).value || undefined })">
            <option value="">{{ 'common.all' | t }}</option>
            @for (s of slaList; track s) {
              <option [value]="s" [selected]="query().sla === s">{{ slaKey(s) | t }}</option>
            }
          </select>
        </label>
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
          <button type="button" class="btn btn-ghost btn-sm clear" data-testid="filter-clear" (click)="clear()">
            {{ 'inbox.clearFilters' | t }}
          </button>
        }
      </div>

      <div class="saved" data-testid="saved-filters">
        <span class="label">{{ 'inbox.saved.title' | t }}</span>
        @for (f of filters(); track f.id) {
          <span class="chip saved-chip" data-testid="saved-filter" [attr.data-name]="f.name">
            <button type="button" class="link" data-testid="saved-filter-apply" (click)="applySaved(f)">{{ f.name }}</button>
            <button
              type="button"
              class="link remove"
              data-testid="saved-filter-delete"
              [attr.aria-label]="('inbox.saved.delete' | t) + ' ' + f.name"
              (click)="deleteSaved(f)"
            >
              ×
            </button>
          </span>
        } @empty {
          <span class="muted">{{ 'inbox.saved.none' | t }}</span>
        }
        <input
          class="input input-sm"
          data-testid="saved-filter-name"
          [placeholder]="'inbox.saved.namePlaceholder' | t"
          [value]="filterName()"
          (input)="filterName.set($any($event.target).value)"
          (keydown.enter)="saveFilter()"
        />
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          data-testid="saved-filter-save"
          [disabled]="!filterName().trim()"
          (click)="saveFilter()"
        >
          {{ 'inbox.saved.save' | t }}
        </button>
      </div>

      @if (selected().length > 0) {
        <div class="bulk-bar" data-testid="bulk-bar">
          <span>{{ 'inbox.bulk.selected' | t: { n: selected().length } }}</span>
          @if (canReview()) {
            <button
              type="button"
              class="btn btn-primary btn-sm"
              data-testid="bulk-approve"
              [disabled]="bulkBusy() !== null"
              (click)="bulk('approve')"
            >
              {{ 'inbox.bulk.approve' | t }}
            </button>
            <button
              type="button"
              class="btn btn-danger-ghost btn-sm"
              data-testid="bulk-reject"
              [disabled]="bulkBusy() !== null"
              (click)="rejecting.set(true)"
            >
              {{ 'inbox.bulk.reject' | t }}
            </button>
          }
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            data-testid="bulk-claim"
            [disabled]="bulkBusy() !== null"
            (click)="bulk('claim')"
          >
            {{ 'inbox.bulk.claim' | t }}
          </button>
          @if (bulkBusy()) {
            <span class="muted">{{ 'common.loading' | t }}</span>
          }
        </div>
      }
      @if (rejecting()) {
        <div class="pad">
          <kt-reason-dialog
            title="inbox.bulk.rejectTitle"
            confirmLabel="inbox.bulk.reject"
            [busy]="bulkBusy() !== null"
            (confirmed)="bulk('reject', $event); rejecting.set(false)"
            (cancelled)="rejecting.set(false)"
          />
        </div>
      }
      @if (bulkResults(); as r) {
        <div class="pad">
          <kt-bulk-results [action]="r.action" [rows]="bulkRows()" (dismissed)="dismissResults()" />
        </div>
      }

      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <kt-inbox-table
            [items]="p.items"
            [selected]="selected()"
            [permissions]="permissions()"
            (selectionChange)="select($event)"
            (claim)="claim($event)"
          />
          <kt-pager [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="goTo($event)" />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'inbox.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty" data-testid="list-loading">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
  styles: `
    .head-actions {
      display: flex;
      gap: 0.5rem;
    }
    .stage-counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      margin-bottom: 1rem;
    }
    .stage-counts .sep {
      width: 1px;
      height: 1.4rem;
      background: var(--border);
      margin-inline: 0.35rem;
    }
    .chip {
      cursor: pointer;
      border: 1px solid var(--border);
      background: #fff;
    }
    .chip.on {
      border-color: var(--primary);
      color: var(--primary);
      background: #eff6ff;
    }
    .saved {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding: 0 1rem 0.75rem;
    }
    .saved .label {
      font-size: 0.85rem;
      color: var(--muted);
    }
    .saved-chip {
      display: inline-flex;
      gap: 0.35rem;
      align-items: center;
    }
    .link {
      border: none;
      background: none;
      padding: 0;
      cursor: pointer;
      color: inherit;
      font: inherit;
    }
    .link.remove {
      color: var(--danger);
      font-weight: 700;
    }
    .input-sm {
      width: 12rem;
      padding-block: 0.3rem;
    }
    .bulk-bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      padding: 0.6rem 1rem;
      background: #eff6ff;
      border-block: 1px solid #bfdbfe;
    }
    .pad {
      padding: 0.75rem 1rem 0;
    }
    .clear {
      align-self: end;
    }
  `,
})
export class InboxPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly api = inject(RequestsApi);
  protected readonly i18n = inject(I18nService);

  protected readonly query = this.store.selectSignal(inboxFeature.selectQuery);
  protected readonly page = this.store.selectSignal(inboxFeature.selectPage);
  protected readonly loading = this.store.selectSignal(inboxFeature.selectLoading);
  protected readonly error = this.store.selectSignal(inboxFeature.selectError);
  protected readonly selected = this.store.selectSignal(inboxFeature.selectSelected);
  protected readonly bulkBusy = this.store.selectSignal(inboxFeature.selectBulkBusy);
  protected readonly bulkResults = this.store.selectSignal(inboxFeature.selectBulkResults);
  protected readonly filters = this.store.selectSignal(inboxFeature.selectFilters);
  private readonly items = this.store.selectSignal(inboxFeature.selectItems);
  protected readonly views = this.store.selectSignal(selectViewCounts);
  protected readonly kinds = this.store.selectSignal(selectKindCounts);
  protected readonly slas = this.store.selectSignal(selectSlaCounts);
  protected readonly psps = this.store.selectSignal(requestsFeature.selectPsps);
  protected readonly agents = this.store.selectSignal(requestsFeature.selectAgents);
  protected readonly permissions = this.store.selectSignal(selectPermissions);

  protected readonly types = REQUEST_TYPES;
  protected readonly kindList = TASK_KINDS;
  protected readonly slaList = SLA_FILTERS;
  protected readonly filterName = signal('');
  protected readonly rejecting = signal(false);

  protected readonly canReview = computed(() => this.permissions().has('requests.review'));
  protected readonly filterCount = computed(() => activeFilterCount(this.query()));
  protected readonly csvUrl = computed(() => inboxCsvUrl(this.api.apiBase, this.query()));
  protected readonly bulkRows = computed(() => bulkRows(this.bulkResults(), this.items()));

  ngOnInit(): void {
    this.store.dispatch(InboxPageActions.opened({ query: this.query() }));
  }

  protected viewKey(view: InboxView) {
    return `inbox.view.${view}` as const;
  }

  protected slaKey(sla: string) {
    return `inbox.sla.${sla as (typeof SLA_FILTERS)[number]}` as const;
  }

  protected setView(view: InboxView): void {
    this.change({ ...this.query(), view, page: 1 });
  }

  protected patch(changes: Partial<InboxQuery>): void {
    const next = { ...this.query(), ...changes, page: 1 } as Record<string, unknown>;
    for (const [k, v] of Object.entries(changes)) if (v === undefined || v === '') delete next[k];
    this.change(next as unknown as InboxQuery);
  }

  protected clear(): void {
    this.change(defaultInboxQuery(this.query().view));
  }

  protected goTo(page: number): void {
    this.change({ ...this.query(), page });
  }

  protected reload(): void {
    this.change(this.query());
  }

  protected select(taskIds: readonly string[]): void {
    this.store.dispatch(InboxPageActions.selectionChanged({ taskIds }));
  }

  protected claim(item: InboxItem): void {
    this.store.dispatch(InboxPageActions.claimClicked({ requestId: item.request.id, taskId: item.task.id }));
  }

  protected bulk(action: 'approve' | 'reject' | 'claim', reason?: string): void {
    this.store.dispatch(InboxPageActions.bulkRequested({ action, ...(reason ? { reason } : {}) }));
  }

  protected dismissResults(): void {
    this.store.dispatch(InboxPageActions.bulkResultsDismissed());
  }

  protected applySaved(filter: SavedFilter): void {
    this.change(applySavedQuery(filter.query, this.query()));
  }

  protected deleteSaved(filter: SavedFilter): void {
    this.store.dispatch(InboxPageActions.filterDeleted({ id: filter.id }));
  }

  protected saveFilter(): void {
    const name = this.filterName().trim();
    if (!name) return;
    this.store.dispatch(InboxPageActions.filterSaved({ name }));
    this.filterName.set('');
  }

  private change(query: InboxQuery): void {
    this.store.dispatch(InboxPageActions.queryChanged({ query }));
  }
}
