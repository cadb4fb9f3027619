import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { MappingChange, MappingItem } from '../data/basedata-api.service';
import { changedMappings } from '../data/basedata-drafts';

/** Each item's code at the PSP, editable in place; save one row, clear it, or save every changed row at once. */
@Component({
  selector: 'kt-mapping-table',
  imports: [FormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bulk-bar">
      <span class="muted" data-testid="mapping-changed-count">
        {{ 'basedata.mapping.changed' | t: { count: changes().length } }}
      </span>
      <button
        type="button"
        class="btn btn-primary btn-sm"
        data-testid="mapping-save-all"
        [disabled]="changes().length === 0 || saving()"
        (click)="saveAll.emit(changes())"
      >
        @if (saving()) {
          <span class="spinner" aria-hidden="true"></span>
        }
        {{ 'basedata.mapping.saveAll' | t }}
      </button>
      <button
        type="button"
        class="btn btn-ghost btn-sm"
        data-testid="mapping-undo"
        [disabled]="changes().length === 0"
        (click)="undo()"
      >
        {{ 'basedata.mapping.undo' | t }}
      </button>
    </div>
    <table class="table" data-testid="mapping-table" [attr.aria-busy]="loading()">
      <thead>
        <tr>
          <th>{{ 'basedata.code' | t }}</th>
          <th>{{ 'basedata.name' | t }}</th>
          <th>{{ 'basedata.mapping.pspCode' | t }}</th>
          <th class="actions-col">
            <span class="sr-only">{{ 'basedata.actions' | t }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (m of items(); track m.code) {
          <tr [attr.data-testid]="'mapping-row-' + m.code" [class.changed]="isChanged(m)" [attr.data-mapped]="m.pspCode !== null">
            <td>
              <bdi dir="ltr" class="code">{{ m.code }}</bdi>
            </td>
            <td>
              {{ i18n.pick(m.nameFa, m.nameEn) }}
              @if (!m.active) {
                <span class="badge badge-neutral">{{ 'basedata.inactive' | t }}</span>
              }
            </td>
            <td>
              <input
                class="input code-input"
                dir="ltr"
                [attr.aria-label]="('basedata.mapping.pspCode' | t) + ' ' + m.code"
                [attr.data-testid]="'mapping-input-' + m.code"
                [placeholder]="'basedata.mapping.none' | t"
                [ngModel]="edits()[m.code]"
                (ngModelChange)="type(m.code, $event)"
                (keydown.enter)="saveRow(m)"
              />
            </td>
            <td class="actions-col">
              <button
                type="button"
                class="btn btn-primary btn-sm"
                [attr.data-testid]="'mapping-save-' + m.code"
                [disabled]="saving()"
                (click)="saveRow(m)"
              >
                {{ 'basedata.save' | t }}
              </button>
              @if (m.pspCode !== null) {
                <button
                  type="button"
                  class="btn btn-danger-ghost btn-sm"
                  [attr.data-testid]="'mapping-clear-' + m.code"
                  [disabled]="saving()"
                  (click)="save.emit({ kind: m.kind, code: m.code, pspCode: null })"
                >
                  {{ 'basedata.mapping.clear' | t }}
                </button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="empty" [attr.data-testid]="loading() ? 'list-loading' : 'list-empty'">
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
    .bulk-bar {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      justify-content: flex-end;
      padding: 0.75rem 1rem;
    }
    .bulk-bar .muted {
      margin-inline-end: auto;
    }
    .code {
      font-family: ui-monospace, monospace;
      font-size: 0.85rem;
    }
    .code-input {
      max-width: 12rem;
    }
    tr.changed td {
      background: #fffbeb;
    }
    .actions-col {
      text-align: end;
      white-space: nowrap;
    }
    .actions-col .btn + .btn {
      margin-inline-start: 0.25rem;
    }
  `,
})
export class MappingTableComponent {
  protected readonly i18n = inject(I18nService);
  readonly items = input.required<readonly MappingItem[]>();
  readonly loading = input(false);
  readonly saving = input(false);
  /** One row: set (`pspCode`) or clear (`null`). */
  readonly save = output<MappingChange>();
  /** Every row whose typed code differs from the saved one. */
  readonly saveAll = output<MappingChange[]>();

  /** What is typed per code; fresh rows from the API reset it. */
  protected readonly edits = linkedSignal<Record<string, string>>(() =>
    Object.fromEntries(this.items().map((i) => [i.code, i.pspCode ?? ''])),
  );
  protected readonly changes = computed(() => changedMappings(this.items(), this.edits()));

  protected type(code: string, value: string): void {
    this.edits.update((e) => ({ ...e, [code]: value }));
  }

  protected isChanged(m: MappingItem): boolean {
    return this.changes().some((c) => c.code === m.code);
  }

  protected saveRow(m: MappingItem): void {
    const typed = (this.edits()[m.code] ?? '').trim();
    this.save.emit({ kind: m.kind, code: m.code, pspCode: typed === '' ? null : typed });
  }

  protected undo(): void {
    this.edits.set(Object.fromEntries(this.items().map((i) => [i.code, i.pspCode ?? ''])));
  }
}
