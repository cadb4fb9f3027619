import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TicketState } from '../../core/api/api.models';
import { TranslatePipe } from '../pipes/translate.pipe';

@Component({
  selector: 'kt-state-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'badge state-' + state()" data-testid="ticket-state" [attr.data-state]="state()">{{
    label() | t
  }}</span>`,
})
export class StateBadgeComponent {
  readonly state = input.required<TicketState>();
  protected readonly label = computed(() => `state.${this.state()}` as const);
}
