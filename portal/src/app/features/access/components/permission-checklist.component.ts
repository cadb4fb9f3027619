import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { PermissionInfo } from '../data/access.models';
import { CeilingBlock, PermissionGroup, ceilingBlock, toggled } from '../state/permission-groups';

/**
 * Permissions as checkboxes grouped by module. Ones the caller cannot grant (broker-only, or above
 * their agent's ceiling) are disabled and say why; a blocked permission already in the list stays
 * checked so it can be taken out.
 */
@Component({
  selector: 'kt-permission-checklist',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="check-groups" data-testid="permission-checklist">
      @for (group of groups(); track group.module) {
        <fieldset class="check-group" [attr.data-testid]="'perm-group-' + group.module">
          <legend>{{ moduleLabel(group.module) }}</legend>
          @for (permission of group.items; track permission.code) {
            @let blocked = blockOf(permission);
            @let checked = selected().includes(permission.code);
            <label class="check" [class.blocked]="blocked">
              <input
                type="checkbox"
                [attr.data-testid]="'perm-' + permission.code"
                [attr.data-blocked]="blocked"
                [checked]="checked"
                [disabled]="disabled() || (blocked !== null && !checked)"
                (change)="toggle(permission.code, $any($event.target).checked)"
              />
              <span class="check-text">
                <span>{{ i18n.text(permission.label) }}</span>
                <code class="code">{{ permission.code }}</code>
                @if (blocked) {
                  <small class="why" [attr.data-testid]="'perm-blocked-' + permission.code">{{ blockLabel(blocked) | t }}</small>
                }
              </span>
            </label>
          }
        </fieldset>
      }
    </div>
  `,
})
export class PermissionChecklistComponent {
  protected readonly i18n = inject(I18nService);
  readonly groups = input.required<readonly PermissionGroup[]>();
  readonly selected = input.required<readonly string[]>();
  /** The caller's ceiling: null for the broker (nothing blocked), undefined when not known. */
  readonly ceiling = input<readonly string[] | null | undefined>(undefined);
  readonly disabled = input(false);
  readonly selectedChange = output<string[]>();

  protected blockOf(permission: PermissionInfo): CeilingBlock {
    return ceilingBlock(permission, this.ceiling());
  }

  protected blockLabel(block: Exclude<CeilingBlock, null>): MessageKey {
    return block === 'brokerOnly' ? 'access.blocked.brokerOnly' : 'access.blocked.aboveCeiling';
  }

  protected moduleLabel(module: string): string {
    return moduleName(this.i18n, module);
  }

  protected toggle(code: string, on: boolean): void {
    this.selectedChange.emit(toggled(this.selected(), code, on));
  }
}

/** A module's name from the dictionary (`access.module.<key>`), or the key itself for a module the portal does not know. */
export function moduleName(i18n: I18nService, module: string): string {
  const key = `access.module.${module}` as MessageKey;
  const label = i18n.t(key);
  return label === key ? module : label;
}
