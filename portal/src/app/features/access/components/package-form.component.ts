import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { AccessPackage, PackageInput } from '../data/access.models';
import { PermissionGroup } from '../state/permission-groups';
import { PermissionChecklistComponent } from './permission-checklist.component';

/** As the API's `Code`: lower-case latin letters, digits, `-` and `_`. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Create or edit an access package: code (fixed once created), names and a permission checklist. */
@Component({
  selector: 'kt-package-form',
  imports: [ReactiveFormsModule, TranslatePipe, FieldErrorsComponent, ErrorBannerComponent, PermissionChecklistComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" data-testid="package-form" novalidate>
      <h2 class="card-title">{{ (pkg() ? 'access.editPackage' : 'access.newPackage') | t }}</h2>
      <kt-error-banner [error]="error()" />
      <div class="form-row three">
        <div class="field">
          <label class="label" for="pkg-code">{{ 'access.code' | t }}</label>
          <input id="pkg-code" class="input ltr" formControlName="code" data-testid="package-code" autocomplete="off" dir="ltr" />
          <small class="muted">{{ 'access.codeHint' | t }}</small>
          @if (tried() && form.controls.code.invalid) {
            <p class="field-error" data-testid="field-error-code">{{ 'access.codeInvalid' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="code" />
        </div>
        <div class="field">
          <label class="label" for="pkg-name-fa">{{ 'access.nameFa' | t }}</label>
          <input id="pkg-name-fa" class="input" formControlName="nameFa" data-testid="package-name-fa" dir="rtl" />
          @if (tried() && form.controls.nameFa.invalid) {
            <p class="field-error" data-testid="field-error-nameFa">{{ 'validation.required' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="nameFa" />
        </div>
        <div class="field">
          <label class="label" for="pkg-name-en">{{ 'access.nameEn' | t }}</label>
          <input id="pkg-name-en" class="input" formControlName="nameEn" data-testid="package-name-en" dir="ltr" />
          @if (tried() && form.controls.nameEn.invalid) {
            <p class="field-error" data-testid="field-error-nameEn">{{ 'validation.required' | t }}</p>
          }
          <kt-field-errors [error]="error()" field="nameEn" />
        </div>
      </div>
      <div class="field">
        <span class="label">{{ 'access.permissions' | t }}</span>
        @if (ceiling() !== null) {
          <small class="muted">{{ 'access.ceilingHint' | t }}</small>
        }
        <kt-permission-checklist
          [groups]="groups()"
          [selected]="permissions()"
          [ceiling]="ceiling()"
          [disabled]="busy()"
          (selectedChange)="permissions.set($event)"
        />
        <kt-field-errors [error]="error()" field="permissions" />
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="package-cancel" (click)="cancelled.emit()">
          {{ 'access.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="package-submit" [disabled]="busy()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'access.save' | t }}
        </button>
      </div>
    </form>
  `,
})
export class PackageFormComponent implements OnInit {
  readonly pkg = input<AccessPackage | null>(null);
  readonly groups = input.required<readonly PermissionGroup[]>();
  readonly ceiling = input<readonly string[] | null | undefined>(undefined);
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly submitted = output<PackageInput>();
  readonly cancelled = output();

  protected readonly permissions = signal<string[]>([]);
  protected readonly tried = signal(false);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    nameFa: ['', Validators.required],
    nameEn: ['', Validators.required],
  });
  protected readonly editing = computed(() => this.pkg() !== null);

  ngOnInit(): void {
    const pkg = this.pkg();
    if (pkg) {
      this.form.setValue({ code: pkg.code, nameFa: pkg.nameFa, nameEn: pkg.nameEn });
      this.form.controls.code.disable();
      this.permissions.set([...pkg.permissions]);
    }
  }

  protected submit(): void {
    this.tried.set(true);
    if (this.form.invalid || this.busy()) return;
    const value = this.form.getRawValue();
    this.submitted.emit({
      code: value.code.trim(),
      nameFa: value.nameFa.trim(),
      nameEn: value.nameEn.trim(),
      permissions: this.permissions(),
    });
  }
}
