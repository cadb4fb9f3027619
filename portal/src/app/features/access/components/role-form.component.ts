import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { AccessPackage, PermissionInfo, Role, RoleInput } from '../data/access.models';
import { permissionsOfPackages, toggled } from '../state/permission-groups';
import { CODE_PATTERN } from './package-form.component';
import { PermissionSummaryComponent } from './permission-summary.component';

/** Create or edit a role: code (fixed once created), names and a checklist of packages, with what they come to. */
@Component({
  selector: 'kt-role-form',
  imports: [ReactiveFormsModule, TranslatePipe, FieldErrorsComponent, ErrorBannerComponent, PermissionSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" data-testid="role-form" novalidate>
      <h2 class="card-title">{{ (role() ? 'access.editRole' : 'access.newRole') | t }}</h2>
      <kt-error-banner [error]="error()" />
      <div class="form-row three">
        <div class="field">
          <label class="label" for="role-code">{{ 'access.code' | t }}</label>
          <input id="role-code" class="input" formControlName="code" data-testid="role-code" autocomplete="off" dir="ltr" />
          <small class="muted">{{ 'access.codeHint' | t }}</small>
          @if (tried() && form.controls.code.invalid) {
            <p class="field-error" data-testid="field-error-code">{{ 'access.codeInvalid' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="code" />
        </div>
        <div class="field">
          <label class="label" for="role-name-fa">{{ 'access.nameFa' | t }}</label>
          <input id="role-name-fa" class="input" formControlName="nameFa" data-testid="role-name-fa" dir="rtl" />
          @if (tried() && form.controls.nameFa.invalid) {
            <p class="field-error" data-testid="field-error-nameFa">{{ 'validation.required' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="nameFa" />
        </div>
        <div class="field">
          <label class="label" for="role-name-en">{{ 'access.nameEn' | t }}</label>
          <input id="role-name-en" class="input" formControlName="nameEn" data-testid="role-name-en" dir="ltr" />
          @if (tried() && form.controls.nameEn.invalid) {
            <p class="field-error" data-testid="field-error-nameEn">{{ 'validation.required' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="nameEn" />
        </div>
      </div>
      <div class="field">
        <span class="label">{{ 'access.packages' | t }}</span>
        <div class="check-group plain" data-testid="package-checklist">
          @for (pkg of packages(); track pkg.id) {
            @let checked = packageIds().includes(pkg.id);
            <label class="check" [class.blocked]="!pkg.withinCeiling">
              <input
                type="checkbox"
                [attr.data-testid]="'role-package-' + pkg.code"
                [checked]="checked"
                [disabled]="busy() || (!pkg.withinCeiling && !checked)"
                (change)="packageIds.set(toggle(pkg.id, $any($event.target).checked))"
              />
              <span class="check-text">
                <span>{{ i18n.pick(pkg.nameFa, pkg.nameEn) }}</span>
                <code class="code">{{ pkg.code }}</code>
                @if (!pkg.withinCeiling) {
                  <small class="why">{{ 'access.blocked.packageAboveCeiling' | t }}</small>
                }
              </span>
            </label>
          } @empty {
            <p class="muted">{{ 'access.noPackages' | t }}</p>
          }
        </div>
        <kt-field-errors [error]="error()" field="packageIds" />
      </div>
      <div class="field">
        <span class="label">{{ 'access.resultingPermissions' | t }}</span>
        <div class="result-box" data-testid="role-permissions">
          <kt-permission-summary [catalog]="catalog()" [permissions]="resulting()" />
        </div>
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="role-cancel" (click)="cancelled.emit()">
          {{ 'access.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="role-submit" [disabled]="busy()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'access.save' | t }}
        </button>
      </div>
    </form>
  `,
})
export class RoleFormComponent implements OnInit {
  protected readonly i18n = inject(I18nService);
  readonly role = input<Role | null>(null);
  readonly packages = input.required<readonly AccessPackage[]>();
  readonly catalog = input.required<readonly PermissionInfo[]>();
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly submitted = output<RoleInput>();
  readonly cancelled = output();

  protected readonly packageIds = signal<string[]>([]);
  protected readonly tried = signal(false);
  protected readonly resulting = computed(() => permissionsOfPackages(this.packages(), this.packageIds()));
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    nameFa: ['', Validators.required],
    nameEn: ['', Validators.required],
  });

  ngOnInit(): void {
    const role = this.role();
    if (role) {
      this.form.setValue({ code: role.code, nameFa: role.nameFa, nameEn: role.nameEn });
      this.form.controls.code.disable();
      this.packageIds.set([...role.packageIds]);
    }
  }

  protected toggle(id: string, on: boolean): string[] {
    return toggled(this.packageIds(), id, on);
  }

  protected submit(): void {
    this.tried.set(true);
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    this.submitted.emit({
      code: value.code.trim(),
      nameFa: value.nameFa.trim(),
      nameEn: value.nameEn.trim(),
      packageIds: this.packageIds(),
    });
  }
}
