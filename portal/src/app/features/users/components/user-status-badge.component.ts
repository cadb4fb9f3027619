import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';

/** Active / disabled, as a coloured badge. */
@Component({
  selector: 'kt-user-status-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="badge"
    [class.status-active]="active()"
    [class.status-disabled]="!active()"
    data-testid="user-status"
    [attr.data-status]="active() ? 'active' : 'disabled'"
    >{{ (active() ? 'users.status.active' : 'users.status.disabled') | t }}</span
  >`,
})
export class UserStatusBadgeComponent {
  readonly active = input.required<boolean>();
}
