import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError } from '../../../core/api/api-error';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';

/** The host names that open this agent's portal: list, add, remove. */
@Component({
  selector: 'kt-branding-domains',
  imports: [FormsModule, TranslatePipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h2 class="card-title">{{ 'branding.domains' | t }}</h2>
      <p class="muted help">{{ 'branding.domainsHelp' | t }}</p>
      <ul class="domains" data-testid="branding-domains">
        @for (d of domains(); track d) {
          <li data-testid="branding-domain" [attr.data-domain]="d">
            <bdi dir="ltr">{{ d }}</bdi>
            <button
              type="button"
              class="btn btn-danger-ghost btn-sm"
              data-testid="branding-domain-remove"
              [attr.aria-label]="('branding.removeDomain' | t) + ' ' + d"
              [disabled]="saving()"
              (click)="remove.emit(d)"
            >
              {{ 'branding.removeDomain' | t }}
            </button>
          </li>
        } @empty {
          <li class="muted" data-testid="branding-domains-empty">{{ 'branding.noDomains' | t }}</li>
        }
      </ul>
      <form class="domain-add" (ngSubmit)="submit()">
        <input
          class="input"
          dir="ltr"
          name="domain"
          placeholder="portal.example.ir"
          [attr.aria-label]="'branding.addDomain' | t"
          [ngModel]="domain()"
          (ngModelChange)="domain.set($event)"
          data-testid="branding-domain-input"
        />
        <button type="submit" class="btn btn-ghost" data-testid="branding-domain-add" [disabled]="saving() || !domain().trim()">
          {{ 'branding.addDomain' | t }}
        </button>
      </form>
      <kt-field-errors [error]="error()" field="domain" />
    </section>
  `,
  styles: `
    .help {
      margin: -0.5rem 0 0.75rem;
    }
    .domains {
      list-style: none;
      padding: 0;
      margin: 0 0 0.75rem;
      display: grid;
      gap: 0.35rem;
    }
    .domains li {
      display: flex;
      gap: 0.75rem;
      align-items: center;
    }
    .domain-add {
      display: flex;
      gap: 0.5rem;
      max-width: 32rem;
    }
  `,
})
export class BrandingDomainsComponent {
  readonly domains = input.required<readonly string[]>();
  readonly saving = input(false);
  readonly error = input<ApiError | null>(null);
  readonly add = output<string>();
  readonly remove = output<string>();
  protected readonly domain = signal('');

  protected submit(): void {
    const value = this.domain().trim();
    if (!value) return;
    this.add.emit(value);
    this.domain.set('');
  }
}
