import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { Store } from '@ngrx/store';

import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { UserAccessActions } from '../state/access.actions';
import { userAccessFeature } from '../state/user-access.feature';
import { UserAccessEditorComponent } from './user-access-editor.component';

/**
 * Container of a user's access editor: give it a `userId` and it loads and saves through the store
 * (`GET`/`PUT /api/users/:id/roles`). Embeddable in any page (the user page links or embeds it).
 */
@Component({
  selector: 'kt-user-access-panel',
  imports: [TranslatePipe, ErrorBannerComponent, UserAccessEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().error; as error) {
      <kt-error-banner [error]="error" />
    } @else if (state().access; as access) {
      <kt-user-access-editor
        [access]="access"
        [catalog]="state().catalog"
        [busy]="state().saving"
        [saved]="state().saved"
        [readOnly]="!canManage()"
        [error]="state().saveError"
        (rolesSubmitted)="save($event)"
      />
    } @else {
      <p class="card empty" data-testid="user-access-loading"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
    }
  `,
})
export class UserAccessPanelComponent {
  private readonly store = inject(Store);
  readonly userId = input.required<string>();
  protected readonly state = this.store.selectSignal(userAccessFeature.selectUserAccessState);
  protected readonly canManage = this.store.selectSignal(selectHasAnyPermission('access.manage'));

  constructor() {
    effect(() => this.store.dispatch(UserAccessActions.opened({ userId: this.userId() })));
  }

  protected save(roleIds: string[]): void {
    this.store.dispatch(UserAccessActions.rolesSubmitted({ userId: this.userId(), roleIds }));
  }
}
