import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IpRangesFormComponent } from '../components/ip-ranges-form.component';
import { ServiceSwitchesComponent } from '../components/service-switches.component';
import { SettingsPageActions } from '../state/settings.actions';
import { settingsFeature } from '../state/settings.feature';

/** System settings: allowed IP ranges (global and per agent) and service switches. */
@Component({
  selector: 'kt-settings-page',
  imports: [TranslatePipe, ErrorBannerComponent, IpRangesFormComponent, ServiceSwitchesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'settings.title' | t }}</h1>
        <p class="muted">
          {{ 'settings.yourIp' | t }}: <bdi dir="ltr" data-testid="settings-your-ip">{{ ranges()?.yourIp ?? '—' }}</bdi>
        </p>
      </div>
    </header>
    <kt-error-banner [error]="error()" />
    @if (ranges(); as r) {
      <kt-ip-ranges-form
        [global]="r.global"
        [agents]="agents()"
        [agent]="agent()"
        [agentRanges]="agentRanges()"
        [errors]="rangeErrors()"
        [lockout]="lockout()"
        [saving]="saving()"
        (agentChosen)="chooseAgent($event)"
        (saveGlobal)="saveGlobal($event.ranges, $event.force)"
        (saveAgent)="saveAgent($event.agent, $event.ranges)"
      />
    } @else if (loading()) {
      <p class="card empty"><span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}</p>
    }
    <kt-service-switches [services]="services()" [loading]="loading()" (toggle)="toggleService($event.key, $event.enabled)" />
  `,
  styles: `
    kt-service-switches {
      display: block;
      margin-top: 1rem;
    }
  `,
})
export class SettingsPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly ranges = this.store.selectSignal(settingsFeature.selectRanges);
  protected readonly services = this.store.selectSignal(settingsFeature.selectServices);
  protected readonly agents = this.store.selectSignal(settingsFeature.selectAgents);
  protected readonly agent = this.store.selectSignal(settingsFeature.selectAgent);
  protected readonly agentRanges = this.store.selectSignal(settingsFeature.selectAgentRanges);
  protected readonly loading = this.store.selectSignal(settingsFeature.selectLoading);
  protected readonly saving = this.store.selectSignal(settingsFeature.selectSaving);
  protected readonly error = this.store.selectSignal(settingsFeature.selectError);
  protected readonly rangeErrors = this.store.selectSignal(settingsFeature.selectRangeErrors);
  protected readonly lockout = this.store.selectSignal(settingsFeature.selectLockout);

  ngOnInit(): void {
    this.store.dispatch(SettingsPageActions.opened());
  }

  protected chooseAgent(agent: string): void {
    this.store.dispatch(SettingsPageActions.agentChosen({ agent }));
  }

  protected saveGlobal(ranges: readonly string[], force: boolean): void {
    this.store.dispatch(SettingsPageActions.globalRangesSubmitted({ ranges, force }));
  }

  protected saveAgent(agent: string, ranges: readonly string[]): void {
    this.store.dispatch(SettingsPageActions.agentRangesSubmitted({ agent, ranges }));
  }

  protected toggleService(key: string, enabled: boolean): void {
    this.store.dispatch(SettingsPageActions.serviceToggled({ key, enabled }));
  }
}
