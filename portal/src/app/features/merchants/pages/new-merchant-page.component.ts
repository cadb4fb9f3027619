import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, of } from 'rxjs';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { MerchantFormComponent } from '../components/merchant-form.component';
import { MerchantsApi } from '../data/merchants-api.service';
import { MerchantDraft } from '../data/merchants.models';
import { NewMerchantPageActions } from '../state/merchants.actions';
import { selectCreateError, selectCreating } from '../state/merchants.feature';

@Component({
  selector: 'kt-new-merchant-page',
  imports: [TranslatePipe, MerchantFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'merchants.new.title' | t }}</h1>
        <p class="muted">{{ 'merchants.new.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card">
      <kt-merchant-form [guilds]="guilds()" [busy]="creating()" [error]="error()" (submitted)="submit($event)" />
    </section>
  `,
})
export class NewMerchantPageComponent implements OnInit {
  private readonly store = inject(Store);
  /** Suggestions only: without them the field is still typed by hand. */
  protected readonly guilds = toSignal(
    inject(MerchantsApi)
      .guilds()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly creating = this.store.selectSignal(selectCreating);
  protected readonly error = this.store.selectSignal(selectCreateError);

  ngOnInit(): void {
    this.store.dispatch(NewMerchantPageActions.opened());
  }

  protected submit(draft: MerchantDraft): void {
    this.store.dispatch(NewMerchantPageActions.submitted({ draft }));
  }
}
