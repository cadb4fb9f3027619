import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import { IconComponent } from '../../shared/ui/icon.component';
import { TranslatePipe } from '../../shared/pipes/translate.pipe';

/** Top bar: who is signed in, for which agent, the language switch and sign-out. */
@Component({
  selector: 'kt-header',
  imports: [IconComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="header">
      <div class="who">
        <span class="avatar" aria-hidden="true">{{ initial() }}</span>
        <span class="who-text">
          <strong data-testid="user-name">{{ userName() }}</strong>
          <small data-testid="agent-name"><kt-icon name="building" [size]="14" /> {{ agentName() }}</small>
        </span>
      </div>
      <div class="tools">
        <button
          type="button"
          class="btn btn-ghost btn-sm"
          data-testid="lang-switch"
          [attr.aria-label]="'lang.otherLabel' | t"
          (click)="languageToggled.emit()"
        >
          <kt-icon name="globe" [size]="18" />
          <span>{{ 'lang.other' | t }}</span>
        </button>
        <button type="button" class="btn btn-ghost btn-sm" data-testid="logout" (click)="logoutClicked.emit()">
          <kt-icon name="logout" [size]="18" />
          <span>{{ 'auth.logout' | t }}</span>
        </button>
      </div>
    </header>
  `,
  styles: `
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.75rem 1.5rem;
      background: #fff;
      border-bottom: 1px solid var(--border);
      position: sticky;
      top: 0;
      z-index: 5;
    }
    .who {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      min-width: 0;
    }
    .avatar {
      display: grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      border-radius: 50%;
      background: var(--primary-soft);
      color: var(--primary);
      font-weight: 700;
    }
    .who-text {
      display: flex;
      flex-direction: column;
      line-height: 1.35;
      min-width: 0;
    }
    .who-text strong {
      font-size: 0.95rem;
    }
    .who-text small {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      color: var(--muted);
      font-size: 0.8rem;
    }
    .tools {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class HeaderComponent {
  readonly userName = input('');
  readonly agentName = input('');
  readonly languageToggled = output<void>();
  readonly logoutClicked = output<void>();

  protected readonly initial = computed(() => this.userName().trim().charAt(0).toUpperCase() || '؟');
}
