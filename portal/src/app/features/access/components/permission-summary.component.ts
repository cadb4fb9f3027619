import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { PermissionInfo } from '../data/access.models';
import { groupPermissions } from '../state/permission-groups';
import { moduleName } from './permission-checklist.component';

/** A read-only list of permissions grouped by module (chips with fa/en labels). */
@Component({
  selector: 'kt-permission-summary',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.module) {
      <div class="perm-line" [attr.data-testid]="'perm-summary-' + group.module">
        <span class="perm-module">{{ moduleLabel(group.module) }}</span>
        <span class="chips">
          @for (permission of group.items; track permission.code) {
            <span class="chip" [attr.data-code]="permission.code" [title]="permission.code">{{
              i18n.text(permission.label)
            }}</span>
          }
        </span>
      </div>
    } @empty {
      <span class="muted">{{ 'access.noPermissions' | t }}</span>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 0.35rem;
    }
    .perm-line {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .perm-module {
      font-size: 0.78rem;
      color: var(--muted);
      min-width: 7rem;
    }
  `,
})
export class PermissionSummaryComponent {
  protected readonly i18n = inject(I18nService);
  readonly catalog = input.required<readonly PermissionInfo[]>();
  readonly permissions = input.required<readonly string[]>();
  protected readonly groups = computed(() => groupPermissions(this.catalog(), this.permissions()));

  protected moduleLabel(module: string): string {
    return moduleName(this.i18n, module);
  }
}
