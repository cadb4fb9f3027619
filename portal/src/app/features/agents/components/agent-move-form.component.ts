import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';

import { ApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { AgentSummary } from '../data/agents-api.service';

/** Choose a new parent from the caller's subtree; the API's refusal (cycle, broker, own agent) shows under it. */
@Component({
  selector: 'kt-agent-move-form',
  imports: [TranslatePipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" data-testid="agent-move-form" (submit)="$event.preventDefault(); submit()" novalidate>
      <!-- Refusals (a cycle, the broker, your own agent, a parent outside your tree) carry their reason as the message. -->
      <kt-error-banner [error]="error()" />
      <p class="muted">{{ 'agents.move.intro' | t: { parent: currentParent() } }}</p>
      <div class="field">
        <label class="label" for="m-parent">{{ 'agents.move.newParent' | t }}</label>
        <select id="m-parent" class="input" data-testid="move-parent" (change)="parentId.set($any($event.target).value)">
          <option value="" [selected]="!parentId()">{{ 'agents.move.choose' | t }}</option>
          @for (a of targets(); track a.id) {
            <option [value]="a.id" [attr.data-code]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }} ({{ a.code }})</option>
          }
        </select>
      </div>
      <div class="form-actions">
        <button type="button" class="btn btn-ghost" data-testid="move-cancel" (click)="cancelled.emit()">
          {{ 'agents.edit.cancel' | t }}
        </button>
        <button type="submit" class="btn btn-primary" data-testid="move-submit" [disabled]="busy() || !parentId()">
          {{ 'agents.move.submit' | t }}
        </button>
      </div>
    </form>
  `,
})
export class AgentMoveFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly targets = input.required<readonly AgentSummary[]>();
  readonly currentParent = input('—');
  readonly error = input<ApiError | null>(null);
  readonly busy = input(false);
  readonly moved = output<string>();
  readonly cancelled = output();
  protected readonly parentId = signal('');

  protected submit(): void {
    if (this.parentId()) this.moved.emit(this.parentId());
  }
}
