import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { AccessPackage, PermissionInfo } from '../data/access.models';
import { PermissionSummaryComponent } from './permission-summary.component';

/** Access packages with their permissions; own packages can be edited and deleted (after a confirmation). */
@Component({
  selector: 'kt-package-list',
  imports: [TranslatePipe, PermissionSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="table" data-testid="package-table">
      <thead>
        <tr>
          <th>{{ 'access.package' | t }}</th>
          <th>{{ 'access.permissions' | t }}</th>
          <th class="actions-col">
            <span class="sr-only">{{ 'access.actions' | t }}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        @for (pkg of packages(); track pkg.id) {
          <tr data-testid="package-row" [attr.data-code]="pkg.code" [attr.data-id]="pkg.id">
            <td class="name-col">
              <strong>{{ i18n.pick(pkg.nameFa, pkg.nameEn) }}</strong>
              <code class="code">{{ pkg.code }}</code>
              <span class="badges">
                @if (pkg.system) {
                  <span class="badge badge-neutral" data-testid="package-system">{{ 'access.system' | t }}</span>
                }
                @if (!pkg.withinCeiling) {
                  <span class="badge badge-warn" data-testid="package-above-ceiling" [title]="'access.aboveCeilingHint' | t">{{
                    'access.aboveCeiling' | t
                  }}</span>
                }
              </span>
            </td>
            <td><kt-permission-summary [catalog]="catalog()" [permissions]="pkg.permissions" /></td>
            <td class="actions-col">
              @if (canManage() && !pkg.system && pkg.ownerAgentId === ownAgentId()) {
                @if (confirming() === pkg.id) {
                  <span class="confirm">
                    <span>{{ 'access.confirmDelete' | t }}</span>
                    <button
                      type="button"
                      class="btn btn-sm btn-danger-ghost"
                      data-testid="package-delete-confirm"
                      [disabled]="deleting() === pkg.id"
                      (click)="deleteConfirmed.emit(pkg.id); confirming.set(null)"
                    >
                      {{ 'access.delete' | t }}
                    </button>
                    <button type="button" class="btn btn-sm btn-ghost" (click)="confirming.set(null)">
                      {{ 'access.cancel' | t }}
                    </button>
                  </span>
                } @else {
                  <button
                    type="button"
                    class="btn btn-sm btn-ghost"
                    data-testid="package-edit"
                    (click)="editClicked.emit(pkg.id)"
                  >
                    {{ 'access.edit' | t }}
                  </button>
                  <button
                    type="button"
                    class="btn btn-sm btn-danger-ghost"
                    data-testid="package-delete"
                    (click)="confirming.set(pkg.id)"
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
            <td colspan="3">
              <p class="empty" data-testid="list-empty">{{ 'access.noPackages' | t }}</p>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class PackageListComponent {
  protected readonly i18n = inject(I18nService);
  readonly packages = input.required<readonly AccessPackage[]>();
  readonly catalog = input.required<readonly PermissionInfo[]>();
  readonly canManage = input(false);
  readonly ownAgentId = input<string | null>(null);
  readonly deleting = input<string | null>(null);
  readonly editClicked = output<string>();
  readonly deleteConfirmed = output<string>();
  protected readonly confirming = signal<string | null>(null);
}
