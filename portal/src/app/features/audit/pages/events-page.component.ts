import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';

import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { DateRangeComponent } from '../components/date-range.component';
import { DateRange, EventsQuery, SEVERITIES, Severity } from '../data/audit.models';
import { EventsPageActions } from '../state/audit.actions';
import { compact } from '../state/audit-helpers';
import { systemEventsFeature } from '../state/system-events.feature';

/** `/audit/events`: sign-ins, refused requests, blocked addresses, failures (newest first). */
@Component({
  selector: 'kt-events-page',
  imports: [TranslatePipe, DigitsPipe, JalaliDatePipe, IconComponent, ErrorBannerComponent, PagerComponent, DateRangeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'events.title' | t }}</h1>
        <p class="muted">{{ 'events.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" [disabled]="state().loading" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
      </div>
    </header>

    <section class="card card-flush">
      <form class="filters" data-testid="events-filters" (submit)="$event.preventDefault(); apply()">
        <label class="filter">
          <span class="label">{{ 'events.type' | t }}</span>
          <input
            class="input"
            dir="ltr"
            data-testid="filter-type"
            [placeholder]="'events.typeHint' | t"
            [value]="draft().type ?? ''"
            (input)="patch({ type: $any($event.target).value.trim() })"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'events.severity' | t }}</span>
          <select
            class="input"
            data-testid="filter-severity"
            [value]="draft().severity ?? ''"
            (change)="setSeverity($any($event.target).value)"
          >
            <option value="">{{ 'common.all' | t }}</option>
            @for (severity of severities; track severity) {
              <option [value]="severity">{{ severityLabel(severity) | t }}</option>
            }
          </select>
        </label>
        <kt-date-range [range]="draft()" (rangeChange)="patchRange($event)" />
        <div class="filter-buttons">
          <button type="submit" class="btn btn-primary" data-testid="filter-apply">{{ 'audit.apply' | t }}</button>
          <button type="button" class="btn btn-ghost" data-testid="filter-clear" (click)="clear()">
            {{ 'audit.clear' | t }}
          </button>
        </div>
      </form>
      <kt-error-banner [error]="state().error" />
      <div class="table-wrap" [attr.aria-busy]="state().loading">
        <table class="table" data-testid="events-table">
          <thead>
            <tr>
              <th>{{ 'events.at' | t }}</th>
              <th>{{ 'events.type' | t }}</th>
              <th>{{ 'events.severity' | t }}</th>
              <th>{{ 'events.user' | t }}</th>
              <th>{{ 'audit.ip' | t }}</th>
              <th>{{ 'events.request' | t }}</th>
              <th class="num-col">{{ 'events.status' | t }}</th>
              <th>{{ 'events.code' | t }}</th>
              <th>{{ 'events.message' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (event of events(); track event.id) {
              <tr data-testid="event-row" [attr.data-type]="event.type" [attr.data-severity]="event.severity">
                <td class="nowrap">{{ event.at | jalali: 'short' }}</td>
                <td>
                  <code class="code">{{ event.type }}</code>
                </td>
                <td>
                  <span class="badge" [class]="'badge sev-' + event.severity" data-testid="event-severity">{{
                    severityLabel(event.severity) | t
                  }}</span>
                </td>
                <td>{{ event.actorName ?? '—' }}</td>
                <td>
                  <code class="code">{{ event.ip ?? '—' }}</code>
                </td>
                <td dir="ltr" class="request">
                  @if (event.method || event.path) {
                    <code class="code">{{ event.method }} {{ event.path }}</code>
                  } @else {
                    —
                  }
                </td>
                <td class="num-col">{{ event.status === null ? '—' : (event.status | digits) }}</td>
                <td>
                  <code class="code">{{ event.code ?? '—' }}</code>
                </td>
                <td class="message" dir="auto">{{ event.message ?? '' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="9">
                  @if (state().loading) {
                    <p class="empty"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
                  } @else {
                    <p class="empty" data-testid="list-empty">{{ 'events.empty' | t }}</p>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (total() > 0) {
        <kt-pager
          [page]="state().query.page"
          [pageSize]="state().query.pageSize"
          [total]="total()"
          (pageChange)="goToPage($event)"
        />
      }
    </section>
  `,
  styles: `
    .filter-buttons {
      display: flex;
      gap: 0.5rem;
      align-self: center;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .nowrap {
      white-space: nowrap;
    }
    .request {
      text-align: left;
      white-space: nowrap;
    }
    .message {
      max-width: 22rem;
      font-size: 0.85rem;
    }
  `,
})
export class EventsPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(systemEventsFeature.selectSystemEventsState);
  protected readonly events = this.store.selectSignal(systemEventsFeature.selectEvents);
  protected readonly total = this.store.selectSignal(systemEventsFeature.selectTotal);
  protected readonly severities = SEVERITIES;
  protected readonly draft = signal<EventsQuery>(this.state().query);

  ngOnInit(): void {
    this.store.dispatch(EventsPageActions.opened({ query: this.state().query }));
  }

  protected severityLabel(severity: string): MessageKey {
    return severity === 'error'
      ? 'events.severity.error'
      : severity === 'warning'
        ? 'events.severity.warning'
        : 'events.severity.info';
  }

  protected patch(patch: Partial<EventsQuery>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
  }

  protected setSeverity(value: string): void {
    this.patch({ severity: SEVERITIES.includes(value as Severity) ? (value as Severity) : undefined });
  }

  protected patchRange(range: DateRange): void {
    this.draft.update((d) => ({ ...d, fromDate: range.fromDate, toDate: range.toDate }));
  }

  protected apply(): void {
    this.store.dispatch(EventsPageActions.queryChanged({ query: compact({ ...this.draft(), page: 1 }) }));
  }

  protected clear(): void {
    const query: EventsQuery = { page: 1, pageSize: this.state().query.pageSize };
    this.draft.set(query);
    this.store.dispatch(EventsPageActions.queryChanged({ query }));
  }

  protected goToPage(page: number): void {
    this.store.dispatch(EventsPageActions.queryChanged({ query: { ...this.state().query, page } }));
  }

  protected refresh(): void {
    this.store.dispatch(EventsPageActions.refreshClicked({ query: this.state().query }));
  }
}
