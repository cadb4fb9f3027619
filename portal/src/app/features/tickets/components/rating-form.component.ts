import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { StarRatingComponent } from '../../../shared/ui/star-rating.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';

export interface RatingDraft {
  readonly score: number;
  readonly comment: string;
}

/** 1–5 stars and an optional comment for a closed ticket. */
@Component({
  selector: 'kt-rating-form',
  imports: [FormsModule, StarRatingComponent, FieldErrorsComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="rating" data-testid="rating-form" (ngSubmit)="submit()">
      <p class="rating-title">{{ 'rating.title' | t }}</p>
      <kt-star-rating [value]="score()" (valueChange)="score.set($event)" />
      <kt-field-errors [error]="error()" field="score" />
      <label class="label" for="rating-comment">{{ 'rating.comment' | t }}</label>
      <textarea
        id="rating-comment"
        name="comment"
        class="input"
        rows="2"
        data-testid="rating-comment"
        [ngModel]="comment()"
        (ngModelChange)="comment.set($event)"
        [disabled]="busy()"
      ></textarea>
      <kt-field-errors [error]="error()" field="comment" />
      <div>
        <button type="submit" class="btn btn-primary" data-testid="action-rate" [disabled]="busy() || score() < 1">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'action.rate' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .rating {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    .rating textarea {
      width: 100%;
    }
    .rating-title {
      margin: 0;
      font-weight: 600;
    }
  `,
})
export class RatingFormComponent {
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly rate = output<RatingDraft>();

  protected readonly score = signal(0);
  protected readonly comment = signal('');

  protected submit(): void {
    if (this.score() < 1 || this.busy()) return;
    this.rate.emit({ score: this.score(), comment: this.comment().trim() });
  }
}
