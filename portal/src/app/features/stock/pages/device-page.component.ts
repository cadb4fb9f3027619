import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { WarehouseRef } from '../data/stock.models';
import { DevicePageActions } from '../state/stock.actions';
import { selectDevice, selectDeviceError } from '../state/stock.feature';

/** A device: where it is now, and every step of its life (Jalali dates, Persian digits). */
@Component({
  selector: 'kt-device-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      border-inline-start: 2px solid #cbd5e1;
    }
    .timeline li {
      position: relative;
      padding: 0 1.25rem 1.1rem;
    }
    .timeline li::before {
      content: '';
      position: absolute;
      inset-inline-start: -0.45rem;
      top: 0.3rem;
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 50%;
      background: var(--primary);
    }
    .timeline .when {
      color: var(--muted);
      font-size: 0.85rem;
    }
  `,
  template: `
    <kt-error-banner [error]="error()" />
    @if (device(); as d) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">
            {{ 'stock.device' | t }} <span dir="ltr" class="mono" data-testid="device-serial">{{ d.serial }}</span>
          </h1>
          <p class="muted">{{ i18n.text(d.modelName) }}</p>
        </div>
        <a class="btn btn-ghost" routerLink="/stock/devices">{{ 'stock.back' | t }}</a>
      </header>
      <section class="card">
        <dl class="facts">
          <dt>{{ 'stock.state' | t }}</dt>
          <dd>
            <span class="badge badge-neutral" data-testid="device-state" [attr.data-state]="d.state">{{
              i18n.text(d.stateName)
            }}</span>
          </dd>
          <dt>{{ 'stock.place' | t }}</dt>
          <dd data-testid="device-place">{{ place(d.warehouse, d.terminalId) }}</dd>
          <dt>{{ 'stock.agent' | t }}</dt>
          <dd>{{ i18n.pick(d.agent.nameFa, d.agent.nameEn) }}</dd>
          @if (d.requestId) {
            <dt>{{ 'stock.request' | t }}</dt>
            <dd dir="ltr" class="mono">{{ d.requestId }}</dd>
          }
        </dl>
      </section>
      <section class="card">
        <h2 class="card-title">{{ 'stock.history' | t }}</h2>
        <ol class="timeline" data-testid="device-history">
          @for (h of d.history; track h.seq) {
            <li data-testid="history-entry" [attr.data-event]="h.event">
              <div>
                <strong>{{ i18n.text(h.eventName) }}</strong>
                @if (h.document) {
                  —
                  <a [routerLink]="['/stock/documents', h.document.id]" dir="ltr" data-testid="history-document">{{
                    h.document.number | digits
                  }}</a>
                }
              </div>
              <div class="when">{{ h.at | jalali }} — {{ h.actor.name }}</div>
              <div class="muted">
                @if (h.from) {
                  {{ 'stock.documents.from' | t }}: {{ i18n.pick(h.from.nameFa, h.from.nameEn) }}
                }
                @if (h.to && h.to.id !== h.from?.id) {
                  {{ 'stock.documents.to' | t }}: {{ i18n.pick(h.to.nameFa, h.to.nameEn) }}
                }
                @if (h.terminalId) {
                  {{ 'stock.terminal' | t }} <span dir="ltr">{{ h.terminalId }}</span>
                }
              </div>
            </li>
          }
        </ol>
      </section>
    } @else if (!error()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class DevicePageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** Route parameter (component input binding). */
  readonly serial = input.required<string>();
  protected readonly device = this.store.selectSignal(selectDevice);
  protected readonly error = this.store.selectSignal(selectDeviceError);

  ngOnInit(): void {
    this.store.dispatch(DevicePageActions.opened({ serial: this.serial() }));
  }

  protected place(w: WarehouseRef | null, terminalId: string | null): string {
    if (w) return this.i18n.pick(w.nameFa, w.nameEn);
    return terminalId ? `${this.i18n.t('stock.terminal')} ${terminalId}` : '—';
  }
}
