import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { UserSummary } from '../data/users-api.service';
import { UserStatusBadgeComponent } from './user-status-badge.component';

/** One page of users: name (link), username, agent, contact, status, last seen. */
@Component({
  selector: 'kt-user-table',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, UserStatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table" data-testid="user-table">
      <thead>
        <tr>
          <th>{{ 'users.field.name' | t }}</th>
          <th>{{ 'users.field.username' | t }}</th>
          <th>{{ 'users.field.agent' | t }}</th>
          <th>{{ 'users.field.mobile' | t }}</th>
          <th>{{ 'users.field.status' | t }}</th>
          <th>{{ 'users.field.lastSeen' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (u of users(); track u.id) {
          <tr data-testid="user-row" [attr.data-user-id]="u.id" [attr.data-username]="u.username">
            <td>
              <a [routerLink]="['/users', u.id]" data-testid="user-link">{{ u.displayName }}</a>
            </td>
            <td dir="ltr" class="mono">{{ u.username }}</td>
            <td>{{ i18n.pick(u.agent.nameFa, u.agent.nameEn) }}</td>
            <td dir="ltr">{{ u.mobile ? (u.mobile | digits) : '—' }}</td>
            <td><kt-user-status-badge [active]="u.active" /></td>
            <td class="muted">{{ u.lastSeenAt ? (u.lastSeenAt | jalali: 'short') : ('users.neverSeen' | t) }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class UserTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly users = input.required<readonly UserSummary[]>();
}
