import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { AgreementQuery, EffectiveStatus } from '../data/agreements-api.service';
import { statusLabel } from '../data/labels';
import { AgreementListPageActions } from '../state/agreements.actions';
import { agreementsFeature } from '../state/agreements.feature';

const STATUSES: readonly EffectiveStatus[] = ['draft', 'active', 'suspended', 'terminated', 'expired'];

@Component({
  selector: 'kt-agreement-list-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'agreements.title' | t }}</h1>
        <p class="muted">{{ 'agreements.subtitle' | t }}</p>
      </div>
      @if (canManage()) {
        <a class="btn btn-primary" routerLink="/agreements/new" data-testid="agreement-new">{{ 'agreements.new' | t }}</a>
      }
    </header>
    <div class="filters">
      <select class="input filter" data-testid="agreement-filter-status" (change)="setStatus($any($event.target).value)">
        <option value="">{{ 'agreements.allStatuses' | t }}</option>
        @for (s of statuses; track s) {
          <option [value]="s" [selected]="query().status === s">{{ statusLabel(s) | t }}</option>
        }
      </select>
      <label class="filter">
        <input
          type="checkbox"
          data-testid="agreement-filter-current"
          [checked]="query().current"
          (change)="setCurrent($any($event.target).checked)"
        />
        {{ 'agreements.currentOnly' | t }}
      </label>
    </div>
    <kt-error-banner [error]="error()" />
    <section class="card card-flush">
      <table class="table" data-testid="agreement-table">
        <thead>
          <tr>
            <th>{{ 'agreements.field.title' | t }}</th>
            <th>{{ 'agreements.field.party' | t }}</th>
            <th>{{ 'agreements.field.validity' | t }}</th>
            <th>{{ 'agreements.field.status' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (a of page()?.items ?? []; track a.id) {
            <tr [attr.data-testid]="'agreement-row-' + a.id">
              <td>
                <a [routerLink]="['/agreements', a.id]" data-testid="agreement-link">{{ a.title | digits }}</a>
              </td>
              <td>
                {{ i18n.pick(a.agent.nameFa, a.agent.nameEn) }}
                @if (a.user) {
                  — {{ a.user.displayName }}
                }
              </td>
              <td>{{ a.validFromJalali | digits }} – {{ a.validToJalali | digits }}</td>
              <td>
                <span class="badge" [attr.data-status]="a.effectiveStatus">{{ statusLabel(a.effectiveStatus) | t }}</span>
                @if (a.inForce) {
                  <span class="badge state-answered">{{ 'agreements.inForce' | t }}</span>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4" class="empty" data-testid="agreement-empty">
                {{ (loading() ? 'common.loading' : 'agreements.empty') | t }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
})
export class AgreementListPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly statuses = STATUSES;
  protected readonly statusLabel = statusLabel;
  protected readonly page = this.store.selectSignal(agreementsFeature.selectPage);
  protected readonly query = this.store.selectSignal(agreementsFeature.selectQuery);
  protected readonly loading = this.store.selectSignal(agreementsFeature.selectListLoading);
  protected readonly error = this.store.selectSignal(agreementsFeature.selectListError);
  protected readonly canManage = this.store.selectSignal(selectHasAnyPermission('agreements.manage'));

  /** `?agentId=` (from the agent page): the agreements of that agent only. */
  readonly agentId = input<string | undefined>(undefined);

  ngOnInit(): void {
    const agentId = this.agentId() ?? '';
    const query = this.query();
    this.store.dispatch(
      AgreementListPageActions.opened({ query: agentId === query.agentId ? query : { ...query, agentId, page: 1 } }),
    );
  }

  protected setStatus(status: string): void {
    this.change({ ...this.query(), status: status as AgreementQuery['status'], page: 1 });
  }

  protected setCurrent(current: boolean): void {
    this.change({ ...this.query(), current, page: 1 });
  }

  private change(query: AgreementQuery): void {
    this.store.dispatch(AgreementListPageActions.queryChanged({ query }));
  }
}
