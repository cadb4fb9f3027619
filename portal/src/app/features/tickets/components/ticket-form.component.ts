import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { ApiError, validationError } from '../../../core/api/api-error';
import { TICKET_PRIORITIES, TicketCategory, TicketPriority } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { TicketDraft } from '../state/tickets.actions';

export const SUBJECT_MAX_LENGTH = 200;

/** The new-ticket form: category, subject, description, priority and an optional attachment. */
@Component({
  selector: 'kt-ticket-form',
  imports: [ReactiveFormsModule, TranslatePipe, FieldErrorsComponent, ErrorBannerComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" data-testid="new-ticket-form" novalidate>
      <kt-error-banner [error]="validation()" />
      <div class="form-row two">
        <div class="field">
          <label class="label" for="nt-category">{{ 'ticket.category' | t }}</label>
          <select id="nt-category" class="input" formControlName="categoryCode" data-testid="new-ticket-category">
            <option value="" disabled>{{ 'newTicket.categoryPlaceholder' | t }}</option>
            @for (category of categories(); track category.code) {
              <option [value]="category.code">{{ i18n.pick(category.nameFa, category.nameEn) }}</option>
            }
          </select>
          @if (showRequired('categoryCode')) {
            <p class="field-error" data-testid="field-error-categoryCode">{{ 'validation.required' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="categoryCode" />
        </div>
        <div class="field">
          <label class="label" for="nt-priority">{{ 'ticket.priority' | t }}</label>
          <select id="nt-priority" class="input" formControlName="priority" data-testid="new-ticket-priority">
            @for (priority of priorities; track priority) {
              <option [value]="priority">{{ priorityLabel(priority) | t }}</option>
            }
          </select>
          <kt-field-errors [error]="error()" field="priority" />
        </div>
      </div>
      <div class="field">
        <label class="label" for="nt-subject">{{ 'ticket.subject' | t }}</label>
        <input
          id="nt-subject"
          class="input"
          formControlName="subject"
          data-testid="new-ticket-subject"
          autocomplete="off"
          [maxlength]="subjectMax"
          [placeholder]="'newTicket.subjectPlaceholder' | t"
        />
        @if (showRequired('subject')) {
          <p class="field-error" data-testid="field-error-subject">{{ 'validation.required' | t }}</p>
        }
        <kt-field-errors [error]="error()" field="subject" />
      </div>
      <div class="field">
        <label class="label" for="nt-body">{{ 'newTicket.body' | t }}</label>
        <textarea
          id="nt-body"
          class="input"
          rows="7"
          formControlName="body"
          data-testid="new-ticket-body"
          [placeholder]="'newTicket.bodyPlaceholder' | t"
        ></textarea>
        @if (showRequired('body')) {
          <p class="field-error" data-testid="field-error-body">{{ 'validation.required' | t }}</p>
        }
        <kt-field-errors [error]="error()" field="body" />
      </div>
      <div class="field">
        <span class="label"
          >{{ 'newTicket.attachment' | t }} <small class="muted">({{ 'common.optional' | t }})</small></span
        >
        <label class="file-pick boxed">
          <kt-icon name="clip" [size]="16" />
          <span class="file-name">{{ file()?.name ?? ('composer.attach' | t) }}</span>
          <input
            type="file"
            data-testid="new-ticket-file"
            [attr.aria-label]="'newTicket.attachment' | t"
            (change)="pickFile($event)"
            [disabled]="busy()"
          />
        </label>
        <kt-field-errors [error]="error()" field="attachmentIds" />
        <kt-field-errors [error]="error()" field="file" />
      </div>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" data-testid="new-ticket-submit" [disabled]="busy()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
            {{ 'newTicket.submitting' | t }}
          } @else {
            {{ 'newTicket.submit' | t }}
          }
        </button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      gap: 1.1rem;
    }
    .form-row.two {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 1rem;
    }
    .field {
      display: grid;
      gap: 0.35rem;
      justify-items: stretch;
    }
    .file-pick {
      justify-self: start;
    }
    .form-actions {
      display: flex;
      justify-content: flex-end;
    }
    @media (max-width: 40rem) {
      .form-row.two {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class TicketFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly categories = input.required<readonly TicketCategory[]>();
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly submitted = output<TicketDraft>();
  /** Only validation failures belong to the form; other errors are toasts. */
  protected readonly validation = computed(() => validationError(this.error()));

  protected readonly priorities = TICKET_PRIORITIES;
  protected readonly subjectMax = SUBJECT_MAX_LENGTH;
  protected readonly file = signal<File | null>(null);
  private readonly triedToSubmit = signal(false);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    categoryCode: ['', Validators.required],
    subject: ['', [Validators.required, Validators.maxLength(SUBJECT_MAX_LENGTH)]],
    body: ['', Validators.required],
    priority: this.fb.control<TicketPriority>('normal'),
  });

  protected priorityLabel(priority: TicketPriority) {
    return `priority.${priority}` as const;
  }

  protected showRequired(name: 'categoryCode' | 'subject' | 'body'): boolean {
    const control = this.form.controls[name];
    return this.triedToSubmit() && control.hasError('required');
  }

  protected pickFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.item(0) ?? null);
  }

  protected submit(): void {
    this.triedToSubmit.set(true);
    // Whitespace-only text counts as empty.
    for (const name of ['subject', 'body'] as const) {
      const control = this.form.controls[name];
      if (control.value.trim() === '' && control.value !== '') control.setValue('');
    }
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    this.submitted.emit({
      categoryCode: value.categoryCode,
      subject: value.subject.trim(),
      body: value.body.trim(),
      priority: value.priority,
      file: this.file(),
    });
  }
}
