import { ChangeDetectionStrategy, Component, OnInit, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentFormModel, agentFormModel, toAgentChanges } from '../data/agent-form';
import { AgentChanges, AgentDetail } from '../data/agents-api.service';

/** Names, legal details, contacts and domains of an agent; the API's field errors under each field. */
@Component({
  selector: 'kt-agent-edit-form',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" data-testid="agent-edit-form" (ngSubmit)="saved.emit(changes())" novalidate>
      <h3>{{ 'agents.section.identity' | t }}</h3>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="e-nameFa">{{ 'agents.field.nameFa' | t }}</label>
          <input id="e-nameFa" class="input" name="nameFa" data-testid="edit-nameFa" [(ngModel)]="m.nameFa" />
          <kt-field-errors [error]="error()" field="nameFa" />
        </div>
        <div class="field">
          <label class="label" for="e-nameEn">{{ 'agents.field.nameEn' | t }}</label>
          <input id="e-nameEn" class="input" dir="ltr" name="nameEn" data-testid="edit-nameEn" [(ngModel)]="m.nameEn" />
          <kt-field-errors [error]="error()" field="nameEn" />
        </div>
        <div class="field span">
          <label class="label" for="e-domains">{{ 'agents.field.domains' | t }}</label>
          <input id="e-domains" class="input" dir="ltr" name="domains" data-testid="edit-domains" [(ngModel)]="m.domains" />
          <p class="hint">{{ 'agents.edit.domainsHint' | t }}</p>
          @for (i of domainIndexes(); track i) {
            <kt-field-errors [error]="error()" [field]="'domains.' + i" />
          }
        </div>
      </div>
      <h3>{{ 'agents.section.legal' | t }}</h3>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="e-type">{{ 'agents.field.entityType' | t }}</label>
          <select id="e-type" class="input" name="entityType" data-testid="edit-entityType" [(ngModel)]="m.entityType">
            <option value="legal">{{ 'agents.entity.legal' | t }}</option>
            <option value="natural">{{ 'agents.entity.natural' | t }}</option>
          </select>
        </div>
        <div class="field">
          <label class="label" for="e-legalName">{{ 'agents.field.legalName' | t }}</label>
          <input id="e-legalName" class="input" name="legalName" data-testid="edit-legalName" [(ngModel)]="m.legalName" />
          <kt-field-errors [error]="error()" field="legal.legalName" />
        </div>
        <div class="field">
          <label class="label" for="e-legalId">{{
            (m.entityType === 'legal' ? 'agents.field.legalId' : 'agents.field.nationalCode') | t
          }}</label>
          <input id="e-legalId" class="input" dir="ltr" name="legalId" data-testid="edit-legalId" [(ngModel)]="m.legalId" />
          <kt-field-errors [error]="error()" [field]="m.entityType === 'legal' ? 'legal.legalId' : 'legal.nationalCode'" />
        </div>
        <div class="field">
          <label class="label" for="e-economic">{{ 'agents.field.economicCode' | t }}</label>
          <input id="e-economic" class="input" dir="ltr" name="economicCode" [(ngModel)]="m.economicCode" />
          <kt-field-errors [error]="error()" field="legal.economicCode" />
        </div>
        <div class="field">
          <label class="label" for="e-reg">{{ 'agents.field.registrationNo' | t }}</label>
          <input id="e-reg" class="input" dir="ltr" name="registrationNo" [(ngModel)]="m.registrationNo" />
          <kt-field-errors [error]="error()" field="legal.registrationNo" />
        </div>
        <div class="field">
          <label class="label" for="e-postal">{{ 'agents.field.postalCode' | t }}</label>
          <input
            id="e-postal"
            class="input"
            dir="ltr"
            name="postalCode"
            data-testid="edit-postalCode"
            [(ngModel)]="m.postalCode"
          />
          <kt-field-errors [error]="error()" field="legal.postalCode" />
        </div>
        <div class="field">
          <label class="label" for="e-phone">{{ 'agents.field.phone' | t }}</label>
          <input id="e-phone" class="input" dir="ltr" name="phone" data-testid="edit-phone" [(ngModel)]="m.phone" />
          <kt-field-errors [error]="error()" field="legal.phone" />
        </div>
        <div class="field span">
          <label class="label" for="e-address">{{ 'agents.field.address' | t }}</label>
          <input id="e-address" class="input" name="address" data-testid="edit-address" [(ngModel)]="m.address" />
          <kt-field-errors [error]="error()" field="legal.address" />
        </div>
      </div>
      <h3>{{ 'agents.section.contacts' | t }}</h3>
      @for (c of m.contacts; track $index; let i = $index) {
        <div class="form-row four contact" data-testid="edit-contact">
          <div class="field">
            <label class="label" [for]="'c-name-' + i">{{ 'agents.field.contactName' | t }}</label>
            <input [id]="'c-name-' + i" class="input" [name]="'cName' + i" [(ngModel)]="c.name" />
            <kt-field-errors [error]="error()" [field]="'contacts.' + i + '.name'" />
          </div>
          <div class="field">
            <label class="label" [for]="'c-role-' + i">{{ 'agents.field.contactRole' | t }}</label>
            <input [id]="'c-role-' + i" class="input" [name]="'cRole' + i" [(ngModel)]="c.role" />
          </div>
          <div class="field">
            <label class="label" [for]="'c-mobile-' + i">{{ 'agents.field.mobile' | t }}</label>
            <input
              [id]="'c-mobile-' + i"
              class="input"
              dir="ltr"
              [name]="'cMobile' + i"
              [attr.data-testid]="'edit-contact-mobile-' + i"
              [(ngModel)]="c.mobile"
            />
            <kt-field-errors [error]="error()" [field]="'contacts.' + i + '.mobile'" />
          </div>
          <div class="field">
            <label class="label" [for]="'c-email-' + i">{{ 'agents.field.email' | t }}</label>
            <input [id]="'c-email-' + i" class="input" dir="ltr" [name]="'cEmail' + i" [(ngModel)]="c.email" />
            <kt-field-errors [error]="error()" [field]="'contacts.' + i + '.email'" />
          </div>
          <button type="button" class="btn btn-danger-ghost btn-sm remove" (click)="m.contacts.splice(i, 1)">
            {{ 'agents.edit.removeContact' | t }}
          </button>
        </div>
      }
      <div>
        <button type="button" class="btn btn-ghost btn-sm" data-testid="edit-add-contact" (click)="addContact()">
          {{ 'agents.edit.addContact' | t }}
        </button>
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="edit-cancel" (click)="cancelled.emit()">
          {{ 'agents.edit.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="edit-save" [disabled]="busy()">
          {{ 'agents.edit.save' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    h3 {
      margin: 0.5rem 0 0;
      font-size: 0.95rem;
    }
    .contact {
      align-items: start;
      padding-block-end: 0.75rem;
      border-block-end: 1px dashed var(--border);
    }
    .remove {
      justify-self: start;
      margin-block-start: 1.65rem;
    }
  `,
})
export class AgentEditFormComponent implements OnInit {
  readonly agent = input.required<AgentDetail>();
  readonly error = input<ApiError | null>(null);
  readonly busy = input(false);
  readonly saved = output<AgentChanges>();
  readonly cancelled = output();

  protected m!: AgentFormModel;

  ngOnInit(): void {
    this.m = agentFormModel(this.agent());
  }

  protected changes(): AgentChanges {
    return toAgentChanges(this.m);
  }

  protected domainIndexes(): number[] {
    return Array.from({ length: Math.max(1, this.changes().domains?.length ?? 0) }, (_, i) => i);
  }

  protected addContact(): void {
    this.m.contacts.push({ name: '', role: '', mobile: '', email: '' });
  }
}
