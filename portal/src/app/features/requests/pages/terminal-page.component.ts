import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { BaseDataNameComponent } from '../components/basedata-name.component';
import { TerminalStateComponent } from '../components/request-badges.component';
import { RequestLabelPipe } from '../components/request-label.pipe';
import { RequestTableComponent } from '../components/request-table.component';
import { startableTypes } from '../data/terminal-requests';
import { TerminalsPageActions } from '../state/requests.actions';
import { terminalsFeature } from '../state/terminals.feature';

/** A terminal: merchant, PSP numbers, serial, state, its requests, and the requests one may start for it. */
@Component({
  selector: 'kt-terminal-page',
  imports: [
    RouterLink,
    TranslatePipe,
    JalaliDatePipe,
    RequestLabelPipe,
    ErrorBannerComponent,
    TerminalStateComponent,
    RequestTableComponent,
    BaseDataNameComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="error()" />
    @if (terminal(); as t) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">
            {{ 'terminals.terminal' | t }}
            <span dir="ltr" data-testid="terminal-number">{{ t.pspTerminalId ?? ('terminals.noNumber' | t) }}</span>
          </h1>
          <p class="muted"><kt-terminal-state [state]="t.state" /></p>
          @if (t.state === 'deactivated' && t.stateReason) {
            <p class="muted" data-testid="terminal-state-reason">
              {{ 'terminals.deactivationReason' | t }}: <bdi>{{ t.stateReason }}</bdi>
            </p>
          }
        </div>
      </header>
      <section class="card" data-testid="terminal-facts">
        <dl class="facts">
          <dt>{{ 'requests.merchant' | t }}</dt>
          <dd>
            @if (t.merchantId) {
              <a [routerLink]="['/merchants', t.merchantId]" data-testid="terminal-merchant">{{ i18n.text(t.merchantName) }}</a>
            } @else {
              —
            }
          </dd>
          <dt>{{ 'terminals.shop' | t }}</dt>
          <dd data-testid="terminal-shop">{{ i18n.text(t.shopName) || '—' }}</dd>
          <dt>{{ 'requests.psp' | t }}</dt>
          <dd data-testid="terminal-psp"><kt-basedata-name field="pspCode" [code]="t.pspCode" /></dd>
          <dt>{{ 'terminals.pspTerminalId' | t }}</dt>
          <dd>
            <bdi dir="ltr">{{ t.pspTerminalId ?? '—' }}</bdi>
          </dd>
          <dt>{{ 'terminals.pspMerchantId' | t }}</dt>
          <dd>
            <bdi dir="ltr">{{ t.pspMerchantId ?? '—' }}</bdi>
          </dd>
          <dt>{{ 'requests.form.deviceModel' | t }}</dt>
          <dd data-testid="terminal-model" [attr.data-code]="t.deviceModel">
            <kt-basedata-name field="deviceModel" [code]="t.deviceModel" />
          </dd>
          <dt>{{ 'terminals.serial' | t }}</dt>
          <dd data-testid="terminal-serial">
            <bdi dir="ltr">{{ t.serial ?? '—' }}</bdi>
          </dd>
          <dt>{{ 'requests.updatedAt' | t }}</dt>
          <dd>{{ t.updatedAt | jalali }}</dd>
        </dl>
        @if (canCreate() && startable().length) {
          <div class="actions" data-testid="terminal-start">
            @for (type of startable(); track type) {
              <a
                class="btn btn-ghost btn-sm"
                routerLink="/requests/new"
                [queryParams]="{ type, terminalId: t.id }"
                [attr.data-testid]="'terminal-start-' + type"
                >{{ type | requestLabel: 'type' }}</a
              >
            }
          </div>
        }
      </section>
      <section class="card card-flush">
        <h2 class="card-title pad">{{ 'terminals.requests' | t }}</h2>
        @if (t.requests.length) {
          <kt-request-table [items]="t.requests" />
        } @else {
          <p class="empty">{{ 'requests.list.empty' | t }}</p>
        }
      </section>
    } @else if (loading()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .pad {
      padding: 1rem 1rem 0;
    }
    .card + .card {
      margin-top: 1rem;
    }
  `,
})
export class TerminalPageComponent {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  readonly id = input.required<string>();
  private readonly detail = this.store.selectSignal(terminalsFeature.selectDetail);
  protected readonly terminal = computed(() => {
    const d = this.detail();
    return d && d.id === this.id() ? d : null;
  });
  protected readonly loading = this.store.selectSignal(terminalsFeature.selectDetailLoading);
  protected readonly error = this.store.selectSignal(terminalsFeature.selectDetailError);
  protected readonly canCreate = this.store.selectSignal(selectHasAnyPermission('requests.create'));
  protected readonly startable = computed(() => {
    const t = this.terminal();
    return t ? startableTypes(t.state, t.requests) : [];
  });

  constructor() {
    // Loads the terminal, and again when the route moves to another terminal (the component is reused).
    effect(() => {
      const id = this.id();
      untracked(() => this.store.dispatch(TerminalsPageActions.terminalOpened({ id })));
    });
  }
}
