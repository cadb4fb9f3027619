import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectAgent } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { BrandingDomainsComponent } from '../components/branding-domains.component';
import { BrandingEditorComponent } from '../components/branding-editor.component';
import { BrandingChange } from '../data/branding-api.service';
import { BrandingPageActions } from '../state/branding.actions';
import { brandingFeature } from '../state/branding.feature';

/** The branding of the signed-in agent (a broker may pick any agent): editor with preview, and domains. */
@Component({
  selector: 'kt-branding-page',
  imports: [FormsModule, TranslatePipe, ErrorBannerComponent, BrandingEditorComponent, BrandingDomainsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'branding.title' | t }}</h1>
        <p class="muted">{{ 'branding.subtitle' | t }}</p>
      </div>
      @if (agents().length > 1) {
        <div class="field">
          <label class="label" for="br-agent">{{ 'branding.agent' | t }}</label>
          <select id="br-agent" class="input" data-testid="branding-agent" [ngModel]="agent()" (ngModelChange)="choose($event)">
            @for (a of agents(); track a.code) {
              <option [value]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
            }
          </select>
        </div>
      }
    </header>
    <kt-error-banner [error]="error()" />
    @if (branding(); as b) {
      <kt-branding-editor
        [branding]="b"
        [saving]="saving()"
        [error]="error()"
        (save)="save($event)"
        (logoChosen)="uploadLogo($event)"
        (removeLogo)="removeLogo()"
      />
      <kt-branding-domains
        [domains]="b.domains"
        [saving]="saving()"
        [error]="error()"
        (add)="addDomain($event)"
        (remove)="removeDomain($event)"
      />
    } @else if (loading()) {
      <p class="card empty" data-testid="branding-loading">
        <span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}
      </p>
    }
  `,
})
export class BrandingPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly me = this.store.selectSignal(selectAgent);
  protected readonly i18n = inject(I18nService);
  protected readonly agents = this.store.selectSignal(brandingFeature.selectAgents);
  protected readonly agent = this.store.selectSignal(brandingFeature.selectAgent);
  protected readonly branding = this.store.selectSignal(brandingFeature.selectBranding);
  protected readonly loading = this.store.selectSignal(brandingFeature.selectLoading);
  protected readonly saving = this.store.selectSignal(brandingFeature.selectSaving);
  protected readonly error = this.store.selectSignal(brandingFeature.selectError);

  /** `?agent=<code>` (links from an agent's page) opens that agent's branding. */
  readonly agentCode = input<string | undefined>(undefined, { alias: 'agent' });

  ngOnInit(): void {
    const own = this.me();
    this.store.dispatch(
      BrandingPageActions.opened({ agent: this.agentCode() || own?.code || '', isBroker: own?.isBroker ?? false }),
    );
  }

  protected choose(agent: string): void {
    this.store.dispatch(BrandingPageActions.agentChosen({ agent }));
  }

  protected save(change: BrandingChange): void {
    this.store.dispatch(BrandingPageActions.saveSubmitted({ agent: this.agent(), change }));
  }

  protected uploadLogo(file: File): void {
    this.store.dispatch(BrandingPageActions.logoChosen({ agent: this.agent(), file }));
  }

  protected removeLogo(): void {
    this.store.dispatch(BrandingPageActions.logoRemoved({ agent: this.agent() }));
  }

  protected addDomain(domain: string): void {
    this.store.dispatch(BrandingPageActions.domainAdded({ agent: this.agent(), domain }));
  }

  protected removeDomain(domain: string): void {
    this.store.dispatch(BrandingPageActions.domainRemoved({ agent: this.agent(), domain }));
  }
}
