import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { PermissionInfo, UserAccess } from '../data/access.models';
import { selectionDiff, toggled } from '../state/permission-groups';
import { PermissionSummaryComponent } from './permission-summary.component';

/**
 * A user's roles as checkboxes (only the roles the caller may grant them) and their effective
 * permissions. Presentational: emits the chosen role ids; embed it anywhere with a container.
 */
@Component({
  selector: 'kt-user-access-editor',
  imports: [TranslatePipe, ErrorBannerComponent, FieldErrorsComponent, PermissionSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="editor-grid" data-testid="user-access-editor">
      <section class="card">
        <h2 class="card-title">{{ 'access.user.roles' | t }}</h2>
        <kt-error-banner [error]="error()" />
        <div class="check-group plain" data-testid="user-role-checklist">
          @for (role of access().grantable; track role.id) {
            <label class="check">
              <input
                type="checkbox"
                [attr.data-testid]="'user-role-' + role.code"
                [checked]="roleIds().includes(role.id)"
                [disabled]="readOnly() || busy()"
                (change)="roleIds.set(toggle(role.id, $any($event.target).checked))"
              />
              <span class="check-text">
                <span>{{ i18n.pick(role.nameFa, role.nameEn) }}</span>
                <code class="code">{{ role.code }}</code>
                <small class="muted">{{ scopeLabel(role.scope) | t }}</small>
              </span>
            </label>
          } @empty {
            <p class="muted">{{ 'access.user.noGrantable' | t }}</p>
          }
          @for (code of ungrantableHeld(); track code) {
            <label class="check blocked">
              <input type="checkbox" checked disabled />
              <span class="check-text">
                <code class="code">{{ code }}</code>
                <small class="why">{{ 'access.user.notGrantableByYou' | t }}</small>
              </span>
            </label>
          }
        </div>
        <kt-field-errors [error]="error()" field="roleIds" />
        @if (!readOnly()) {
          <div class="form-actions">
            @if (saved() && !dirty()) {
              <span class="saved-note" data-testid="user-access-saved">{{ 'access.saved' | t }}</span>
            }
            <button
              type="button"
              class="btn btn-ghost"
              data-testid="user-roles-reset"
              [disabled]="!dirty() || busy()"
              (click)="roleIds.set(initial())"
            >
              {{ 'access.reset' | t }}
            </button>
            <button
              type="button"
              class="btn btn-primary"
              data-testid="user-roles-save"
              [disabled]="!dirty() || busy()"
              (click)="rolesSubmitted.emit(roleIds())"
            >
              @if (busy()) {
                <span class="spinner" aria-hidden="true"></span>
              }
              {{ 'access.save' | t }}
            </button>
          </div>
        }
      </section>
      <section class="card">
        <h2 class="card-title">{{ 'access.user.effective' | t }}</h2>
        <p class="muted small">{{ 'access.user.effectiveHint' | t }}</p>
        <div data-testid="user-permissions">
          <kt-permission-summary [catalog]="catalog()" [permissions]="access().permissions" />
        </div>
      </section>
    </div>
  `,
  styles: `
    .editor-grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
      gap: 1.25rem;
      align-items: start;
    }
    .small {
      font-size: 0.85rem;
      margin: -0.5rem 0 0.75rem;
    }
    .saved-note {
      color: #15803d;
      font-size: 0.875rem;
      margin-inline-end: auto;
    }
    @media (max-width: 60rem) {
      .editor-grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class UserAccessEditorComponent {
  protected readonly i18n = inject(I18nService);
  readonly access = input.required<UserAccess>();
  readonly catalog = input.required<readonly PermissionInfo[]>();
  readonly busy = input(false);
  readonly readOnly = input(false);
  readonly saved = input(false);
  readonly error = input<ApiError | null>(null);
  readonly rolesSubmitted = output<string[]>();

  /** What the API says the user holds now. */
  protected readonly initial = computed(() => [...this.access().roleIds]);
  /** The checkboxes; reset whenever a new answer of the API arrives. */
  protected readonly roleIds = linkedSignal(() => this.initial());
  protected readonly dirty = computed(() => {
    const { added, removed } = selectionDiff(this.initial(), this.roleIds());
    return added.length + removed.length > 0;
  });
  /** Codes of roles the user holds that the caller may not grant: shown (disabled) so nobody is surprised by them. */
  protected readonly ungrantableHeld = computed(() => {
    const grantable = new Set(this.access().grantable.map((r) => r.id));
    const held = this.access().roleIds.filter((id) => !grantable.has(id));
    return held.length ? this.access().roles.filter((code) => !this.access().grantable.some((r) => r.code === code)) : [];
  });

  protected toggle(id: string, on: boolean): string[] {
    return toggled(this.roleIds(), id, on);
  }

  protected scopeLabel(scope: string): MessageKey {
    return scope === 'broker' ? 'access.scope.broker' : scope === 'agent' ? 'access.scope.agent' : 'access.scope.own';
  }
}
