import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ShownPassword } from '../state/users.feature';

/** A temporary password shown once: copy button, a clear warning, and "done" to forget it. */
@Component({
  selector: 'kt-temporary-password',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card once" data-testid="temporary-password-card" [attr.data-reason]="shown().reason" role="status">
      <h2 class="card-title">
        {{ (shown().reason === 'created' ? 'users.password.createdTitle' : 'users.password.resetTitle') | t }}
      </h2>
      <p>{{ 'users.password.intro' | t: { username: shown().username } }}</p>
      <div class="secret">
        <code dir="ltr" data-testid="temporary-password">{{ shown().password }}</code>
        <button type="button" class="btn btn-sm" data-testid="copy-password" (click)="copy()">
          {{ (copied() ? 'users.password.copied' : 'users.password.copy') | t }}
        </button>
      </div>
      <p class="warn">{{ 'users.password.warning' | t }}</p>
      <button type="button" class="btn btn-primary btn-sm" data-testid="password-done" (click)="dismissed.emit()">
        {{ 'users.password.done' | t }}
      </button>
    </section>
  `,
  styles: `
    .once {
      border: 1px solid #fcd34d;
      background: #fffbeb;
      display: grid;
      gap: 0.6rem;
      justify-items: start;
    }
    .once p {
      margin: 0;
    }
    .secret {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .secret code {
      font-size: 1.15rem;
      letter-spacing: 0.05em;
      padding: 0.35rem 0.75rem;
      border-radius: 6px;
      background: #fff;
      border: 1px dashed #d97706;
      user-select: all;
    }
    .warn {
      color: #92400e;
      font-weight: 600;
    }
  `,
})
export class TemporaryPasswordComponent {
  private readonly document = inject(DOCUMENT);
  readonly shown = input.required<ShownPassword>();
  readonly dismissed = output();
  protected readonly copied = signal(false);

  protected copy(): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!clipboard) return;
    clipboard.writeText(this.shown().password).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }
}
