import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { BaseItem } from '../data/basedata-api.service';
import { itemDetails } from '../data/basedata-drafts';
import { ConnectionTestState } from '../state/basedata.feature';

/** The items of one kind: code (as typed, Latin), name in the language, attributes, status, actions. */
@Component({
  selector: 'kt-basedata-table',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table" data-testid="basedata-table" [attr.aria-busy]="loading()">
      <thead>
        <tr>
          <th>{{ 'basedata.code' | t }}</th>
          <th>{{ 'basedata.name' | t }}</th>
          <th>{{ 'basedata.details' | t }}</th>
          <th>{{ 'basedata.status' | t }}</th>
          <th class="actions-col">
            <span class="sr-only">{{ 'basedata.actions' | t }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (item of items(); track item.code) {
          <tr [attr.data-testid]="'basedata-row-' + item.code" [class.inactive]="!item.active">
            <td>
              <bdi dir="ltr" class="code">{{ item.code }}</bdi>
            </td>
            <td>{{ i18n.pick(item.nameFa, item.nameEn) }}</td>
            <td>
              {{ details(item) | digits }}
              @if (connectionTests()[item.code]; as test) {
                @if (!test.running) {
                  <div
                    class="conn"
                    role="status"
                    [class.conn-ok]="test.result?.ok"
                    [class.conn-bad]="!test.result?.ok"
                    [attr.data-testid]="'basedata-test-result-' + item.code"
                    [attr.data-ok]="test.result?.ok ?? false"
                  >
                    @if (test.result?.ok) {
                      {{ 'basedata.testOk' | t }} ({{ test.result!.latencyMs | digits }} {{ 'basedata.ms' | t }})
                    } @else {
                      {{ 'basedata.testFailed' | t }} {{ failureText(test) }}
                    }
                  </div>
                }
              }
            </td>
            <td>
              <span
                class="badge"
                [class.badge-scope]="item.active"
                [class.badge-neutral]="!item.active"
                [attr.data-active]="item.active"
                >{{ (item.active ? 'basedata.active' : 'basedata.inactive') | t }}</span
              >
            </td>
            <td class="actions-col">
              @if (item.kind === 'psp') {
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  [attr.data-testid]="'basedata-test-' + item.code"
                  [disabled]="connectionTests()[item.code]?.running"
                  (click)="testConnection.emit(item)"
                >
                  @if (connectionTests()[item.code]?.running) {
                    <span class="spinner" aria-hidden="true"></span>
                  }
                  {{ 'basedata.testConnection' | t }}
                </button>
              }
              <button
                type="button"
                class="btn btn-ghost btn-sm"
                [attr.data-testid]="'basedata-edit-' + item.code"
                (click)="edit.emit(item)"
              >
                {{ 'basedata.edit' | t }}
              </button>
              <button
                type="button"
                class="btn btn-sm"
                [class.btn-danger-ghost]="item.active"
                [class.btn-ghost]="!item.active"
                [attr.data-testid]="'basedata-toggle-' + item.code"
                (click)="toggle.emit(item)"
              >
                {{ (item.active ? 'basedata.deactivate' : 'basedata.activate') | t }}
              </button>
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5" class="empty" [attr.data-testid]="loading() ? 'list-loading' : 'list-empty'">
              @if (loading()) {
                <span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}
              } @else {
                {{ 'basedata.empty' | t }}
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .code {
      font-family: ui-monospace, monospace;
      font-size: 0.85rem;
    }
    .inactive td {
      color: var(--muted);
    }
    .actions-col {
      text-align: end;
      white-space: nowrap;
    }
    .actions-col .btn + .btn {
      margin-inline-start: 0.25rem;
    }
    .conn {
      margin-top: 0.3rem;
      font-size: 0.85rem;
    }
    .conn-ok {
      color: var(--primary);
    }
    .conn-bad {
      color: var(--danger);
    }
  `,
})
export class BaseDataTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly items = input.required<readonly BaseItem[]>();
  readonly loading = input(false);
  readonly edit = output<BaseItem>();
  readonly toggle = output<BaseItem>();
  /** PSP rows only: the connection test of each PSP (by code). */
  readonly connectionTests = input<Readonly<Record<string, ConnectionTestState>>>({});
  readonly testConnection = output<BaseItem>();

  protected details(item: BaseItem): string {
    return itemDetails(item);
  }

  /** Why the test failed, in the current language: the PSP's classified failure or the API's refusal. */
  protected failureText(test: ConnectionTestState): string {
    const message = test.result?.failure?.message ?? test.error?.message;
    return message ? this.i18n.pick(message.fa, message.en) : '';
  }
}
