import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { I18nService } from '../i18n/i18n.service';
import { TranslatePipe } from '../../shared/pipes/translate.pipe';
import { NotificationService } from './notification.service';

@Component({
  selector: 'kt-toasts',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toasts" aria-live="polite">
      @for (toast of notifications.toasts(); track toast.id) {
        <div
          class="toast"
          [class]="'toast toast-' + toast.kind"
          role="status"
          data-testid="toast"
          [attr.data-kind]="toast.kind"
          [attr.data-code]="toast.code"
        >
          <span class="toast-text">{{ i18n.text(toast.message) }}</span>
          <button
            type="button"
            class="toast-close"
            [attr.aria-label]="'common.dismiss' | t"
            (click)="notifications.dismiss(toast.id)"
          >
            ×
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .toasts {
      position: fixed;
      bottom: 1.25rem;
      left: 50%;
      translate: -50% 0;
      z-index: 50;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      width: min(32rem, calc(100vw - 2rem));
    }
    .toast {
      display: flex;
      align-items: flex-start;
      gap: 0.75rem;
      padding: 0.75rem 1rem;
      border-radius: 10px;
      box-shadow: 0 10px 30px rgb(15 23 42 / 0.18);
      color: #fff;
      background: #334155;
      font-size: 0.925rem;
    }
    .toast-error {
      background: #b91c1c;
    }
    .toast-success {
      background: #047857;
    }
    .toast-text {
      flex: 1;
    }
    .toast-close {
      background: none;
      border: 0;
      color: inherit;
      font-size: 1.25rem;
      line-height: 1;
      cursor: pointer;
      opacity: 0.8;
    }
  `,
})
export class ToastsComponent {
  protected readonly notifications = inject(NotificationService);
  protected readonly i18n = inject(I18nService);
}
