import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { TimelineEvent } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';

const KNOWN_TYPES = new Set([
  'created',
  'claimed',
  'released',
  'answered',
  'replied',
  'sla_breached',
  'escalated',
  'closed',
  'rated',
]);

/** Who did what when: the ticket's history with Jalali date-times. */
@Component({
  selector: 'kt-ticket-timeline',
  imports: [JalaliDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" data-testid="timeline">
      @for (event of events(); track event.seq) {
        <li class="event" [class]="'event type-' + event.type" data-testid="timeline-item" [attr.data-type]="event.type">
          <span class="dot" aria-hidden="true"></span>
          <div class="event-text">
            <span class="what">{{ describe(event) }}</span>
            <span class="who" data-testid="timeline-actor"
              ><bdi>{{ event.actor?.displayName ?? ('timeline.system' | t) }}</bdi></span
            >
            <time [attr.datetime]="event.at">{{ event.at | jalali }}</time>
          </div>
        </li>
      } @empty {
        <li class="empty">{{ 'detail.noTimeline' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      position: relative;
    }
    .event {
      position: relative;
      display: flex;
      gap: 0.75rem;
      padding-bottom: 1rem;
    }
    .event:not(:last-child)::before {
      content: '';
      position: absolute;
      inset-inline-start: 0.4rem;
      top: 1rem;
      bottom: 0;
      width: 2px;
      background: var(--border);
    }
    .dot {
      flex: none;
      width: 0.85rem;
      height: 0.85rem;
      margin-top: 0.3rem;
      border-radius: 50%;
      background: var(--primary);
      box-shadow: 0 0 0 3px var(--primary-soft);
    }
    .type-sla_breached .dot,
    .type-escalated .dot {
      background: var(--danger);
      box-shadow: 0 0 0 3px #fee2e2;
    }
    .type-closed .dot {
      background: #64748b;
      box-shadow: 0 0 0 3px #e2e8f0;
    }
    .type-rated .dot {
      background: #f59e0b;
      box-shadow: 0 0 0 3px #fef3c7;
    }
    .event-text {
      display: flex;
      flex-direction: column;
      line-height: 1.55;
    }
    .what {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .who,
    time {
      font-size: 0.8rem;
      color: var(--muted);
    }
    .empty {
      color: var(--muted);
    }
  `,
})
export class TicketTimelineComponent {
  private readonly i18n = inject(I18nService);
  readonly events = input.required<readonly TimelineEvent[]>();

  protected describe(event: TimelineEvent): string {
    if (event.type === 'closed' && event.data?.['reason'] === 'auto') return this.i18n.t('timeline.closedAuto');
    if (event.type === 'rated') return this.i18n.t('timeline.rated', { score: Number(event.data?.['score'] ?? 0) });
    if (KNOWN_TYPES.has(event.type)) return this.i18n.t(`timeline.${event.type}` as MessageKey);
    return this.i18n.t('timeline.other', { type: event.type });
  }
}
