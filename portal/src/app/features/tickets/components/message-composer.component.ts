import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { MessageDraft } from '../state/tickets.actions';

/** Text (and an optional file) for an answer (support) or a reply (requester). */
@Component({
  selector: 'kt-message-composer',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="composer" data-testid="composer" [attr.data-mode]="mode()" (ngSubmit)="submit()">
      <label class="label" for="composer-body">{{
        (mode() === 'answer' ? 'composer.answerTitle' : 'composer.replyTitle') | t
      }}</label>
      <textarea
        id="composer-body"
        name="body"
        class="input"
        rows="4"
        data-testid="message-input"
        [placeholder]="(mode() === 'answer' ? 'composer.answerPlaceholder' : 'composer.replyPlaceholder') | t"
        [ngModel]="body()"
        (ngModelChange)="body.set($event)"
        [disabled]="busy()"
      ></textarea>
      <kt-field-errors [error]="error()" field="body" />
      <kt-field-errors [error]="error()" field="attachmentIds" />
      <div class="composer-bar">
        <label class="file-pick">
          <kt-icon name="clip" [size]="16" />
          <span class="file-name">{{ file()?.name ?? ('composer.attach' | t) }}</span>
          <input
            #fileInput
            type="file"
            data-testid="message-file"
            [attr.aria-label]="'composer.attach' | t"
            (change)="pickFile($event)"
            [disabled]="busy()"
          />
        </label>
        <button type="submit" class="btn btn-primary" [attr.data-testid]="'action-' + mode()" [disabled]="busy() || !canSend()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ (mode() === 'answer' ? 'action.answer' : 'action.reply') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .composer {
      display: grid;
      gap: 0.5rem;
    }
    .composer-bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
  `,
})
export class MessageComposerComponent {
  readonly mode = input.required<'answer' | 'reply'>();
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  /** Bumped by the page after each message that went through: the composer then clears itself. */
  readonly sentCount = input(0);
  readonly send = output<MessageDraft>();

  protected readonly body = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly canSend = computed(() => this.body().trim().length > 0);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  constructor() {
    let lastCount: number | null = null;
    effect(() => {
      const count = this.sentCount();
      if (lastCount !== null && count !== lastCount) this.clear();
      lastCount = count;
    });
  }

  protected pickFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.item(0) ?? null);
  }

  protected submit(): void {
    if (!this.canSend() || this.busy()) return;
    this.send.emit({ body: this.body().trim(), file: this.file() });
  }

  private clear(): void {
    this.body.set('');
    this.file.set(null);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }
}
