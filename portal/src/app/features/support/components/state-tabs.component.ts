import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { TicketState } from '../../../core/api/api.models';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';

/** One tab per ticket state with its count; choosing the selected tab again shows all states. */
@Component({
  selector: 'kt-state-tabs',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tabs" role="tablist" data-testid="state-tabs">
      <button
        type="button"
        role="tab"
        class="tab"
        data-testid="state-tab-all"
        [class.active]="selected() === null"
        [attr.aria-selected]="selected() === null"
        (click)="selectedChange.emit(null)"
      >
        <span>{{ 'common.all' | t }}</span>
      </button>
      @for (item of counts(); track item.state) {
        <button
          type="button"
          role="tab"
          [class]="'tab tab-' + item.state"
          [class.active]="selected() === item.state"
          [attr.aria-selected]="selected() === item.state"
          [attr.data-testid]="'state-tab-' + item.state"
          (click)="selectedChange.emit(selected() === item.state ? null : item.state)"
        >
          <span>{{ label(item.state) | t }}</span>
          <span class="count" [attr.data-testid]="'count-' + item.state">{{ item.count | digits: 'group' }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    .tab {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem 0.9rem;
      border-radius: 999px;
      border: 1px solid var(--border);
      background: #fff;
      cursor: pointer;
      font: inherit;
      font-size: 0.9rem;
      color: var(--text);
    }
    .tab:hover {
      border-color: var(--primary);
    }
    .tab.active {
      background: var(--primary);
      border-color: var(--primary);
      color: #fff;
    }
    .count {
      min-width: 1.6rem;
      padding: 0 0.45rem;
      border-radius: 999px;
      background: #f1f5f9;
      color: var(--text);
      font-size: 0.8rem;
      font-weight: 700;
      text-align: center;
    }
    .tab.active .count {
      background: rgb(255 255 255 / 0.25);
      color: #fff;
    }
  `,
})
export class StateTabsComponent {
  readonly counts = input.required<readonly { state: TicketState; count: number }[]>();
  readonly selected = input<TicketState | null>(null);
  readonly selectedChange = output<TicketState | null>();

  protected label(state: TicketState) {
    return `state.${state}` as const;
  }
}
