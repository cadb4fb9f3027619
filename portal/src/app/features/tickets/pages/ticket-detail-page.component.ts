import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { validationError } from '../../../core/api/api-error';
import { Attachment, TicketSummary } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { sessionFeature } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { StarRatingComponent } from '../../../shared/ui/star-rating.component';
import { StateBadgeComponent } from '../../../shared/ui/state-badge.component';
import { ConversationComponent } from '../components/conversation.component';
import { MessageComposerComponent } from '../components/message-composer.component';
import { RatingDraft, RatingFormComponent } from '../components/rating-form.component';
import { TicketTimelineComponent } from '../components/ticket-timeline.component';
import { MessageDraft, TicketDetailPageActions } from '../state/tickets.actions';
import { selectAllowedActions, selectCategoryNames, selectTicketDetail } from '../state/tickets.feature';

/** One ticket: conversation, details, timeline and the actions the API allows this person. */
@Component({
  selector: 'kt-ticket-detail-page',
  imports: [
    TranslatePipe,
    JalaliDatePipe,
    DigitsPipe,
    StateBadgeComponent,
    StarRatingComponent,
    ErrorBannerComponent,
    IconComponent,
    ConversationComponent,
    TicketTimelineComponent,
    MessageComposerComponent,
    RatingFormComponent,
    RouterLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (detail().ticket; as ticket) {
      <header class="page-head">
        <div class="title-block">
          <p class="eyebrow" data-testid="ticket-number" [attr.data-number]="ticket.number">
            {{ 'ticket.numberValue' | t: { number: ticket.number } }}
          </p>
          <h1 data-testid="ticket-subject">
            <bdi>{{ ticket.subject | digits }}</bdi>
          </h1>
          <div class="badges">
            <kt-state-badge [state]="ticket.state" />
            @if (ticket.escalated) {
              <span class="badge badge-escalated" data-testid="escalated-badge">{{ 'ticket.escalated' | t }}</span>
            }
            <span [class]="'prio prio-' + ticket.priority">{{ priorityLabel(ticket) | t }}</span>
          </div>
        </div>
        <div class="page-tools">
          <button type="button" class="btn btn-ghost" data-testid="refresh" [disabled]="detail().loading" (click)="refresh()">
            <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
          </button>
          @if (allowed().has('claim')) {
            <button type="button" class="btn btn-primary" data-testid="action-claim" [disabled]="busy()" (click)="claim()">
              {{ 'action.claim' | t }}
            </button>
          }
          @if (allowed().has('release')) {
            <button type="button" class="btn btn-ghost" data-testid="action-release" [disabled]="busy()" (click)="release()">
              {{ 'action.release' | t }}
            </button>
          }
          @if (allowed().has('close')) {
            <button
              type="button"
              class="btn btn-danger-ghost"
              data-testid="action-close"
              [disabled]="busy()"
              (click)="closeTicket()"
            >
              {{ 'action.close' | t }}
            </button>
          }
        </div>
      </header>

      <kt-error-banner [error]="validation()" />

      <div class="detail-grid">
        <div class="detail-main">
          <section class="card">
            <h2 class="card-title">{{ 'detail.conversation' | t }}</h2>
            <kt-conversation [messages]="ticket.messages" (download)="download($event)" />
          </section>

          @if (composerMode(); as mode) {
            <section class="card">
              <kt-message-composer
                [mode]="mode"
                [busy]="detail().pendingAction === mode"
                [error]="detail().actionError"
                [sentCount]="detail().messagesSent"
                (send)="sendMessage(mode, $event)"
              />
            </section>
          }

          @if (allowed().has('rate')) {
            <section class="card">
              <kt-rating-form [busy]="detail().pendingAction === 'rate'" [error]="detail().actionError" (rate)="rate($event)" />
            </section>
          } @else if (ticket.rating; as rating) {
            <section class="card rating-given" data-testid="ticket-rating" [attr.data-score]="rating.score">
              <kt-star-rating [value]="rating.score" [readonly]="true" />
              <span>{{ (isRequester() ? 'rating.given' : 'rating.requesterGave') | t: { score: rating.score } }}</span>
              @if (rating.comment) {
                <span class="rating-comment"
                  >«<bdi>{{ rating.comment | digits }}</bdi
                  >»</span
                >
              }
            </section>
          } @else if (ticket.state === 'closed') {
            <p class="muted closed-note">{{ 'detail.closedNotice' | t }}</p>
          }
        </div>

        <aside class="detail-side">
          <section class="card">
            <h2 class="card-title">{{ 'detail.details' | t }}</h2>
            <dl class="facts">
              <dt>{{ 'ticket.category' | t }}</dt>
              <dd data-testid="ticket-category">{{ categoryName() }}</dd>
              <dt>{{ 'ticket.requester' | t }}</dt>
              <dd data-testid="ticket-requester">
                <bdi>{{ ticket.requester.displayName }}</bdi>
              </dd>
              <dt>{{ 'ticket.agent' | t }}</dt>
              <dd>{{ i18n.pick(ticket.agent.nameFa, ticket.agent.nameEn) }}</dd>
              <dt>{{ 'ticket.assignee' | t }}</dt>
              <dd data-testid="ticket-assignee">
                <bdi>{{ ticket.assignee?.displayName ?? ('ticket.unassigned' | t) }}</bdi>
              </dd>
              <dt>{{ 'ticket.createdAt' | t }}</dt>
              <dd>{{ ticket.createdAt | jalali }}</dd>
              @if (ticket.firstResponseDueAt && ticket.state === 'open') {
                <dt>{{ 'ticket.slaDue' | t }}</dt>
                <dd data-testid="ticket-sla">{{ ticket.firstResponseDueAt | jalali }}</dd>
              }
              @if (ticket.closedAt) {
                <dt>{{ 'ticket.closedAt' | t }}</dt>
                <dd>{{ ticket.closedAt | jalali }}</dd>
              }
            </dl>
          </section>
          <section class="card">
            <h2 class="card-title">{{ 'detail.timeline' | t }}</h2>
            <kt-ticket-timeline [events]="ticket.timeline" />
          </section>
        </aside>
      </div>
    } @else if (detail().loadError; as error) {
      <section class="card">
        <kt-error-banner [error]="error" />
        @if (error.code === 'NOT_FOUND') {
          <a class="btn btn-ghost" routerLink="/" data-testid="back-home">{{ 'detail.backToList' | t }}</a>
        } @else {
          <button type="button" class="btn btn-ghost" (click)="refresh()">{{ 'common.retry' | t }}</button>
        }
      </section>
    } @else {
      <p class="empty" role="status">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .title-block {
      min-width: 0;
    }
    .eyebrow {
      margin: 0;
      color: var(--primary);
      font-weight: 700;
      font-size: 0.85rem;
    }
    h1 {
      overflow-wrap: anywhere;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
      margin-top: 0.5rem;
    }
    .detail-grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 20rem;
      gap: 1.25rem;
      align-items: start;
    }
    .detail-main,
    .detail-side {
      display: grid;
      gap: 1.25rem;
      min-width: 0;
    }
    .facts {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.55rem 1rem;
      margin: 0;
      font-size: 0.9rem;
    }
    .facts dt {
      color: var(--muted);
    }
    .facts dd {
      margin: 0;
      font-weight: 500;
    }
    .rating-given {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .rating-given .rating-comment {
      color: var(--muted);
    }
    .closed-note {
      text-align: center;
    }
    @media (max-width: 64rem) {
      .detail-grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class TicketDetailPageComponent {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly detail = this.store.selectSignal(selectTicketDetail);
  protected readonly allowed = this.store.selectSignal(selectAllowedActions);
  private readonly categories = this.store.selectSignal(selectCategoryNames);
  private readonly me = this.store.selectSignal(sessionFeature.selectMe);
  protected readonly isRequester = computed(() => this.detail().ticket?.requester.id === this.me()?.user.id);
  protected readonly busy = computed(() => this.detail().pendingAction !== null);
  /** Field errors of the last action (other errors are toasts). */
  protected readonly validation = computed(() => validationError(this.detail().actionError));
  protected readonly composerMode = computed((): 'answer' | 'reply' | null =>
    this.allowed().has('answer') ? 'answer' : this.allowed().has('reply') ? 'reply' : null,
  );
  protected readonly categoryName = computed(() => {
    const ticket = this.detail().ticket;
    if (!ticket) return '';
    const category = this.categories().get(ticket.categoryCode);
    return category ? this.i18n.pick(category.nameFa, category.nameEn) : ticket.categoryCode;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.dispatch(TicketDetailPageActions.opened({ id })));
    });
  }

  protected priorityLabel(ticket: TicketSummary) {
    return `priority.${ticket.priority}` as const;
  }

  protected refresh(): void {
    this.store.dispatch(TicketDetailPageActions.refreshClicked({ id: this.id() }));
  }

  protected claim(): void {
    this.store.dispatch(TicketDetailPageActions.claimClicked({ id: this.id() }));
  }

  protected release(): void {
    this.store.dispatch(TicketDetailPageActions.releaseClicked({ id: this.id() }));
  }

  protected closeTicket(): void {
    this.store.dispatch(TicketDetailPageActions.closeClicked({ id: this.id() }));
  }

  protected sendMessage(action: 'answer' | 'reply', draft: MessageDraft): void {
    this.store.dispatch(TicketDetailPageActions.messageSubmitted({ id: this.id(), action, draft }));
  }

  protected rate(draft: RatingDraft): void {
    this.store.dispatch(TicketDetailPageActions.ratingSubmitted({ id: this.id(), ...draft }));
  }

  protected download(attachment: Attachment): void {
    this.store.dispatch(TicketDetailPageActions.attachmentClicked({ attachment }));
  }
}
