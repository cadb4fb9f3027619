import { ChangeDetectionStrategy, Component, inject, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiFieldError } from '../../../core/api/api-error';
import { PublicAgent } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { parseRanges, rangesText } from '../data/ip-ranges';

/** Allowed IP ranges for everyone and for one agent; "save anyway" appears when the API warns of a lock-out. */
@Component({
  selector: 'kt-ip-ranges-form',
  imports: [FormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h2 class="card-title">{{ 'settings.ipRanges' | t }}</h2>
      <p class="muted help">{{ 'settings.ipHelp' | t }}</p>
      <div class="columns">
        <div class="field">
          <label class="label" for="ip-global">{{ 'settings.global' | t }}</label>
          <textarea
            id="ip-global"
            class="input"
            rows="5"
            dir="ltr"
            [ngModel]="globalText()"
            (ngModelChange)="globalText.set($event)"
            data-testid="settings-global"
          ></textarea>
          @for (f of errors(); track f.field) {
            <p class="field-error" data-testid="settings-range-error" [attr.data-field]="f.field">{{ i18n.text(f.message) }}</p>
          }
          <div class="actions">
            <button
              type="button"
              class="btn btn-primary btn-sm"
              data-testid="settings-global-save"
              [disabled]="saving()"
              (click)="saveGlobal.emit({ ranges: parse(globalText()), force: false })"
            >
              {{ 'settings.save' | t }}
            </button>
            @if (lockout()) {
              <button
                type="button"
                class="btn btn-danger-ghost btn-sm"
                data-testid="settings-global-force"
                [disabled]="saving()"
                (click)="saveGlobal.emit({ ranges: parse(globalText()), force: true })"
              >
                {{ 'settings.saveAnyway' | t }}
              </button>
            }
          </div>
        </div>
        <div class="field">
          <label class="label" for="ip-agent">{{ 'settings.perAgent' | t }}</label>
          @if (agents().length) {
            <select
              id="ip-agent"
              class="input"
              [ngModel]="agent()"
              (ngModelChange)="agentChosen.emit($event)"
              data-testid="settings-agent"
            >
              @for (a of agents(); track a.code) {
                <option [value]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
              }
            </select>
            <textarea
              class="input"
              rows="3"
              dir="ltr"
              [attr.aria-label]="'settings.perAgent' | t"
              [ngModel]="agentText()"
              (ngModelChange)="agentText.set($event)"
              data-testid="settings-agent-ranges"
            ></textarea>
            <div class="actions">
              <button
                type="button"
                class="btn btn-primary btn-sm"
                data-testid="settings-agent-save"
                [disabled]="saving()"
                (click)="saveAgent.emit({ agent: agent(), ranges: parse(agentText()) })"
              >
                {{ 'settings.save' | t }}
              </button>
            </div>
          } @else {
            <p class="muted" data-testid="settings-no-agents">{{ 'settings.noAgents' | t }}</p>
          }
        </div>
      </div>
    </section>
  `,
  styles: `
    .help {
      margin: -0.5rem 0 1rem;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 1.5rem;
    }
    @media (max-width: 48rem) {
      .columns {
        grid-template-columns: 1fr;
      }
    }
    textarea {
      font-family: ui-monospace, monospace;
      text-align: left;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class IpRangesFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly global = input.required<readonly string[]>();
  readonly agents = input.required<readonly PublicAgent[]>();
  readonly agent = input.required<string>();
  readonly agentRanges = input.required<readonly string[]>();
  readonly errors = input<readonly ApiFieldError[]>([]);
  readonly lockout = input(false);
  readonly saving = input(false);
  readonly saveGlobal = output<{ ranges: string[]; force: boolean }>();
  readonly saveAgent = output<{ agent: string; ranges: string[] }>();
  readonly agentChosen = output<string>();

  protected readonly globalText = linkedSignal(() => rangesText(this.global()));
  protected readonly agentText = linkedSignal(() => rangesText(this.agentRanges()));
  protected readonly parse = parseRanges;
}
