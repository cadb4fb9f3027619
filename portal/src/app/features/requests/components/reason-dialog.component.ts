import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';

import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';

/** Asks for the reason of a rejection or a return (the submitter reads it); confirm stays off while empty. */
@Component({
  selector: 'kt-reason-dialog',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="reason-dialog card" role="dialog" aria-modal="false" [attr.aria-label]="title() | t" data-testid="reason-dialog">
      <h3 class="card-title">{{ title() | t }}</h3>
      <label class="field">
        <span class="label">{{ 'requests.reason' | t }}</span>
        <textarea
          class="input"
          rows="3"
          data-testid="reason-input"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
        ></textarea>
        <span class="hint">{{ 'requests.reasonHint' | t }}</span>
      </label>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="reason-cancel" (click)="cancelled.emit()">
          {{ 'requests.dialog.cancel' | t }}
        </button>
        <button
          type="button"
          class="btn btn-danger"
          data-testid="reason-confirm"
          [disabled]="!reason().trim() || busy()"
          (click)="confirmed.emit(reason().trim())"
        >
          {{ confirmLabel() | t }}
        </button>
      </div>
    </div>
  `,
  styles: `
    .reason-dialog {
      border: 1px solid #fecaca;
      display: grid;
      gap: 0.75rem;
    }
  `,
})
export class ReasonDialogComponent {
  readonly title = input.required<MessageKey>();
  readonly confirmLabel = input.required<MessageKey>();
  readonly busy = input(false);
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();
  protected readonly reason = signal('');
}
