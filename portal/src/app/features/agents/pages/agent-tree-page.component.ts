import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { AgentStatus } from '../data/agents-api.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { AgentTreePageActions } from '../state/agents.actions';
import { agentsFeature } from '../state/agents.feature';

/** The caller's subtree of agents, indented, with status badges. */
@Component({
  selector: 'kt-agent-tree-page',
  imports: [TranslatePipe, JalaliDatePipe, DigitsPipe, RouterLink, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'agents.tree.title' | t }}</h1>
        <p class="muted">{{ 'agents.tree.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="refresh()">{{ 'common.refresh' | t }}</button>
        <a class="btn btn-primary" routerLink="/agents/new" data-testid="agent-new">{{ 'agents.new.title' | t }}</a>
      </div>
    </header>
    <kt-error-banner [error]="error()" />
    <div class="card">
      <table class="table" data-testid="agent-tree">
        <thead>
          <tr>
            <th>{{ 'agents.field.name' | t }}</th>
            <th>{{ 'agents.field.code' | t }}</th>
            <th>{{ 'agents.field.status' | t }}</th>
            <th>{{ 'agents.field.createdAt' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.agent.id) {
            <tr [attr.data-testid]="'agent-row-' + row.agent.code">
              <td [style.padding-inline-start.rem]="0.75 + row.depth * 1.5">
                <a [routerLink]="['/agents', row.agent.id]">{{ i18n.lang() === 'fa' ? row.agent.nameFa : row.agent.nameEn }}</a>
              </td>
              <td dir="ltr">{{ row.agent.code }}</td>
              <td>
                <span
                  [class]="'badge status-' + row.agent.status"
                  [attr.data-testid]="'agent-status-' + row.agent.code"
                  [attr.data-status]="row.agent.status"
                  >{{ statusKey(row.agent.status) | t }}</span
                >
              </td>
              <td>{{ row.agent.createdAt | jalali: 'short' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4" class="muted">{{ (loading() ? 'common.loading' : 'agents.tree.empty') | t }}</td>
            </tr>
          }
        </tbody>
      </table>
      <p class="muted">{{ 'agents.tree.count' | t: { count: (rows().length | digits) } }}</p>
    </div>
  `,
})
export class AgentTreePageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly rows = this.store.selectSignal(agentsFeature.selectTreeRows);
  protected readonly loading = this.store.selectSignal(agentsFeature.selectLoading);
  protected readonly error = this.store.selectSignal(agentsFeature.selectError);

  protected statusKey(status: AgentStatus): MessageKey {
    return `agents.status.${status}`;
  }

  ngOnInit(): void {
    this.store.dispatch(AgentTreePageActions.opened());
  }

  protected refresh(): void {
    this.store.dispatch(AgentTreePageActions.refreshClicked());
  }
}
