import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, of } from 'rxjs';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { MerchantFormComponent } from '../components/merchant-form.component';
import { MerchantsApi } from '../data/merchants-api.service';
import { EditMerchantPageActions } from '../state/merchants.actions';
import { selectDetailError, selectMerchantDetail, selectUpdateError, selectUpdating } from '../state/merchants.feature';

/** `/merchants/:id/edit`: the create form's fields and live checks, filled with the stored merchant. */
@Component({
  selector: 'kt-edit-merchant-page',
  imports: [TranslatePipe, DigitsPipe, MerchantFormComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="loadError()" />
    @if (merchant(); as m) {
      @if (m.id === id()) {
        <header class="page-head">
          <div>
            <h1 data-testid="page-title">{{ 'merchants.edit.title' | t }}</h1>
            <p class="muted">
              {{ i18n.pick(m.displayNameFa, m.displayNameEn) }} ·
              <bdi dir="ltr" data-testid="merchant-identifier">{{ m.identifier | digits }}</bdi>
            </p>
          </div>
        </header>
        <section class="card">
          <kt-merchant-form
            [guilds]="guilds()"
            [merchant]="m"
            [busy]="updating()"
            [error]="error()"
            (saved)="save($event)"
            (cancelled)="cancel()"
          />
        </section>
      }
    } @else if (!loadError()) {
      <p class="card empty"><span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}</p>
    }
  `,
})
export class EditMerchantPageComponent implements OnInit {
  private readonly store = inject(Store);
  /** Suggestions only: without them the field is still typed by hand. */
  protected readonly guilds = toSignal(
    inject(MerchantsApi)
      .guilds()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly i18n = inject(I18nService);
  /** The route's `:id`. */
  readonly id = input.required<string>();
  protected readonly merchant = this.store.selectSignal(selectMerchantDetail);
  protected readonly loadError = this.store.selectSignal(selectDetailError);
  protected readonly updating = this.store.selectSignal(selectUpdating);
  protected readonly error = this.store.selectSignal(selectUpdateError);

  ngOnInit(): void {
    this.store.dispatch(EditMerchantPageActions.opened({ id: this.id() }));
  }

  protected save(changes: Record<string, unknown>): void {
    this.store.dispatch(EditMerchantPageActions.submitted({ id: this.id(), changes }));
  }

  protected cancel(): void {
    this.store.dispatch(EditMerchantPageActions.cancelled({ id: this.id() }));
  }
}
