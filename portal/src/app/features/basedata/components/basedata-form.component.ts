import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AttributeField } from '../data/basedata-api.service';
import { BaseItemDraft } from '../data/basedata-drafts';

interface EditableDraft {
  code: string;
  nameFa: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
  attributes: Record<string, string | boolean>;
}

/** Create or edit one base-data item: names, order and the kind's own fields; errors under each field. */
@Component({
  selector: 'kt-basedata-form',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = model();
    <form class="card form bd-form" data-testid="basedata-form" (ngSubmit)="save.emit(d)" novalidate>
      <h2 class="card-title">{{ (editing() ? 'basedata.editTitle' : 'basedata.newTitle') | t }}</h2>
      <div class="form-row three">
        <div class="field">
          <label class="label" for="bd-code">{{ 'basedata.code' | t }}</label>
          <input
            id="bd-code"
            class="input"
            name="code"
            dir="ltr"
            data-testid="basedata-field-code"
            [(ngModel)]="d.code"
            [disabled]="editing()"
          />
          <kt-field-errors [error]="error()" field="code" />
        </div>
        <div class="field">
          <label class="label" for="bd-fa">{{ 'basedata.nameFa' | t }}</label>
          <input id="bd-fa" class="input" name="nameFa" data-testid="basedata-field-nameFa" [(ngModel)]="d.nameFa" />
          <kt-field-errors [error]="error()" field="nameFa" />
        </div>
        <div class="field">
          <label class="label" for="bd-en">{{ 'basedata.nameEn' | t }}</label>
          <input id="bd-en" class="input" name="nameEn" dir="ltr" data-testid="basedata-field-nameEn" [(ngModel)]="d.nameEn" />
          <kt-field-errors [error]="error()" field="nameEn" />
        </div>
      </div>
      <div class="form-row three">
        <div class="field">
          <label class="label" for="bd-order">{{ 'basedata.sortOrder' | t }}</label>
          <input
            id="bd-order"
            class="input"
            name="sortOrder"
            inputmode="numeric"
            dir="ltr"
            data-testid="basedata-field-sortOrder"
            [(ngModel)]="d.sortOrder"
          />
          <kt-field-errors [error]="error()" field="sortOrder" />
        </div>
        @for (f of fields(); track f.key) {
          <div class="field">
            @switch (f.type) {
              @case ('select') {
                <label class="label" [for]="'bd-' + f.key">{{ attrKey(f.key) | t }}</label>
                <select
                  class="input"
                  [id]="'bd-' + f.key"
                  [name]="f.key"
                  [attr.data-testid]="'basedata-field-' + f.key"
                  [(ngModel)]="d.attributes[f.key]"
                >
                  @for (o of f.options ?? []; track o) {
                    <option [value]="o">{{ o }}</option>
                  }
                </select>
              }
              @case ('boolean') {
                <label class="label check">
                  <input
                    type="checkbox"
                    [name]="f.key"
                    [attr.data-testid]="'basedata-field-' + f.key"
                    [(ngModel)]="d.attributes[f.key]"
                  />
                  {{ attrKey(f.key) | t }}
                </label>
              }
              @default {
                <label class="label" [for]="'bd-' + f.key">{{ attrKey(f.key) | t }}</label>
                <input
                  class="input"
                  [id]="'bd-' + f.key"
                  [name]="f.key"
                  [attr.dir]="f.type === 'jalali' ? null : 'ltr'"
                  [attr.data-testid]="'basedata-field-' + f.key"
                  [placeholder]="f.type === 'jalali' ? '۱۴۰۵/۰۱/۰۱' : ''"
                  [(ngModel)]="d.attributes[f.key]"
                />
              }
            }
            <kt-field-errors [error]="error()" [field]="'attributes.' + f.key" />
          </div>
        }
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="basedata-cancel" (click)="cancel.emit()">
          {{ 'basedata.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="basedata-save" [disabled]="saving()">
          @if (saving()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'basedata.save' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .bd-form {
      margin: 1rem 0;
      background: #fbfcfd;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      margin-top: 1.6rem;
    }
  `,
})
export class BaseDataFormComponent {
  readonly draft = input.required<BaseItemDraft>();
  readonly fields = input.required<readonly AttributeField[]>();
  readonly editing = input(false);
  readonly saving = input(false);
  readonly error = input<ApiError | null>(null);
  readonly save = output<BaseItemDraft>();
  readonly cancel = output();

  /** A private copy the inputs write into; a new draft from the store replaces it. */
  protected readonly model = linkedSignal<EditableDraft>(() => {
    const d = this.draft();
    return { ...d, attributes: { ...d.attributes } };
  });

  protected attrKey(key: string): MessageKey {
    return `basedata.attr.${key}` as MessageKey;
  }
}
