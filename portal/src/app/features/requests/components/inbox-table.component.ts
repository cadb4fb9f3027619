import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { InboxItem } from '../data/requests.models';
import { BaseDataNameComponent } from './basedata-name.component';
import { RequestStateComponent, SlaBadgeComponent } from './request-badges.component';
import { RequestLabelPipe } from './request-label.pipe';

/** The inbox's tasks with their requests; rows can be selected for bulk actions, claimed and opened. */
@Component({
  selector: 'kt-inbox-table',
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
      <table class="table" data-testid="inbox-table">
        <thead>
          <tr>
            <th class="sel">
              <input
                type="checkbox"
                data-testid="inbox-select-all"
                [attr.aria-label]="'inbox.selectAll' | t"
                [checked]="allSelected()"
                [indeterminate]="someSelected()"
                (change)="toggleAll($any($event.target).checked)"
              />
            </th>
            <th>{{ 'requests.number' | t }}</th>
            <th>{{ 'requests.type' | t }}</th>
            <th>{{ 'inbox.stage' | t }}</th>
            <th>{{ 'requests.merchant' | t }}</th>
            <th>{{ 'requests.psp' | t }}</th>
            <th>{{ 'requests.agent' | t }}</th>
            <th>{{ 'inbox.assignee' | t }}</th>
            <th>{{ 'inbox.sla' | t }}</th>
            <th>{{ 'inbox.since' | t }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (item of items(); track item.task.id) {
            <tr
              data-testid="inbox-row"
              [attr.data-request-id]="item.request.id"
              [attr.data-request-number]="item.request.number"
              [attr.data-task-id]="item.task.id"
              [attr.data-kind]="item.task.kind"
              [class.selected]="selected().includes(item.task.id)"
            >
              <td class="sel">
                <input
                  type="checkbox"
                  data-testid="inbox-select"
                  [attr.aria-label]="item.request.number"
                  [checked]="selected().includes(item.task.id)"
                  (change)="toggle(item.task.id, $any($event.target).checked)"
                />
              </td>
              <td class="nowrap">
                <a [routerLink]="['/requests', item.request.id]" data-testid="request-link" dir="ltr">{{
                  item.request.number | digits
                }}</a>
              </td>
              <td>{{ item.request.type | requestLabel: 'type' }}</td>
              <td>
                <span class="stage">{{ item.task.kind | requestLabel: 'kind' }}</span>
                <kt-request-state [state]="item.request.state" />
                @if (item.task.problem; as problem) {
                  <span
                    class="problem"
                    data-testid="inbox-problem"
                    [attr.data-code]="problem.code"
                    [title]="i18n.text(problem.text)"
                    >{{ i18n.text(problem.text) }}</span
                  >
                }
              </td>
              <td>{{ i18n.text(item.request.merchantName) || ('common.none' | t) }}</td>
              <td class="nowrap"><kt-basedata-name field="pspCode" [code]="item.request.pspCode" /></td>
              <td>{{ i18n.text(item.request.agentName) }}</td>
              <td data-testid="inbox-assignee">{{ item.task.assignee?.displayName ?? ('inbox.unassigned' | t) }}</td>
              <td><kt-sla-badge [task]="item.task" /></td>
              <td class="nowrap">{{ item.task.createdAt | jalali: 'short' }}</td>
              <td class="actions">
                @if (!item.task.assignee && claimable(item)) {
                  <button type="button" class="btn btn-ghost btn-sm" data-testid="inbox-claim" (click)="claim.emit(item)">
                    {{ 'requests.action.claim' | t }}
                  </button>
                }
                <a class="btn btn-ghost btn-sm" [routerLink]="['/requests', item.request.id]" data-testid="inbox-open">{{
                  'inbox.open' | t
                }}</a>
              </td>
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
    .sel {
      width: 2rem;
    }
    tr.selected {
      background: #eff6ff;
    }
    .stage {
      display: block;
      font-weight: 600;
      margin-bottom: 0.2rem;
    }
    .problem {
      display: block;
      max-width: 18rem;
      margin-top: 0.2rem;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      color: var(--danger);
      font-size: 0.8rem;
    }
    .nowrap {
      white-space: nowrap;
    }
    .actions {
      white-space: nowrap;
      text-align: end;
    }
  `,
})
export class InboxTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly items = input.required<readonly InboxItem[]>();
  readonly selected = input<readonly string[]>([]);
  /** The person's permissions: a task can be claimed by holders of its permission (not a correction). */
  readonly permissions = input<ReadonlySet<string>>(new Set());
  readonly selectionChange = output<readonly string[]>();
  readonly claim = output<InboxItem>();

  protected readonly allSelected = computed(
    () => this.items().length > 0 && this.items().every((i) => this.selected().includes(i.task.id)),
  );
  protected readonly someSelected = computed(() => !this.allSelected() && this.selected().length > 0);

  protected claimable(item: InboxItem): boolean {
    return item.task.kind !== 'correction' && this.permissions().has(item.task.permission);
  }

  protected toggle(taskId: string, on: boolean): void {
    const rest = this.selected().filter((id) => id !== taskId);
    this.selectionChange.emit(on ? [...rest, taskId] : rest);
  }

  protected toggleAll(on: boolean): void {
    this.selectionChange.emit(on ? this.items().map((i) => i.task.id) : []);
  }
}
