import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { AuditDiffComponent } from '../components/audit-diff.component';
import { DateRangeComponent } from '../components/date-range.component';
import { AuditQuery, DateRange } from '../data/audit.models';
import { AuditLogPageActions } from '../state/audit.actions';
import { compact, realmOf } from '../state/audit-helpers';
import { auditLogFeature } from '../state/audit-log.feature';

const KNOWN_ACTIONS = ['create', 'update', 'delete', 'grant'];

/** `/audit/log`: the hash-chained change audit, newest first, with filters, before/after and chain verification. */
@Component({
  selector: 'kt-audit-log-page',
  imports: [
    TranslatePipe,
    DigitsPipe,
    JalaliDatePipe,
    IconComponent,
    ErrorBannerComponent,
    PagerComponent,
    AuditDiffComponent,
    DateRangeComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'audit.title' | t }}</h1>
        <p class="muted">{{ 'audit.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" [disabled]="state().loading" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
        @if (canVerify()) {
          <button
            type="button"
            class="btn btn-primary"
            data-testid="audit-verify"
            [disabled]="state().verifying"
            (click)="verify()"
          >
            @if (state().verifying) {
              <span class="spinner" aria-hidden="true"></span>
            } @else {
              <kt-icon name="shield" [size]="18" />
            }
            {{ 'audit.verify' | t }}
          </button>
        }
      </div>
    </header>

    @if (state().verification; as v) {
      <div
        class="verify-result"
        [class.ok]="v.ok"
        [class.broken]="!v.ok"
        role="status"
        data-testid="audit-verify-result"
        [attr.data-ok]="v.ok"
        [attr.data-broken-seq]="v.firstBroken?.seq ?? null"
      >
        <kt-icon [name]="v.ok ? 'check' : 'alert'" [size]="28" />
        <div>
          @if (v.ok) {
            <strong>{{ 'audit.verify.ok' | t }}</strong>
            <p>{{ 'audit.verify.okDetail' | t: { checked: v.checked, last: v.lastSeq } }}</p>
          } @else {
            <strong>{{ 'audit.verify.broken' | t: { seq: v.firstBroken?.seq ?? 0 } }}</strong>
            <p>{{ 'audit.verify.reason' | t: { reason: v.firstBroken?.reason ?? '' } }}</p>
          }
        </div>
      </div>
    }
    <kt-error-banner [error]="state().verifyError" />

    <section class="card card-flush">
      <form class="filters" data-testid="audit-filters" (submit)="$event.preventDefault(); apply()">
        <label class="filter">
          <span class="label">{{ 'audit.entityType' | t }}</span>
          <input
            class="input"
            dir="ltr"
            data-testid="filter-entity-type"
            [value]="draft().entityType ?? ''"
            (input)="patch({ entityType: value($event) })"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'audit.entityId' | t }}</span>
          <input
            class="input"
            dir="ltr"
            data-testid="filter-entity-id"
            [value]="draft().entityId ?? ''"
            (input)="patch({ entityId: value($event) })"
          />
        </label>
        <label class="filter">
          <span class="label">{{ 'audit.action' | t }}</span>
          <select
            class="input"
            data-testid="filter-action"
            [value]="draft().action ?? ''"
            (change)="patch({ action: value($event) })"
          >
            <option value="">{{ 'common.all' | t }}</option>
            @for (action of actions; track action) {
              <option [value]="action">{{ actionLabel(action) }}</option>
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
        <table class="table" data-testid="audit-table">
          <thead>
            <tr>
              <th class="num-col">#</th>
              <th>{{ 'audit.at' | t }}</th>
              <th>{{ 'audit.who' | t }}</th>
              <th>{{ 'audit.ip' | t }}</th>
              <th>{{ 'audit.action' | t }}</th>
              <th>{{ 'audit.entity' | t }}</th>
              <th class="actions-col">
                <span class="sr-only">{{ 'audit.details' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (entry of entries(); track entry.seq) {
              <tr data-testid="audit-row" [attr.data-seq]="entry.seq" [class.open]="expanded() === entry.seq">
                <td class="num-col muted">{{ entry.seq | digits }}</td>
                <td class="nowrap" data-testid="audit-at">{{ entry.at | jalali: 'short' }}</td>
                <td>
                  <span class="who" data-testid="audit-who">{{ entry.actor.name }}</span>
                  @if (entry.actor.issuer) {
                    <span class="realm" data-testid="audit-realm">{{ realm(entry.actor.issuer) }}</span>
                  }
                </td>
                <td>
                  <code class="code">{{ entry.actor.ip ?? '—' }}</code>
                </td>
                <td>
                  <span class="badge action-badge" [attr.data-action]="entry.action">{{ actionLabel(entry.action) }}</span>
                </td>
                <td>
                  <span class="entity-type">{{ entry.entityType }}</span>
                  <code class="code entity-id" [title]="entry.entityId">{{ entry.entityId }}</code>
                </td>
                <td class="actions-col">
                  <button
                    type="button"
                    class="btn btn-sm btn-ghost"
                    data-testid="audit-expand"
                    [attr.aria-expanded]="expanded() === entry.seq"
                    (click)="toggle(entry.seq)"
                  >
                    {{ (expanded() === entry.seq ? 'audit.hide' : 'audit.show') | t }}
                  </button>
                </td>
              </tr>
              @if (expanded() === entry.seq) {
                <tr class="detail-row" data-testid="audit-detail">
                  <td colspan="7">
                    <kt-audit-diff [before]="entry.before" [after]="entry.after" />
                    <p class="hash muted" dir="ltr">
                      <code>{{ entry.prevHash.slice(0, 16) }}… → {{ entry.hash.slice(0, 16) }}…</code>
                    </p>
                  </td>
                </tr>
              }
            } @empty {
              <tr>
                <td colspan="7">
                  @if (state().loading) {
                    <p class="empty"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
                  } @else {
                    <p class="empty" data-testid="list-empty">{{ 'audit.empty' | t }}</p>
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
    .verify-result {
      display: flex;
      gap: 1rem;
      align-items: center;
      padding: 1rem 1.25rem;
      border-radius: var(--radius);
      margin-bottom: 1.25rem;
      border: 1px solid;
    }
    .verify-result strong {
      font-size: 1.1rem;
    }
    .verify-result p {
      margin: 0;
      font-size: 0.9rem;
    }
    .verify-result.ok {
      background: #f0fdf4;
      border-color: #86efac;
      color: #166534;
    }
    .verify-result.broken {
      background: #fef2f2;
      border-color: #fca5a5;
      color: #991b1b;
    }
    .filter-buttons {
      display: flex;
      gap: 0.5rem;
      align-self: center;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .who {
      display: block;
      font-weight: 500;
    }
    .realm {
      display: inline-block;
      font-size: 0.75rem;
      color: var(--muted);
      direction: ltr;
    }
    .entity-type {
      display: block;
      font-size: 0.85rem;
    }
    .entity-id {
      display: inline-block;
      max-width: 14rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      vertical-align: bottom;
    }
    .nowrap {
      white-space: nowrap;
    }
    tr.open td {
      background: #f8fafc;
    }
    .detail-row td {
      background: #f8fafc;
      padding-top: 0;
    }
    .hash {
      margin: 0.5rem 0 0;
      font-size: 0.75rem;
      text-align: end;
    }
  `,
})
export class AuditLogPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly i18n = inject(I18nService);
  protected readonly state = this.store.selectSignal(auditLogFeature.selectAuditLogState);
  protected readonly entries = this.store.selectSignal(auditLogFeature.selectEntries);
  protected readonly total = this.store.selectSignal(auditLogFeature.selectTotal);
  protected readonly canVerify = this.store.selectSignal(selectHasAnyPermission('audit.verify'));
  protected readonly actions = KNOWN_ACTIONS;
  protected readonly expanded = signal<number | null>(null);
  /** The filters as typed; applied with the button (or Enter). */
  protected readonly draft = signal<AuditQuery>(this.state().query);
  protected readonly realm = realmOf;

  ngOnInit(): void {
    this.store.dispatch(AuditLogPageActions.opened({ query: this.state().query }));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value.trim();
  }

  protected patch(patch: Partial<AuditQuery>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
  }

  protected patchRange(range: DateRange): void {
    this.draft.update((d) => ({ ...d, fromDate: range.fromDate, toDate: range.toDate }));
  }

  protected apply(): void {
    this.store.dispatch(AuditLogPageActions.queryChanged({ query: compact({ ...this.draft(), page: 1 }) }));
  }

  protected clear(): void {
    const query: AuditQuery = { page: 1, pageSize: this.state().query.pageSize };
    this.draft.set(query);
    this.store.dispatch(AuditLogPageActions.queryChanged({ query }));
  }

  protected goToPage(page: number): void {
    this.store.dispatch(AuditLogPageActions.queryChanged({ query: { ...this.state().query, page } }));
  }

  protected refresh(): void {
    this.store.dispatch(AuditLogPageActions.refreshClicked({ query: this.state().query }));
  }

  protected verify(): void {
    this.store.dispatch(AuditLogPageActions.verifyClicked());
  }

  protected toggle(seq: number): void {
    this.expanded.update((open) => (open === seq ? null : seq));
  }

  protected actionLabel(action: string): string {
    const key = `audit.action.${action}` as MessageKey;
    const label = this.i18n.t(key);
    return label === key ? action : label;
  }
}
