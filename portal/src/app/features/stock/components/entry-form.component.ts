import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { DeviceModelOption, EntryDraft, serialsFromText } from '../data/stock.models';

/** The entry document form: serials pasted (one a line) or a CSV file, the model of lines that name none, a note. */
@Component({
  selector: 'kt-entry-form',
  imports: [TranslatePipe, DigitsPipe, FieldErrorsComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" data-testid="entry-form" (submit)="$event.preventDefault(); submit()">
      <div class="tabs" role="tablist">
        <button
          type="button"
          class="tab"
          role="tab"
          data-testid="entry-mode-paste"
          [class.active]="mode() === 'paste'"
          [attr.aria-selected]="mode() === 'paste'"
          (click)="mode.set('paste')"
        >
          {{ 'stock.entry.paste' | t }}
        </button>
        <button
          type="button"
          class="tab"
          role="tab"
          data-testid="entry-mode-file"
          [class.active]="mode() === 'file'"
          [attr.aria-selected]="mode() === 'file'"
          (click)="mode.set('file')"
        >
          {{ 'stock.entry.file' | t }}
        </button>
      </div>
      <label class="field">
        <span class="label">{{ 'stock.entry.model' | t }}</span>
        <select class="input" data-testid="entry-model" [value]="model()" (change)="model.set($any($event.target).value)">
          <option value="">{{ 'stock.entry.modelChoose' | t }}</option>
          @for (m of models(); track m.code) {
            <option [value]="m.code">{{ i18n.pick(m.nameFa, m.nameEn) }}</option>
          }
        </select>
        <kt-field-errors [error]="error()" field="deviceModel" />
      </label>
      @if (mode() === 'paste') {
        <label class="field">
          <span class="label">{{ 'stock.entry.serials' | t }}</span>
          <textarea
            class="input mono"
            rows="8"
            dir="ltr"
            data-testid="entry-serials"
            [placeholder]="'stock.entry.serialsHint' | t"
            [value]="text()"
            (input)="text.set($any($event.target).value)"
          ></textarea>
          <span class="hint" data-testid="entry-count">{{ 'stock.entry.count' | t: { count: count() } }}</span>
          <kt-field-errors [error]="error()" field="serials" />
        </label>
      } @else {
        <div class="field">
          <span class="label">{{ 'stock.entry.csv' | t }}</span>
          <label class="file-pick boxed">
            <input type="file" accept=".csv,text/csv,text/plain" data-testid="entry-file" (change)="pick($event)" />
            <span class="file-name">{{ file()?.name ?? ('stock.entry.chooseFile' | t) }}</span>
          </label>
          <span class="hint">{{ 'stock.entry.csvHint' | t }}</span>
          <kt-field-errors [error]="error()" field="file" />
        </div>
      }
      <label class="field">
        <span class="label">{{ 'stock.entry.note' | t }}</span>
        <input
          class="input"
          data-testid="entry-note"
          maxlength="1000"
          [value]="note()"
          (input)="note.set($any($event.target).value)"
        />
      </label>
      <kt-error-banner [error]="bannerError()" />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" data-testid="entry-submit" [disabled]="busy() || !ready()">
          {{ (busy() ? 'stock.entry.sending' : 'stock.entry.submit') | t }}
        </button>
        @if (mode() === 'paste' && count() > 0) {
          <span class="muted">{{ count() | digits: 'group' }} {{ 'stock.serialsUnit' | t }}</span>
        }
      </div>
    </form>
  `,
})
export class EntryFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly models = input<readonly DeviceModelOption[]>([]);
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly submitted = output<EntryDraft>();

  protected readonly mode = signal<'paste' | 'file'>('paste');
  protected readonly model = signal('');
  protected readonly text = signal('');
  protected readonly note = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly count = computed(() => serialsFromText(this.text()).length);
  protected readonly ready = computed(() => (this.mode() === 'paste' ? this.count() > 0 && !!this.model() : !!this.file()));
  /** Field errors show beside their fields; other errors in the banner. */
  protected readonly bannerError = computed(() => {
    const e = this.error();
    return e && e.code !== 'VALIDATION_FAILED' ? e : null;
  });

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected submit(): void {
    if (!this.ready()) return;
    const note = this.note().trim() || undefined;
    this.submitted.emit(
      this.mode() === 'paste'
        ? { deviceModel: this.model(), serials: serialsFromText(this.text()), note }
        : { deviceModel: this.model(), file: this.file()!, note },
    );
  }
}
