import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TicketCategory, TicketSummary } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { StateBadgeComponent } from '../../../shared/ui/state-badge.component';
import { StarRatingComponent } from '../../../shared/ui/star-rating.component';

export interface TicketTableColumns {
  readonly requester?: boolean;
  readonly agent?: boolean;
  readonly assignee?: boolean;
  readonly sla?: boolean;
  readonly rating?: boolean;
  /** Last change (shown unless switched off). */
  readonly updated?: boolean;
}

/** A table of ticket summaries; each row links to the ticket. */
@Component({
  selector: 'kt-ticket-table',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, StateBadgeComponent, StarRatingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="ticket-table">
        <caption class="sr-only">
          {{
            'list.caption' | t
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'ticket.number' | t }}</th>
            <th scope="col">{{ 'ticket.subject' | t }}</th>
            <th scope="col">{{ 'ticket.state' | t }}</th>
            <th scope="col">{{ 'ticket.priority' | t }}</th>
            @if (columns().requester) {
              <th scope="col">{{ 'ticket.requester' | t }}</th>
            }
            @if (columns().assignee) {
              <th scope="col">{{ 'ticket.assignee' | t }}</th>
            }
            @if (columns().sla) {
              <th scope="col">{{ 'ticket.slaDue' | t }}</th>
            }
            @if (columns().updated !== false) {
              <th scope="col">{{ 'ticket.updatedAt' | t }}</th>
            }
            @if (columns().rating) {
              <th scope="col">{{ 'ticket.rating' | t }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (ticket of tickets(); track ticket.id) {
            <tr
              data-testid="ticket-row"
              [attr.data-ticket-id]="ticket.id"
              [attr.data-ticket-number]="ticket.number"
              [attr.data-state]="ticket.state"
            >
              <td class="num">
                <a [routerLink]="['/tickets', ticket.id]" data-testid="ticket-link">{{ ticket.number | digits }}</a>
              </td>
              <td class="subject">
                <a [routerLink]="['/tickets', ticket.id]" class="subject-link"
                  ><bdi>{{ ticket.subject | digits }}</bdi></a
                >
                <small class="muted">{{ categoryName(ticket.categoryCode) }}</small>
              </td>
              <td>
                <div class="badges">
                  <kt-state-badge [state]="ticket.state" />
                  @if (ticket.escalated) {
                    <span class="badge badge-escalated" data-testid="escalated-badge">{{ 'ticket.escalated' | t }}</span>
                  }
                </div>
              </td>
              <td>
                <span [class]="'prio prio-' + ticket.priority">{{ priorityLabel(ticket.priority) | t }}</span>
              </td>
              @if (columns().requester) {
                <td class="person">
                  <bdi>{{ ticket.requester.displayName }}</bdi>
                  @if (columns().agent) {
                    <small class="muted">{{ i18n.pick(ticket.agent.nameFa, ticket.agent.nameEn) }}</small>
                  }
                </td>
              }
              @if (columns().assignee) {
                <td data-testid="ticket-assignee">
                  @if (ticket.assignee; as assignee) {
                    <bdi>{{ assignee.displayName }}</bdi>
                  } @else {
                    <span class="muted">{{ 'ticket.unassigned' | t }}</span>
                  }
                </td>
              }
              @if (columns().sla) {
                <td class="nowrap sla" data-testid="ticket-sla" [class.overdue]="isOverdue(ticket)">
                  @if (ticket.state === 'open') {
                    <time [attr.datetime]="ticket.firstResponseDueAt">{{ ticket.firstResponseDueAt | jalali: 'short' }}</time>
                  } @else {
                    <span class="muted">—</span>
                  }
                  @if (isOverdue(ticket)) {
                    <span class="badge badge-overdue" data-testid="overdue-badge">{{ 'ticket.overdue' | t }}</span>
                  }
                </td>
              }
              @if (columns().updated !== false) {
                <td class="nowrap muted">
                  <time [attr.datetime]="ticket.updatedAt">{{ ticket.updatedAt | jalali: 'short' }}</time>
                </td>
              }
              @if (columns().rating) {
                <td>
                  @if (ticket.rating; as rating) {
                    <kt-star-rating [value]="rating.score" [readonly]="true" />
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table-wrap {
      overflow-x: auto;
    }
    .num a {
      font-weight: 700;
      color: var(--primary);
      text-decoration: none;
      font-variant-numeric: tabular-nums;
    }
    .subject {
      min-width: 12rem;
    }
    .person {
      white-space: nowrap;
    }
    .subject-link {
      display: block;
      color: var(--text);
      text-decoration: none;
      font-weight: 500;
    }
    .subject-link:hover {
      color: var(--primary);
    }
    .subject small {
      display: block;
      font-size: 0.78rem;
    }
    .nowrap {
      white-space: nowrap;
    }
    .person small {
      display: block;
      font-size: 0.78rem;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
      align-items: center;
      min-width: 7rem;
    }
    .sla time {
      display: block;
    }
    .sla .badge-overdue {
      margin: 0.2rem 0 0;
    }
    .overdue {
      color: var(--danger);
    }
  `,
})
export class TicketTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly tickets = input.required<readonly TicketSummary[]>();
  readonly categories = input<ReadonlyMap<string, TicketCategory>>(new Map());
  readonly columns = input<TicketTableColumns>({});
  /** The current time, passed in so the table stays pure; defaults to the moment it was created. */
  readonly now = input<number>(Date.now());

  protected readonly overdueIds = computed(() => {
    const now = this.now();
    return new Set(
      this.tickets()
        .filter((t) => t.state === 'open' && t.firstResponseDueAt && Date.parse(t.firstResponseDueAt) < now)
        .map((t) => t.id),
    );
  });

  protected isOverdue(ticket: TicketSummary): boolean {
    return this.overdueIds().has(ticket.id);
  }

  protected categoryName(code: string): string {
    const category = this.categories().get(code);
    return category ? this.i18n.pick(category.nameFa, category.nameEn) : code;
  }

  protected priorityLabel(priority: TicketSummary['priority']) {
    return `priority.${priority}` as const;
  }
}
