import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentBranding, BrandingChange } from '../data/branding-api.service';
import { brandingChange, previewColour } from '../data/branding-form';

/** Title fa/en, colours with a live preview, logo upload and removal. Emits; never calls the API. */
@Component({
  selector: 'kt-branding-editor',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="editor">
      <form
        class="card form"
        data-testid="branding-form"
        [attr.data-agent]="branding().agent.code"
        (ngSubmit)="submit()"
        novalidate
      >
        <div class="form-row two">
          <div class="field">
            <label class="label" for="br-fa">{{ 'branding.titleFa' | t }}</label>
            <input
              id="br-fa"
              class="input"
              name="titleFa"
              [placeholder]="branding().defaults.titleFa"
              [ngModel]="titleFa()"
              (ngModelChange)="titleFa.set($event)"
              data-testid="branding-title-fa"
            />
            <kt-field-errors [error]="error()" field="titleFa" />
          </div>
          <div class="field">
            <label class="label" for="br-en">{{ 'branding.titleEn' | t }}</label>
            <input
              id="br-en"
              class="input"
              name="titleEn"
              dir="ltr"
              [placeholder]="branding().defaults.titleEn"
              [ngModel]="titleEn()"
              (ngModelChange)="titleEn.set($event)"
              data-testid="branding-title-en"
            />
            <kt-field-errors [error]="error()" field="titleEn" />
          </div>
        </div>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="br-primary">{{ 'branding.primary' | t }}</label>
            <div class="colour">
              <input
                type="color"
                name="primaryPick"
                [attr.aria-label]="'branding.primary' | t"
                [ngModel]="previewPrimary()"
                (ngModelChange)="primary.set($event)"
              />
              <input
                id="br-primary"
                class="input"
                dir="ltr"
                name="primary"
                [ngModel]="primary()"
                (ngModelChange)="primary.set($event)"
                data-testid="branding-primary"
              />
            </div>
            <kt-field-errors [error]="error()" field="primaryColor" />
          </div>
          <div class="field">
            <label class="label" for="br-accent">{{ 'branding.accent' | t }}</label>
            <div class="colour">
              <input
                type="color"
                name="accentPick"
                [attr.aria-label]="'branding.accent' | t"
                [ngModel]="previewAccent()"
                (ngModelChange)="accent.set($event)"
              />
              <input
                id="br-accent"
                class="input"
                dir="ltr"
                name="accent"
                [ngModel]="accent()"
                (ngModelChange)="accent.set($event)"
                data-testid="branding-accent"
              />
            </div>
            <kt-field-errors [error]="error()" field="accentColor" />
          </div>
        </div>
        @for (w of warnings(); track w.field) {
          <p class="banner banner-info" data-testid="branding-warning">{{ i18n.text(w.message) }}</p>
        }
        <div class="field">
          <span class="label">{{ 'branding.logo' | t }}</span>
          <div class="logo-row">
            @if (branding().logoUrl; as logo) {
              <img [src]="logo" alt="" class="logo-thumb" data-testid="branding-logo" />
            } @else {
              <span class="muted" data-testid="branding-no-logo">{{ 'branding.noLogo' | t }}</span>
            }
            <label class="btn btn-ghost btn-sm" [class.disabled]="saving()">
              {{ 'branding.uploadLogo' | t }}
              <input
                type="file"
                hidden
                accept="image/png,image/svg+xml,image/jpeg"
                data-testid="branding-logo-input"
                (change)="pickLogo($event)"
              />
            </label>
            @if (branding().logoUrl) {
              <button
                type="button"
                class="btn btn-danger-ghost btn-sm"
                data-testid="branding-logo-remove"
                [disabled]="saving()"
                (click)="removeLogo.emit()"
              >
                {{ 'branding.removeLogo' | t }}
              </button>
            }
          </div>
          <kt-field-errors [error]="error()" field="file" />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" data-testid="branding-save" [disabled]="saving()">
            @if (saving()) {
              <span class="spinner" aria-hidden="true"></span>
            }
            {{ 'branding.save' | t }}
          </button>
        </div>
      </form>
      <aside
        class="card preview"
        data-testid="branding-preview"
        [attr.aria-label]="'branding.preview' | t"
        [style.--pv-primary]="previewPrimary()"
        [style.--pv-accent]="previewAccent()"
      >
        <div class="pv-side">
          @if (branding().logoUrl; as logo) {
            <img [src]="logo" alt="" class="pv-logo" />
          }
          <strong data-testid="branding-preview-title">{{ previewTitle() }}</strong>
        </div>
        <div class="pv-main">
          <span class="muted">{{ 'branding.preview' | t }}</span>
          <button type="button" class="pv-btn" tabindex="-1">{{ 'branding.sampleButton' | t }}</button>
          <a class="pv-link">{{ 'branding.sampleLink' | t }}</a>
        </div>
      </aside>
    </div>
  `,
  styles: `
    .editor {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 1rem;
      margin-bottom: 1rem;
      align-items: start;
    }
    @media (max-width: 60rem) {
      .editor {
        grid-template-columns: 1fr;
      }
    }
    .colour {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    .colour input[type='color'] {
      width: 2.5rem;
      height: 2.25rem;
      padding: 0.1rem;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: #fff;
      flex: none;
    }
    .logo-row {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .logo-thumb {
      width: 3rem;
      height: 3rem;
      object-fit: contain;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: #fff;
    }
    .disabled {
      pointer-events: none;
      opacity: 0.6;
    }
    .preview {
      display: grid;
      grid-template-columns: 1fr 1.3fr;
      padding: 0;
      overflow: hidden;
      min-height: 12rem;
    }
    .pv-side {
      background: var(--pv-accent, #0f1f2e);
      color: #fff;
      padding: 1rem;
      display: grid;
      gap: 0.5rem;
      align-content: start;
    }
    .pv-logo {
      width: 3rem;
      height: 3rem;
      object-fit: contain;
      background: #fff;
      border-radius: 8px;
    }
    .pv-main {
      padding: 1rem;
      display: grid;
      gap: 0.75rem;
      align-content: start;
      justify-items: start;
    }
    .pv-btn {
      background: var(--pv-primary, #0f766e);
      color: #fff;
      border: 0;
      border-radius: 8px;
      padding: 0.5rem 1rem;
    }
    .pv-link {
      color: var(--pv-primary, #0f766e);
    }
  `,
})
export class BrandingEditorComponent {
  protected readonly i18n = inject(I18nService);
  readonly branding = input.required<AgentBranding>();
  readonly saving = input(false);
  readonly error = input<ApiError | null>(null);
  readonly save = output<BrandingChange>();
  readonly logoChosen = output<File>();
  readonly removeLogo = output();

  /** What is typed; a branding from the API (another agent, or after a save) replaces it. */
  protected readonly titleFa = linkedSignal(() => this.branding().titleFa ?? '');
  protected readonly titleEn = linkedSignal(() => this.branding().titleEn ?? '');
  protected readonly primary = linkedSignal(() => this.branding().primaryColor ?? this.branding().defaults.primaryColor);
  protected readonly accent = linkedSignal(() => this.branding().accentColor ?? this.branding().defaults.accentColor);
  protected readonly warnings = computed(() => this.branding().warnings ?? []);
  protected readonly previewPrimary = computed(() => previewColour(this.primary(), this.branding().defaults.primaryColor));
  protected readonly previewAccent = computed(() => previewColour(this.accent(), this.branding().defaults.accentColor));
  protected readonly previewTitle = computed(() =>
    this.i18n.lang() === 'fa'
      ? this.titleFa().trim() || this.branding().defaults.titleFa
      : this.titleEn().trim() || this.branding().defaults.titleEn,
  );

  protected submit(): void {
    this.save.emit(brandingChange(this.titleFa(), this.titleEn(), this.primary(), this.accent()));
  }

  protected pickLogo(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.logoChosen.emit(file);
  }
}
