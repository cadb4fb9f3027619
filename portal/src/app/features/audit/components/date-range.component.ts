import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { DateRange } from '../data/audit.models';
import { dayStart } from '../state/audit-helpers';

/**
 * From/to calendar days. The portal has no Jalali date picker yet, so these are the browser's date
 * inputs (Gregorian); the chosen day is repeated in Jalali next to the label.
 */
@Component({
  selector: 'kt-date-range',
  imports: [TranslatePipe, JalaliDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="filter">
      <span class="label"
        >{{ 'audit.from' | t }} <small class="muted jalali">{{ jalali(range().fromDate) | jalali: 'date' }}</small></span
      >
      <input
        type="date"
        class="input"
        data-testid="filter-from"
        [value]="range().fromDate ?? ''"
        (change)="emit({ fromDate: $any($event.target).value || undefined })"
      />
    </label>
    <label class="filter">
      <span class="label"
        >{{ 'audit.to' | t }} <small class="muted jalali">{{ jalali(range().toDate) | jalali: 'date' }}</small></span
      >
      <input
        type="date"
        class="input"
        data-testid="filter-to"
        [value]="range().toDate ?? ''"
        (change)="emit({ toDate: $any($event.target).value || undefined })"
      />
    </label>
  `,
  styles: `
    :host {
      display: contents;
    }
    .jalali {
      font-weight: 400;
      font-size: 0.75rem;
    }
  `,
})
export class DateRangeComponent {
  readonly range = input.required<DateRange>();
  readonly rangeChange = output<DateRange>();

  protected jalali(day: string | undefined): string | null {
    return dayStart(day) ?? null;
  }

  protected emit(patch: DateRange): void {
    this.rangeChange.emit({ ...this.range(), ...patch });
  }
}
