import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { UserTableComponent } from '../components/user-table.component';
import { UserQuery } from '../data/users-api.service';
import { UserListPageActions } from '../state/users.actions';
import { USERS_PAGE_SIZE, usersFeature } from '../state/users.feature';

type StatusFilter = '' | 'active' | 'disabled';

/** Users of the caller's subtree: search, agent and status filters, paging. */
@Component({
  selector: 'kt-user-list-page',
  imports: [RouterLink, TranslatePipe, ErrorBannerComponent, PagerComponent, UserTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'users.list.title' | t }}</h1>
        <p class="muted">{{ 'users.list.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="reload()">{{ 'common.refresh' | t }}</button>
        @if (canCreate()) {
          <a class="btn btn-primary" routerLink="/users/new" [queryParams]="newUserParams()" data-testid="user-new">{{
            'users.new.title' | t
          }}</a>
        }
      </div>
    </header>
    <section class="card card-flush">
      <div class="filters">
        <label class="filter grow">
          <span class="label">{{ 'common.search' | t }}</span>
          <input
            class="input"
            data-testid="user-search"
            [value]="q()"
            [placeholder]="'users.list.searchPlaceholder' | t"
            (input)="q.set($any($event.target).value)"
            (keydown.enter)="search()"
          />
        </label>
        @if (agents().length > 1) {
          <label class="filter">
            <span class="label">{{ 'users.field.agent' | t }}</span>
            <select class="input" data-testid="user-filter-agent" (change)="setAgent($any($event.target).value)">
              <option value="" [selected]="!query().agentId">{{ 'common.all' | t }}</option>
              @for (a of agents(); track a.id) {
                <option [value]="a.id" [selected]="query().agentId === a.id">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
              }
            </select>
          </label>
        }
        <label class="filter">
          <span class="label">{{ 'users.field.status' | t }}</span>
          <select class="input" data-testid="user-filter-status" (change)="setStatus($any($event.target).value)">
            <option value="" [selected]="status() === ''">{{ 'common.all' | t }}</option>
            <option value="active" [selected]="status() === 'active'">{{ 'users.status.active' | t }}</option>
            <option value="disabled" [selected]="status() === 'disabled'">{{ 'users.status.disabled' | t }}</option>
          </select>
        </label>
      </div>
      <kt-error-banner [error]="error()" />
      @if (page(); as p) {
        @if (p.items.length) {
          <kt-user-table [users]="p.items" />
          <kt-pager [page]="p.page" [pageSize]="p.pageSize" [total]="p.total" (pageChange)="goTo($event)" />
        } @else {
          <p class="empty" data-testid="list-empty">{{ 'users.list.empty' | t }}</p>
        }
      } @else if (loading()) {
        <p class="empty">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class UserListPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** `?agentId=` (from the agent page's "users" link). */
  readonly agentId = input<string | undefined>(undefined);

  protected readonly page = this.store.selectSignal(usersFeature.selectPage);
  protected readonly loading = this.store.selectSignal(usersFeature.selectListLoading);
  protected readonly error = this.store.selectSignal(usersFeature.selectListError);
  protected readonly query = this.store.selectSignal(usersFeature.selectQuery);
  protected readonly agents = this.store.selectSignal(usersFeature.selectAgents);
  protected readonly canCreate = this.store.selectSignal(selectHasAnyPermission('users.create'));
  protected readonly q = signal('');
  protected readonly status = computed<StatusFilter>(() => {
    const active = this.query().active;
    return active === undefined ? '' : active ? 'active' : 'disabled';
  });
  protected readonly newUserParams = computed(() => (this.query().agentId ? { agentId: this.query().agentId } : {}));

  ngOnInit(): void {
    const agentId = this.agentId();
    this.store.dispatch(
      UserListPageActions.opened({ query: { page: 1, pageSize: USERS_PAGE_SIZE, ...(agentId ? { agentId } : {}) } }),
    );
  }

  protected search(): void {
    const q = this.q().trim();
    const { q: _old, ...rest } = this.query();
    this.change({ ...rest, ...(q ? { q } : {}), page: 1 });
  }

  protected setAgent(agentId: string): void {
    const { agentId: _old, ...rest } = this.query();
    this.change({ ...rest, ...(agentId ? { agentId } : {}), page: 1 });
  }

  protected setStatus(status: StatusFilter): void {
    const { active: _old, ...rest } = this.query();
    this.change({ ...rest, ...(status ? { active: status === 'active' } : {}), page: 1 });
  }

  protected goTo(page: number): void {
    this.change({ ...this.query(), page });
  }

  protected reload(): void {
    this.change(this.query());
  }

  private change(query: UserQuery): void {
    this.store.dispatch(UserListPageActions.queryChanged({ query }));
  }
}
