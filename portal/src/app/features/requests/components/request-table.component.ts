import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { RequestSummary } from '../data/requests.models';
import { BaseDataNameComponent } from './basedata-name.component';
import { RequestStateComponent, SlaBadgeComponent } from './request-badges.component';
import { RequestLabelPipe } from './request-label.pipe';

/** Requests in a table (the requests list, a terminal's requests). */
@Component({
  selector: 'kt-request-table',
  imports: [
    RouterLink,
    TranslatePipe,
    DigitsPipe,
    JalaliDatePipe,
    RequestLabelPipe,
    RequestStateComponent,
    SlaBadgeComponent,
    BaseDataNameComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-wrap">
      <table class="table" data-testid="request-table">
        <thead>
          <tr>
            <th>{{ 'requests.number' | t }}</th>
            <th>{{ 'requests.type' | t }}</th>
            <th>{{ 'requests.state' | t }}</th>
            <th>{{ 'requests.merchant' | t }}</th>
            <th>{{ 'requests.psp' | t }}</th>
            <th>{{ 'requests.agent' | t }}</th>
            <th>{{ 'requests.submitter' | t }}</th>
            <th>{{ 'inbox.stage' | t }}</th>
            <th>{{ 'requests.updatedAt' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of items(); track r.id) {
            <tr data-testid="request-row" [attr.data-request-id]="r.id" [attr.data-state]="r.state" [attr.data-type]="r.type">
              <td class="nowrap">
                <a [routerLink]="['/requests', r.id]" data-testid="request-link" dir="ltr">{{ r.number | digits }}</a>
              </td>
              <td>{{ r.type | requestLabel: 'type' }}</td>
              <td><kt-request-state [state]="r.state" /></td>
              <td>{{ i18n.text(r.merchantName) || ('common.none' | t) }}</td>
              <td class="nowrap"><kt-basedata-name field="pspCode" [code]="r.pspCode" /></td>
              <td>{{ i18n.text(r.agentName) }}</td>
              <td>{{ r.submitter.displayName }}</td>
              <td>
                @if (r.openTask; as task) {
                  {{ task.kind | requestLabel: 'kind' }}
                  <kt-sla-badge [task]="task" />
                } @else {
                  {{ 'common.none' | t }}
                }
              </td>
              <td class="nowrap">{{ r.updatedAt | jalali: 'short' }}</td>
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
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class RequestTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly items = input.required<readonly RequestSummary[]>();
}
