import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { RequestState, RequestTask, TerminalState } from '../data/requests.models';
import { RequestLabelPipe } from './request-label.pipe';

/** A request's state as a coloured badge. */
@Component({
  selector: 'kt-request-state',
  imports: [RequestLabelPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'badge rq-state rq-' + state()" data-testid="request-state" [attr.data-state]="state()">{{
    state() | requestLabel: 'state'
  }}</span>`,
  styles: `
    .rq-draft,
    .rq-cancelled {
      background: #f1f5f9;
      color: #475569;
    }
    .rq-in_review,
    .rq-at_psp {
      background: #dbeafe;
      color: #1d4ed8;
    }
    .rq-returned,
    .rq-installing {
      background: #fef3c7;
      color: #b45309;
    }
    .rq-parked,
    .rq-rejected {
      background: #fee2e2;
      color: #b91c1c;
    }
    .rq-done {
      background: #dcfce7;
      color: #15803d;
    }
  `,
})
export class RequestStateComponent {
  readonly state = input.required<RequestState>();
}

/** A terminal's state as a badge. */
@Component({
  selector: 'kt-terminal-state',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'badge tm-' + state()" data-testid="terminal-state" [attr.data-state]="state()">{{
    label() | t
  }}</span>`,
  styles: `
    .tm-active {
      background: #dcfce7;
      color: #15803d;
    }
    .tm-pending,
    .tm-awaiting_device {
      background: #fef3c7;
      color: #b45309;
    }
    .tm-deactivated,
    .tm-collected {
      background: #f1f5f9;
      color: #475569;
    }
  `,
})
export class TerminalStateComponent {
  readonly state = input.required<TerminalState>();
  protected readonly label = computed(() => `terminals.state.${this.state()}` as const);
}

/** A task's SLA (ok / warning / critical / breached) with its due time; nothing when the stage has no SLA. */
@Component({
  selector: 'kt-sla-badge',
  imports: [TranslatePipe, JalaliDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (task(); as t) {
      @if (t.sla !== 'none' && t.dueAt) {
        <span
          [class]="'badge sla sla-' + t.sla"
          data-testid="sla-badge"
          [attr.data-sla]="t.sla"
          [title]="('inbox.sla.due' | t) + ' ' + (t.dueAt | jalali)"
          >{{ slaKey(t) | t }} · {{ t.dueAt | jalali: 'short' }}</span
        >
      }
      @if (t.escalated) {
        <span class="badge badge-escalated" data-testid="escalated-badge">{{ 'inbox.escalated' | t }}</span>
      }
    }
  `,
  styles: `
    .sla-ok {
      background: #dcfce7;
      color: #15803d;
    }
    .sla-warning {
      background: #fef3c7;
      color: #b45309;
    }
    .sla-critical {
      background: #ffedd5;
      color: #c2410c;
    }
    .sla-breached {
      background: #fee2e2;
      color: #b91c1c;
    }
    :host {
      display: inline-flex;
      gap: 0.3rem;
      flex-wrap: wrap;
    }
  `,
})
export class SlaBadgeComponent {
  readonly task = input<RequestTask | null>(null);
  protected slaKey(t: RequestTask) {
    return `inbox.sla.${t.sla}` as const;
  }
}
