import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgreementFormValues, agreementChange, agreementFormValues } from '../data/agreement-form';
import { Agreement, AgreementChange } from '../data/agreements-api.service';

/** Edit an agreement's title, validity, signature and PSP/model lists; a version conflict gets its own banner. */
@Component({
  selector: 'kt-agreement-edit-form',
  imports: [FormsModule, TranslatePipe, DigitsPipe, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let v = model();
    <form
      class="form"
      data-testid="agreement-edit-form"
      [attr.data-version]="agreement().version"
      (ngSubmit)="submit()"
      novalidate
    >
      @if (conflict()) {
        <div class="banner banner-error conflict" role="alert" data-testid="agreement-conflict">
          <p>
            <strong>{{ 'agreements.edit.conflictTitle' | t }}</strong>
            {{ 'agreements.edit.conflictBody' | t }}
          </p>
          <button type="button" class="btn btn-sm btn-primary" data-testid="agreement-reload" (click)="reload.emit()">
            {{ 'agreements.edit.reload' | t }}
          </button>
        </div>
      } @else {
        <kt-error-banner [error]="error()" />
      }
      <div class="field">
        <label class="label" for="ae-title">{{ 'agreements.field.title' | t }}</label>
        <input id="ae-title" class="input" name="title" [(ngModel)]="v.title" data-testid="agreement-edit-title" />
        <kt-field-errors [error]="error()" field="title" />
      </div>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="ae-from">{{ 'agreements.field.validFrom' | t }}</label>
          <input
            id="ae-from"
            class="input"
            name="from"
            placeholder="۱۴۰۴/۰۱/۰۱"
            [(ngModel)]="v.validFrom"
            data-testid="agreement-edit-from"
          />
          <kt-field-errors [error]="error()" field="validFrom" />
        </div>
        <div class="field">
          <label class="label" for="ae-to">{{ 'agreements.field.validTo' | t }}</label>
          <input
            id="ae-to"
            class="input"
            name="to"
            placeholder="۱۴۰۴/۱۲/۲۹"
            [(ngModel)]="v.validTo"
            data-testid="agreement-edit-to"
          />
          <kt-field-errors [error]="error()" field="validTo" />
        </div>
      </div>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="ae-psps">{{ 'agreements.terms.psps' | t }}</label>
          <input id="ae-psps" class="input" name="psps" dir="ltr" [(ngModel)]="v.psps" data-testid="agreement-edit-psps" />
          <kt-field-errors [error]="error()" field="terms.allowedPsps" />
        </div>
        <div class="field">
          <label class="label" for="ae-models">{{ 'agreements.terms.models' | t }}</label>
          <input
            id="ae-models"
            class="input"
            name="models"
            dir="ltr"
            [(ngModel)]="v.models"
            data-testid="agreement-edit-models"
          />
          <kt-field-errors [error]="error()" field="terms.allowedDeviceModels" />
        </div>
      </div>
      <div class="form-row two">
        <div class="field">
          <label class="label" for="ae-signed">{{ 'agreements.field.signedBy' | t }}</label>
          <input id="ae-signed" class="input" name="signed" [(ngModel)]="v.signedBy" data-testid="agreement-edit-signed-by" />
          <kt-field-errors [error]="error()" field="signedBy" />
        </div>
        <div class="field">
          <label class="label" for="ae-signed-on">{{ 'agreements.field.signedOn' | t }}</label>
          <input
            id="ae-signed-on"
            class="input"
            name="signedOn"
            placeholder="۱۴۰۴/۰۱/۰۱"
            [(ngModel)]="v.signedOn"
            data-testid="agreement-edit-signed-on"
          />
          <kt-field-errors [error]="error()" field="signedOn" />
        </div>
      </div>
      <p class="muted small">{{ 'agreements.edit.version' | t }} {{ agreement().version | digits }}</p>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="agreement-edit-cancel" (click)="cancel.emit()">
          {{ 'agreements.edit.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="agreement-edit-save" [disabled]="busy() || conflict()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'agreements.save' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .conflict {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    .conflict p {
      margin: 0;
    }
    .small {
      font-size: 0.85rem;
      margin: 0;
    }
  `,
})
export class AgreementEditFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly agreement = input.required<Agreement>();
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly conflict = input(false);
  readonly save = output<AgreementChange>();
  readonly reload = output();
  readonly cancel = output();

  /** Filled from the agreement; a newer version (after "reload") fills it again. */
  protected readonly model = linkedSignal<AgreementFormValues>(() =>
    agreementFormValues(
      this.agreement(),
      untracked(() => this.i18n.lang()),
    ),
  );

  protected submit(): void {
    if (!this.busy()) this.save.emit(agreementChange(this.agreement(), this.model()));
  }
}
