import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { MenuGroupAdmin, MenuGroupInput, MenuItemAdmin, MenuItemInput } from '../data/access.models';

interface Draft {
  groupKey: string;
  icon: string;
  labelFa: string;
  labelEn: string;
}

export type MenuMove = { readonly kind: 'group' | 'item'; readonly key: string; readonly direction: -1 | 1 };

/** One module group of the menu admin: its heading (editable, movable) and its items (editable, movable, on/off). */
@Component({
  selector: 'kt-menu-section',
  imports: [TranslatePipe, IconComponent, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card card-flush" [attr.data-testid]="'menu-admin-group-' + (group()?.key ?? 'none')">
      <header class="section-head">
        @if (group(); as group) {
          @if (editing() === group.key) {
            <div class="inline-form" data-testid="menu-group-form">
              <input
                class="input icon-input"
                dir="ltr"
                [value]="draft().icon"
                (input)="set('icon', $event)"
                [attr.aria-label]="'menuAdmin.icon' | t"
              />
              <input
                class="input"
                dir="rtl"
                [value]="draft().labelFa"
                (input)="set('labelFa', $event)"
                data-testid="menu-group-label-fa"
                [attr.aria-label]="'menuAdmin.labelFa' | t"
              />
              <input
                class="input"
                dir="ltr"
                [value]="draft().labelEn"
                (input)="set('labelEn', $event)"
                data-testid="menu-group-label-en"
                [attr.aria-label]="'menuAdmin.labelEn' | t"
              />
              <button
                type="button"
                class="btn btn-sm btn-primary"
                data-testid="menu-group-save"
                [disabled]="busy()"
                (click)="saveGroup(group)"
              >
                {{ 'access.save' | t }}
              </button>
              <button type="button" class="btn btn-sm btn-ghost" (click)="editing.set(null)">{{ 'access.cancel' | t }}</button>
            </div>
          } @else {
            <h2 class="section-title">
              <kt-icon [name]="group.icon" [size]="18" />
              <span>{{ i18n.pick(group.labelFa, group.labelEn) }}</span>
              <code class="code">{{ group.key }}</code>
            </h2>
            <span class="row-tools">
              <button
                type="button"
                class="btn btn-sm btn-ghost icon-btn"
                [disabled]="busy() || first()"
                [attr.aria-label]="'menuAdmin.up' | t"
                data-testid="menu-group-up"
                (click)="moved.emit({ kind: 'group', key: group.key, direction: -1 })"
              >
                <kt-icon name="up" [size]="16" />
              </button>
              <button
                type="button"
                class="btn btn-sm btn-ghost icon-btn"
                [disabled]="busy() || last()"
                [attr.aria-label]="'menuAdmin.down' | t"
                data-testid="menu-group-down"
                (click)="moved.emit({ kind: 'group', key: group.key, direction: 1 })"
              >
                <kt-icon name="down" [size]="16" />
              </button>
              <button type="button" class="btn btn-sm btn-ghost" data-testid="menu-group-edit" (click)="edit(group.key, group)">
                {{ 'access.edit' | t }}
              </button>
            </span>
          }
        } @else {
          <h2 class="section-title muted">{{ 'menuAdmin.noGroup' | t }}</h2>
        }
      </header>
      @if (error(); as error) {
        <kt-error-banner [error]="error" />
      }
      <table class="table">
        <thead>
          <tr>
            <th>{{ 'menuAdmin.item' | t }}</th>
            <th>{{ 'menuAdmin.route' | t }}</th>
            <th>{{ 'menuAdmin.permission' | t }}</th>
            <th>{{ 'menuAdmin.active' | t }}</th>
            <th class="actions-col">
              <span class="sr-only">{{ 'access.actions' | t }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (item of items(); track item.key; let i = $index, isLast = $last) {
            <tr data-testid="menu-admin-item" [attr.data-key]="item.key" [class.inactive]="!item.active">
              @if (editing() === item.key) {
                <td colspan="5">
                  <div class="inline-form" data-testid="menu-item-form">
                    <select
                      class="input"
                      [value]="draft().groupKey"
                      (change)="set('groupKey', $event)"
                      data-testid="menu-item-group"
                      [attr.aria-label]="'menuAdmin.group' | t"
                    >
                      @for (g of groups(); track g.key) {
                        <option [value]="g.key">{{ i18n.pick(g.labelFa, g.labelEn) }}</option>
                      }
                    </select>
                    <input
                      class="input icon-input"
                      dir="ltr"
                      [value]="draft().icon"
                      (input)="set('icon', $event)"
                      [attr.aria-label]="'menuAdmin.icon' | t"
                    />
                    <input
                      class="input"
                      dir="rtl"
                      [value]="draft().labelFa"
                      (input)="set('labelFa', $event)"
                      data-testid="menu-item-label-fa"
                      [attr.aria-label]="'menuAdmin.labelFa' | t"
                    />
                    <input
                      class="input"
                      dir="ltr"
                      [value]="draft().labelEn"
                      (input)="set('labelEn', $event)"
                      data-testid="menu-item-label-en"
                      [attr.aria-label]="'menuAdmin.labelEn' | t"
                    />
                    <button
                      type="button"
                      class="btn btn-sm btn-primary"
                      data-testid="menu-item-save"
                      [disabled]="busy()"
                      (click)="saveItem(item)"
                    >
                      {{ 'access.save' | t }}
                    </button>
                    <button type="button" class="btn btn-sm btn-ghost" (click)="editing.set(null)">
                      {{ 'access.cancel' | t }}
                    </button>
                  </div>
                  <kt-field-errors [error]="error()" field="groupKey" />
                  <kt-field-errors [error]="error()" field="icon" />
                  <kt-field-errors [error]="error()" field="labelFa" />
                  <kt-field-errors [error]="error()" field="labelEn" />
                </td>
              } @else {
                <td>
                  <span class="item-label">
                    <kt-icon [name]="item.icon" [size]="18" />
                    <span>
                      {{ i18n.pick(item.labelFa, item.labelEn) }}
                      <small class="muted other-lang">{{ i18n.pick(item.labelEn, item.labelFa) }}</small>
                    </span>
                  </span>
                </td>
                <td>
                  <code class="code">{{ item.route }}</code>
                </td>
                <td>
                  <code class="code">{{ item.permission }}</code>
                </td>
                <td>
                  <label class="switch">
                    <input
                      type="checkbox"
                      data-testid="menu-item-active"
                      [checked]="item.active"
                      [disabled]="busy()"
                      (change)="toggleActive(item, $any($event.target).checked)"
                    />
                    <span>{{ (item.active ? 'menuAdmin.shown' : 'menuAdmin.hidden') | t }}</span>
                  </label>
                </td>
                <td class="actions-col">
                  <button
                    type="button"
                    class="btn btn-sm btn-ghost icon-btn"
                    [disabled]="busy() || i === 0"
                    [attr.aria-label]="'menuAdmin.up' | t"
                    data-testid="menu-item-up"
                    (click)="moved.emit({ kind: 'item', key: item.key, direction: -1 })"
                  >
                    <kt-icon name="up" [size]="16" />
                  </button>
                  <button
                    type="button"
                    class="btn btn-sm btn-ghost icon-btn"
                    [disabled]="busy() || isLast"
                    [attr.aria-label]="'menuAdmin.down' | t"
                    data-testid="menu-item-down"
                    (click)="moved.emit({ kind: 'item', key: item.key, direction: 1 })"
                  >
                    <kt-icon name="down" [size]="16" />
                  </button>
                  <button type="button" class="btn btn-sm btn-ghost" data-testid="menu-item-edit" (click)="edit(item.key, item)">
                    {{ 'access.edit' | t }}
                  </button>
                </td>
              }
            </tr>
          } @empty {
            <tr>
              <td colspan="5">
                <p class="empty">{{ 'menuAdmin.emptyGroup' | t }}</p>
              </td>
            </tr>
          }
        </tbody>
      </table>
      <p class="section-foot muted">{{ 'menuAdmin.itemCount' | t: { n: items().length } }}</p>
    </section>
  `,
  styles: `
    .section-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.85rem 1rem;
      border-bottom: 1px solid var(--border);
      background: #fbfcfd;
    }
    .section-title {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 1rem;
    }
    .row-tools {
      display: flex;
      gap: 0.35rem;
    }
    .icon-btn {
      padding-inline: 0.45rem;
    }
    .inline-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      flex: 1;
    }
    .inline-form .input {
      width: auto;
      flex: 1 1 10rem;
    }
    .inline-form .icon-input {
      flex: 0 1 8rem;
    }
    .item-label {
      display: inline-flex;
      align-items: center;
      gap: 0.6rem;
    }
    .other-lang {
      display: block;
      font-size: 0.78rem;
      line-height: 1.3;
    }
    tr.inactive td {
      color: var(--muted);
    }
    .switch {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      cursor: pointer;
      font-size: 0.85rem;
    }
    .actions-col {
      white-space: nowrap;
      text-align: end;
    }
    .section-foot {
      margin: 0;
      padding: 0.5rem 1rem;
      font-size: 0.8rem;
    }
  `,
})
export class MenuSectionComponent {
  protected readonly i18n = inject(I18nService);
  readonly group = input<MenuGroupAdmin | null>(null);
  readonly items = input.required<readonly MenuItemAdmin[]>();
  readonly groups = input.required<readonly MenuGroupAdmin[]>();
  readonly first = input(false);
  readonly last = input(false);
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly groupSaved = output<{ key: string; input: MenuGroupInput }>();
  readonly itemSaved = output<{ key: string; input: MenuItemInput }>();
  readonly moved = output<MenuMove>();

  protected readonly editing = signal<string | null>(null);
  protected readonly draft = signal<Draft>({ groupKey: '', icon: '', labelFa: '', labelEn: '' });

  protected edit(key: string, row: { icon: string; labelFa: string; labelEn: string; groupKey?: string | null }): void {
    this.draft.set({
      groupKey: row.groupKey ?? this.group()?.key ?? '',
      icon: row.icon,
      labelFa: row.labelFa,
      labelEn: row.labelEn,
    });
    this.editing.set(key);
  }

  protected set(field: keyof Draft, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  protected saveGroup(group: MenuGroupAdmin): void {
    const { icon, labelFa, labelEn } = this.draft();
    this.groupSaved.emit({
      key: group.key,
      input: { icon: icon.trim(), labelFa: labelFa.trim(), labelEn: labelEn.trim(), sortOrder: group.sortOrder },
    });
    this.editing.set(null);
  }

  protected saveItem(item: MenuItemAdmin): void {
    const { groupKey, icon, labelFa, labelEn } = this.draft();
    this.itemSaved.emit({
      key: item.key,
      input: {
        groupKey,
        icon: icon.trim(),
        labelFa: labelFa.trim(),
        labelEn: labelEn.trim(),
        sortOrder: item.sortOrder,
        active: item.active,
      },
    });
    this.editing.set(null);
  }

  protected toggleActive(item: MenuItemAdmin, active: boolean): void {
    this.itemSaved.emit({ key: item.key, input: { ...itemInput(item), active } });
  }
}

/** The editable part of an item, as `PUT /api/menu/items/:key` wants it. */
export function itemInput(item: MenuItemAdmin): MenuItemInput {
  return {
    groupKey: item.groupKey ?? '',
    icon: item.icon,
    labelFa: item.labelFa,
    labelEn: item.labelEn,
    sortOrder: item.sortOrder,
    active: item.active,
  };
}

export function groupInput(group: MenuGroupAdmin): MenuGroupInput {
  return { icon: group.icon, labelFa: group.labelFa, labelEn: group.labelEn, sortOrder: group.sortOrder };
}
