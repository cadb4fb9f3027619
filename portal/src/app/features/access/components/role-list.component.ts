import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { AccessPackage, Role } from '../data/access.models';

/** Roles with their packages and how many users hold them; own roles can be edited and deleted. */
@Component({
  selector: 'kt-role-list',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table" data-testid="role-table">
      <thead>
        <tr>
          <th>{{ 'access.role' | t }}</th>
          <th>{{ 'access.packages' | t }}</th>
          <th class="num-col">{{ 'access.users' | t }}</th>
          <th class="actions-col">
            <span class="sr-only">{{ 'access.actions' | t }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (role of roles(); track role.id) {
          <tr data-testid="role-row" [attr.data-code]="role.code" [attr.data-id]="role.id">
            <td class="name-col">
              <strong>{{ i18n.pick(role.nameFa, role.nameEn) }}</strong>
              <code class="code">{{ role.code }}</code>
              <span class="badges">
                @if (role.system) {
                  <span class="badge badge-neutral">{{ 'access.system' | t }}</span>
                }
                <span class="badge badge-scope" [attr.data-scope]="role.scope">{{ scopeLabel(role.scope) | t }}</span>
              </span>
            </td>
            <td>
              <span class="chips">
                @for (packageId of role.packageIds; track packageId) {
                  @let pkg = packagesById().get(packageId);
                  <span class="chip" [class.chip-warn]="pkg && !pkg.withinCeiling">{{
                    pkg ? i18n.pick(pkg.nameFa, pkg.nameEn) : ('access.unknownPackage' | t)
                  }}</span>
                } @empty {
                  <span class="muted">{{ 'common.none' | t }}</span>
                }
              </span>
            </td>
            <td class="num-col" data-testid="role-users">{{ role.users | digits }}</td>
            <td class="actions-col">
              @if (canManage() && !role.system && role.ownerAgentId === ownAgentId()) {
                @if (confirming() === role.id) {
                  <span class="confirm">
                    <span>{{ 'access.confirmDelete' | t }}</span>
                    <button
                      type="button"
                      class="btn btn-sm btn-danger-ghost"
                      data-testid="role-delete-confirm"
                      [disabled]="deleting() === role.id"
                      (click)="deleteConfirmed.emit(role.id); confirming.set(null)"
                    >
                      {{ 'access.delete' | t }}
                    </button>
                    <button type="button" class="btn btn-sm btn-ghost" (click)="confirming.set(null)">
                      {{ 'access.cancel' | t }}
                    </button>
                  </span>
                } @else {
                  <button type="button" class="btn btn-sm btn-ghost" data-testid="role-edit" (click)="editClicked.emit(role.id)">
                    {{ 'access.edit' | t }}
                  </button>
                  <button
                    type="button"
                    class="btn btn-sm btn-danger-ghost"
                    data-testid="role-delete"
                    (click)="confirming.set(role.id)"
                  >
                    {{ 'access.delete' | t }}
                  </button>
                }
              } @else {
                <span class="muted read-only" [title]="'access.readOnlyHint' | t">{{ 'access.readOnly' | t }}</span>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4">
              <p class="empty" data-testid="list-empty">{{ 'access.noRoles' | t }}</p>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class RoleListComponent {
  protected readonly i18n = inject(I18nService);
  readonly roles = input.required<readonly Role[]>();
  readonly packagesById = input.required<ReadonlyMap<string, AccessPackage>>();
  readonly canManage = input(false);
  readonly ownAgentId = input<string | null>(null);
  readonly deleting = input<string | null>(null);
  readonly editClicked = output<string>();
  readonly deleteConfirmed = output<string>();
  protected readonly confirming = signal<string | null>(null);

  protected scopeLabel(scope: string): MessageKey {
    return scope === 'broker' ? 'access.scope.broker' : scope === 'agent' ? 'access.scope.agent' : 'access.scope.own';
  }
}
