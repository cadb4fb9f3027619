import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { IconComponent } from '../../../shared/ui/icon.component';
import { UserAccessPanelComponent } from '../components/user-access-panel.component';

/** `/admin/access/users/:id`: one user's roles and effective permissions. */
@Component({
  selector: 'kt-user-access-page',
  imports: [TranslatePipe, IconComponent, UserAccessPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'access.user.title' | t }}</h1>
        <p class="muted">{{ 'access.user.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" (click)="back()">
          <kt-icon name="back" [size]="18" class="flip" /> {{ 'common.back' | t }}
        </button>
      </div>
    </header>
    <kt-user-access-panel [userId]="id()" />
  `,
})
export class UserAccessPageComponent {
  private readonly location = inject(Location);
  /** From the route (`:id`). */
  readonly id = input.required<string>();

  protected back(): void {
    this.location.back();
  }
}
