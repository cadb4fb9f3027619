import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { NewUserFormComponent } from '../components/new-user-form.component';
import { NewUser } from '../data/users-api.service';
import { NewUserPageActions } from '../state/users.actions';
import { usersFeature } from '../state/users.feature';

/** Create a user in an agent's realm; on success the user's page shows the temporary password once. */
@Component({
  selector: 'kt-new-user-page',
  imports: [RouterLink, TranslatePipe, ErrorBannerComponent, NewUserFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'users.new.title' | t }}</h1>
        <p class="muted">{{ 'users.new.subtitle' | t }}</p>
      </div>
      <a class="btn btn-ghost" routerLink="/users">{{ 'users.back' | t }}</a>
    </header>
    <kt-error-banner [error]="error()" />
    <kt-new-user-form
      [agents]="agents()"
      [agentId]="agentId()"
      [error]="error()"
      [busy]="creating()"
      (submitted)="submit($event)"
    />
  `,
})
export class NewUserPageComponent implements OnInit {
  private readonly store = inject(Store);
  /** `?agentId=` pre-selects the agent. */
  readonly agentId = input<string | undefined>(undefined);
  protected readonly agents = this.store.selectSignal(usersFeature.selectAssignableAgents);
  protected readonly error = this.store.selectSignal(usersFeature.selectCreateError);
  protected readonly creating = this.store.selectSignal(usersFeature.selectCreating);

  ngOnInit(): void {
    this.store.dispatch(NewUserPageActions.opened());
  }

  protected submit(user: NewUser): void {
    this.store.dispatch(NewUserPageActions.submitted({ user }));
  }
}
