import { ChangeDetectionStrategy, Component, OnInit, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { UserChanges, UserSummary } from '../data/users-api.service';

/** Names, e-mail and mobile of a user; an emptied e-mail or mobile is removed. */
@Component({
  selector: 'kt-user-profile-form',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" data-testid="user-profile-form" (ngSubmit)="submit()" novalidate>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="p-first">{{ 'users.field.firstName' | t }}</label>
          <input id="p-first" class="input" name="firstName" data-testid="profile-firstName" [(ngModel)]="m.firstName" />
          <kt-field-errors [error]="error()" field="firstName" />
        </div>
        <div class="field">
          <label class="label" for="p-last">{{ 'users.field.lastName' | t }}</label>
          <input id="p-last" class="input" name="lastName" data-testid="profile-lastName" [(ngModel)]="m.lastName" />
          <kt-field-errors [error]="error()" field="lastName" />
        </div>
        <div class="field">
          <label class="label" for="p-email">{{ 'users.field.email' | t }}</label>
          <input
            id="p-email"
            class="input"
            dir="ltr"
            type="email"
            name="email"
            data-testid="profile-email"
            [(ngModel)]="m.email"
          />
          <kt-field-errors [error]="error()" field="email" />
        </div>
        <div class="field">
          <label class="label" for="p-mobile">{{ 'users.field.mobile' | t }}</label>
          <input
            id="p-mobile"
            class="input"
            dir="ltr"
            inputmode="tel"
            name="mobile"
            data-testid="profile-mobile"
            [(ngModel)]="m.mobile"
          />
          <kt-field-errors [error]="error()" field="mobile" />
        </div>
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="profile-cancel" (click)="cancelled.emit()">
          {{ 'users.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="profile-save" [disabled]="busy()">
          {{ 'users.profile.save' | t }}
        </button>
      </div>
    </form>
  `,
})
export class UserProfileFormComponent implements OnInit {
  readonly user = input.required<UserSummary>();
  readonly error = input<ApiError | null>(null);
  readonly busy = input(false);
  readonly saved = output<UserChanges>();
  readonly cancelled = output();

  protected readonly m = { firstName: '', lastName: '', email: '', mobile: '' };

  ngOnInit(): void {
    const u = this.user();
    Object.assign(this.m, {
      firstName: u.firstName ?? '',
      lastName: u.lastName ?? '',
      email: u.email ?? '',
      mobile: u.mobile ?? '',
    });
  }

  protected submit(): void {
    const m = this.m;
    this.saved.emit({
      firstName: m.firstName.trim(),
      lastName: m.lastName.trim(),
      email: m.email.trim() || null,
      mobile: m.mobile.trim() || null,
    });
  }
}
