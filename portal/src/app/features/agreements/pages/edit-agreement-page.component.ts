import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { Store } from '@ngrx/store';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { AgreementEditFormComponent } from '../components/agreement-edit-form.component';
import { AgreementChange } from '../data/agreements-api.service';
import { EditAgreementPageActions } from '../state/agreements.actions';
import { agreementsFeature } from '../state/agreements.feature';

/** `/agreements/:id/edit`. */
@Component({
  selector: 'kt-edit-agreement-page',
  imports: [TranslatePipe, ErrorBannerComponent, AgreementEditFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <h1 data-testid="page-title">{{ 'agreements.edit.title' | t }}</h1>
    </header>
    <kt-error-banner [error]="loadError()" />
    @if (agreement(); as a) {
      @if (a.id === id()) {
        <section class="card narrow">
          <kt-agreement-edit-form
            [agreement]="a"
            [busy]="busy()"
            [error]="error()"
            [conflict]="conflict()"
            (save)="save($event)"
            (reload)="reload()"
            (cancel)="cancel()"
          />
        </section>
      }
    } @else if (loading()) {
      <p class="card empty"><span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}</p>
    }
  `,
})
export class EditAgreementPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  readonly id = input.required<string>();
  protected readonly agreement = this.store.selectSignal(agreementsFeature.selectDetail);
  protected readonly loading = this.store.selectSignal(agreementsFeature.selectDetailLoading);
  protected readonly loadError = this.store.selectSignal(agreementsFeature.selectDetailError);
  protected readonly busy = this.store.selectSignal(agreementsFeature.selectBusy);
  protected readonly error = this.store.selectSignal(agreementsFeature.selectFormError);
  protected readonly conflict = this.store.selectSignal(agreementsFeature.selectVersionConflict);

  ngOnInit(): void {
    this.store.dispatch(EditAgreementPageActions.opened({ id: this.id() }));
  }

  protected save(change: AgreementChange): void {
    this.store.dispatch(EditAgreementPageActions.submitted({ id: this.id(), change }));
  }

  protected reload(): void {
    this.store.dispatch(EditAgreementPageActions.reloadClicked({ id: this.id() }));
  }

  protected cancel(): void {
    void this.router.navigate(['/agreements', this.id()]);
  }
}
