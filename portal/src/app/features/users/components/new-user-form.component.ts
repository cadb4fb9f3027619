import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentSummary } from '../../agents/data/agents-api.service';
import { NewUser } from '../data/users-api.service';

/** Agent, username, names, e-mail and mobile; the API's field errors (Iranian mobile rules) under each field. */
@Component({
  selector: 'kt-new-user-form',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form card" data-testid="new-user-form" (ngSubmit)="submit()" novalidate autocomplete="off">
      <div class="form-row two">
        <div class="field">
          <label class="label" for="u-agent">{{ 'users.field.agent' | t }}</label>
          <select id="u-agent" class="input" name="agentId" data-testid="user-agent" [(ngModel)]="m.agentId">
            @if (!agents().length) {
              <option value="">{{ 'users.new.ownAgent' | t }}</option>
            }
            @for (a of agents(); track a.id) {
              <option [value]="a.id" [attr.data-code]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }} ({{ a.code }})</option>
            }
          </select>
          <kt-field-errors [error]="error()" field="agentId" />
        </div>
        <div class="field">
          <label class="label" for="u-username">{{ 'users.field.username' | t }}</label>
          <input
            id="u-username"
            class="input"
            dir="ltr"
            name="username"
            autocomplete="off"
            data-testid="user-username"
            [(ngModel)]="m.username"
          />
          <p class="hint">{{ 'users.new.usernameHint' | t }}</p>
          <kt-field-errors [error]="error()" field="username" />
        </div>
        <div class="field">
          <label class="label" for="u-first">{{ 'users.field.firstName' | t }}</label>
          <input id="u-first" class="input" name="firstName" data-testid="user-firstName" [(ngModel)]="m.firstName" />
          <kt-field-errors [error]="error()" field="firstName" />
        </div>
        <div class="field">
          <label class="label" for="u-last">{{ 'users.field.lastName' | t }}</label>
          <input id="u-last" class="input" name="lastName" data-testid="user-lastName" [(ngModel)]="m.lastName" />
          <kt-field-errors [error]="error()" field="lastName" />
        </div>
        <div class="field">
          <label class="label" for="u-email"
            >{{ 'users.field.email' | t }} <span class="muted">({{ 'common.optional' | t }})</span></label
          >
          <input id="u-email" class="input" dir="ltr" type="email" name="email" data-testid="user-email" [(ngModel)]="m.email" />
          <kt-field-errors [error]="error()" field="email" />
        </div>
        <div class="field">
          <label class="label" for="u-mobile"
            >{{ 'users.field.mobile' | t }} <span class="muted">({{ 'common.optional' | t }})</span></label
          >
          <input
            id="u-mobile"
            class="input"
            dir="ltr"
            inputmode="tel"
            name="mobile"
            placeholder="09121234567"
            data-testid="user-mobile"
            [(ngModel)]="m.mobile"
          />
          <kt-field-errors [error]="error()" field="mobile" />
        </div>
      </div>
      <p class="muted">{{ 'users.new.passwordNote' | t }}</p>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" data-testid="user-submit" [disabled]="busy()">
          {{ (busy() ? 'users.new.submitting' : 'users.new.submit') | t }}
        </button>
      </div>
    </form>
  `,
})
export class NewUserFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly agents = input.required<readonly AgentSummary[]>();
  /** Pre-selected agent (e.g. `?agentId=` from the agent page); else the first one listed. */
  readonly agentId = input<string | undefined>(undefined);
  readonly error = input<ApiError | null>(null);
  readonly busy = input(false);
  readonly submitted = output<NewUser>();

  protected readonly m = { agentId: '', username: '', firstName: '', lastName: '', email: '', mobile: '' };

  constructor() {
    effect(() => {
      const agents = this.agents();
      const wanted = this.agentId();
      if (!agents.some((a) => a.id === this.m.agentId)) {
        this.m.agentId = agents.find((a) => a.id === wanted)?.id ?? agents[0]?.id ?? '';
      }
    });
  }

  protected submit(): void {
    const m = this.m;
    this.submitted.emit({
      ...(m.agentId ? { agentId: m.agentId } : {}),
      username: m.username.trim(),
      firstName: m.firstName.trim(),
      lastName: m.lastName.trim(),
      ...(m.email.trim() ? { email: m.email.trim() } : {}),
      ...(m.mobile.trim() ? { mobile: m.mobile.trim() } : {}),
    });
  }
}
