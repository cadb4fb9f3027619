import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal } from '@angular/core';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectAgent, selectHasAnyPermission } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { PermissionSummaryComponent } from '../components/permission-summary.component';
import { CeilingPageActions } from '../state/access.actions';
import { agentCeilingFeature } from '../state/agent-ceiling.feature';
import { permissionsOfPackages, selectionDiff, toggled } from '../state/permission-groups';

/**
 * `/admin/access/agents/:id/ceiling`: which of the broker's packages an agent may hand out, and what
 * that comes to. Editing is for the main broker (`access.ceilings`); others see it read-only.
 */
@Component({
  selector: 'kt-agent-ceiling-page',
  imports: [TranslatePipe, IconComponent, ErrorBannerComponent, FieldErrorsComponent, PermissionSummaryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'access.ceiling.title' | t }}</h1>
        <p class="muted">{{ 'access.ceiling.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" (click)="back()">
          <kt-icon name="back" [size]="18" class="flip" /> {{ 'common.back' | t }}
        </button>
      </div>
    </header>

    @if (state().error; as error) {
      <kt-error-banner [error]="error" />
    } @else if (state().ceiling; as ceiling) {
      @if (ceiling.isBroker) {
        <p class="card empty" data-testid="ceiling-broker">{{ 'access.ceiling.broker' | t }}</p>
      } @else {
        <div class="split">
          <section class="card">
            <h2 class="card-title">{{ 'access.ceiling.packages' | t }}</h2>
            <kt-error-banner [error]="state().saveError" />
            <div class="check-group plain" data-testid="ceiling-checklist">
              @for (pkg of brokerPackages(); track pkg.id) {
                <label class="check">
                  <input
                    type="checkbox"
                    [attr.data-testid]="'ceiling-package-' + pkg.code"
                    [checked]="packageIds().includes(pkg.id)"
                    [disabled]="!canEdit() || state().saving"
                    (change)="packageIds.set(toggle(pkg.id, $any($event.target).checked))"
                  />
                  <span class="check-text">
                    <span>{{ i18n.pick(pkg.nameFa, pkg.nameEn) }}</span>
                    <code class="code">{{ pkg.code }}</code>
                  </span>
                </label>
              } @empty {
                <p class="muted">{{ 'access.noPackages' | t }}</p>
              }
            </div>
            <kt-field-errors [error]="state().saveError" field="packageIds" />
            @if (canEdit()) {
              <div class="form-actions">
                @if (state().saved && !dirty()) {
                  <span class="saved-note" data-testid="ceiling-saved">{{ 'access.saved' | t }}</span>
                }
                <button
                  type="button"
                  class="btn btn-ghost"
                  [disabled]="!dirty() || state().saving"
                  (click)="packageIds.set(initial())"
                >
                  {{ 'access.reset' | t }}
                </button>
                <button
                  type="button"
                  class="btn btn-primary"
                  data-testid="ceiling-save"
                  [disabled]="!dirty() || state().saving"
                  (click)="save()"
                >
                  @if (state().saving) {
                    <span class="spinner" aria-hidden="true"></span>
                  }
                  {{ 'access.save' | t }}
                </button>
              </div>
            } @else {
              <p class="muted small">{{ 'access.ceiling.readOnly' | t }}</p>
            }
          </section>
          <section class="card">
            <h2 class="card-title">{{ 'access.resultingPermissions' | t }}</h2>
            <p class="muted small">{{ (dirty() ? 'access.ceiling.preview' : 'access.ceiling.effective') | t }}</p>
            <div data-testid="ceiling-permissions">
              <kt-permission-summary [catalog]="state().catalog" [permissions]="resulting()" />
            </div>
          </section>
        </div>
      }
    } @else {
      <p class="card empty"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .split {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
      gap: 1.25rem;
      align-items: start;
    }
    .small {
      font-size: 0.85rem;
    }
    .saved-note {
      color: #15803d;
      font-size: 0.875rem;
      margin-inline-end: auto;
    }
    @media (max-width: 60rem) {
      .split {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class AgentCeilingPageComponent {
  private readonly store = inject(Store);
  private readonly location = inject(Location);
  protected readonly i18n = inject(I18nService);
  /** From the route (`:id`). */
  readonly id = input.required<string>();
  protected readonly state = this.store.selectSignal(agentCeilingFeature.selectAgentCeilingState);
  protected readonly canEdit = this.store.selectSignal(selectHasAnyPermission('access.ceilings'));
  private readonly me = this.store.selectSignal(selectAgent);

  /** Only the main broker's packages can be a ceiling. */
  protected readonly brokerPackages = computed(() => {
    const broker = this.me();
    return this.state().packages.filter((p) => !broker?.isBroker || p.ownerAgentId === broker.id);
  });
  protected readonly initial = computed(() => [...(this.state().ceiling?.packageIds ?? [])]);
  protected readonly packageIds = linkedSignal(() => this.initial());
  protected readonly dirty = computed(() => {
    const { added, removed } = selectionDiff(this.initial(), this.packageIds());
    return added.length + removed.length > 0;
  });
  /** The API's answer when unchanged; a preview of the checked packages while editing (broker-only never passes). */
  protected readonly resulting = computed(() => {
    const state = this.state();
    if (!this.dirty() && state.ceiling?.permissions) return state.ceiling.permissions;
    const brokerOnly = new Set(state.catalog.filter((p) => p.brokerOnly).map((p) => p.code));
    return permissionsOfPackages(state.packages, this.packageIds()).filter((p) => !brokerOnly.has(p));
  });

  constructor() {
    effect(() => this.store.dispatch(CeilingPageActions.opened({ agentId: this.id() })));
  }

  protected toggle(id: string, on: boolean): string[] {
    return toggled(this.packageIds(), id, on);
  }

  protected save(): void {
    this.store.dispatch(CeilingPageActions.submitted({ agentId: this.id(), packageIds: this.packageIds() }));
  }

  protected back(): void {
    this.location.back();
  }
}
