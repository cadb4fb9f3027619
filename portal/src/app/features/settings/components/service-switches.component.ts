import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ServiceSwitch } from '../data/settings-api.service';

/** Services that can be switched off for everyone (e.g. during a PSP outage). */
@Component({
  selector: 'kt-service-switches',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h2 class="card-title">{{ 'settings.services' | t }}</h2>
      <ul class="switches" data-testid="settings-services">
        @for (s of services(); track s.key) {
          <li>
            <label>
              <input
                type="checkbox"
                [checked]="s.enabled"
                [attr.data-testid]="'service-' + s.key"
                (change)="toggle.emit({ key: s.key, enabled: $any($event.target).checked })"
              />
              {{ i18n.pick(s.labelFa, s.labelEn) | digits }}
            </label>
            <span class="badge" [class.badge-scope]="s.enabled" [class.badge-neutral]="!s.enabled">{{
              (s.enabled ? 'settings.on' : 'settings.off') | t
            }}</span>
          </li>
        } @empty {
          <li class="muted">{{ (loading() ? 'common.loading' : 'settings.noServices') | t }}</li>
        }
      </ul>
    </section>
  `,
  styles: `
    .switches {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .switches li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      max-width: 32rem;
    }
    .switches label {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
  `,
})
export class ServiceSwitchesComponent {
  protected readonly i18n = inject(I18nService);
  readonly services = input.required<readonly ServiceSwitch[]>();
  readonly loading = input(false);
  readonly toggle = output<{ key: string; enabled: boolean }>();
}
