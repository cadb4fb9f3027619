import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { baseDataName } from '../data/basedata-names';
import { requestsFeature } from '../state/requests.feature';

/**
 * A base-data code (a PSP, a device model, a reason) by its name in the reader's language, the code in
 * the tooltip and in `data-code`; a code the lists cannot name (yet) shows as written, left to right.
 * One lookup (data/basedata-names.ts) over the lists the request area holds.
 */
@Component({
  selector: 'kt-basedata-name',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (name(); as n) {
      <bdi [title]="code()" [attr.data-code]="code()">{{ i18n.text(n) }}</bdi>
    } @else {
      <bdi dir="ltr" [attr.data-code]="code() || null">{{ code() || '—' }}</bdi>
    }
  `,
})
export class BaseDataNameComponent {
  protected readonly i18n = inject(I18nService);
  private readonly lists = inject(Store).selectSignal(requestsFeature.selectBaseDataLists);
  /** The field the code belongs to (`pspCode`, `deviceModel`, `reason`): which lists name it. */
  readonly field = input.required<string>();
  readonly code = input<string | null | undefined>(null);
  protected readonly name = computed(() => baseDataName(this.field(), this.code(), this.lists()));
}
