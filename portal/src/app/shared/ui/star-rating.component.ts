import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';

import { TranslatePipe } from '../pipes/translate.pipe';

/** Five stars: a read-only display, or a picker that emits the chosen score 1–5. */
@Component({
  selector: 'kt-star-rating',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="stars" [class.readonly]="readonly()" role="radiogroup" (mouseleave)="hovered.set(0)">
      @for (n of scores; track n) {
        <button
          type="button"
          class="star"
          role="radio"
          [class.on]="n <= shown()"
          [attr.aria-checked]="n === value()"
          [attr.aria-label]="'rating.star' | t: { n }"
          [attr.data-testid]="'rating-star-' + n"
          [disabled]="readonly()"
          (mouseenter)="readonly() || hovered.set(n)"
          (click)="choose(n)"
        >
          <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
            <path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z" />
          </svg>
        </button>
      }
    </span>
  `,
  styles: `
    .stars {
      display: inline-flex;
      gap: 0.15rem;
    }
    .star {
      background: none;
      border: 0;
      padding: 0.1rem;
      cursor: pointer;
      color: #cbd5e1;
      line-height: 0;
      border-radius: 6px;
    }
    .star svg {
      fill: currentColor;
    }
    .star.on {
      color: #f59e0b;
    }
    .star:focus-visible {
      outline: 2px solid var(--primary);
    }
    .readonly .star {
      cursor: default;
      padding: 0;
    }
    .readonly svg {
      width: 18px;
      height: 18px;
    }
    .star:disabled {
      opacity: 1;
    }
  `,
})
export class StarRatingComponent {
  readonly value = input(0);
  readonly readonly = input(false);
  readonly valueChange = output<number>();

  protected readonly scores = [1, 2, 3, 4, 5] as const;
  protected readonly hovered = signal(0);
  protected readonly shown = computed(() => this.hovered() || this.value());

  protected choose(score: number): void {
    if (this.readonly()) return;
    this.valueChange.emit(score);
  }
}
