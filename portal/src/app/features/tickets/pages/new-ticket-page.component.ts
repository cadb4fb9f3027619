import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { TicketFormComponent } from '../components/ticket-form.component';
import { NewTicketPageActions, TicketDraft } from '../state/tickets.actions';
import { selectCategories, selectNewTicket } from '../state/tickets.feature';

@Component({
  selector: 'kt-new-ticket-page',
  imports: [TranslatePipe, TicketFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'tickets.new.title' | t }}</h1>
        <p class="muted">{{ 'tickets.new.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card narrow">
      <kt-ticket-form
        [categories]="categories()"
        [busy]="state().submitting"
        [error]="state().error"
        (submitted)="submit($event)"
      />
    </section>
  `,
})
export class NewTicketPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly categories = this.store.selectSignal(selectCategories);
  protected readonly state = this.store.selectSignal(selectNewTicket);

  ngOnInit(): void {
    this.store.dispatch(NewTicketPageActions.opened());
  }

  protected submit(draft: TicketDraft): void {
    this.store.dispatch(NewTicketPageActions.submitted({ draft }));
  }
}
