import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { Store } from '@ngrx/store';

import { selectAgent, selectHasAnyPermission } from '../../../core/session/session.feature';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { PackageFormComponent } from '../components/package-form.component';
import { PackageListComponent } from '../components/package-list.component';
import { RoleFormComponent } from '../components/role-form.component';
import { RoleListComponent } from '../components/role-list.component';
import { PackageInput, RoleInput } from '../data/access.models';
import { AccessPageActions } from '../state/access.actions';
import { accessFeature } from '../state/access.feature';

type Tab = 'packages' | 'roles';

/** `/admin/access`: access packages and roles of the caller's agent (and the broker's, read-only). */
@Component({
  selector: 'kt-access-page',
  imports: [
    TranslatePipe,
    DigitsPipe,
    IconComponent,
    ErrorBannerComponent,
    PackageListComponent,
    PackageFormComponent,
    RoleListComponent,
    RoleFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'access.title' | t }}</h1>
        <p class="muted">{{ 'access.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" [disabled]="state().loading" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
        @if (canManage()) {
          @if (tab() === 'packages') {
            <button type="button" class="btn btn-primary" data-testid="new-package" (click)="openEditor('package', null)">
              <kt-icon name="plus" [size]="18" /> {{ 'access.newPackage' | t }}
            </button>
          } @else {
            <button type="button" class="btn btn-primary" data-testid="new-role" (click)="openEditor('role', null)">
              <kt-icon name="plus" [size]="18" /> {{ 'access.newRole' | t }}
            </button>
          }
        }
      </div>
    </header>

    @if (!canManage()) {
      <p class="banner banner-info" data-testid="access-read-only">{{ 'access.readOnlyBanner' | t }}</p>
    }

    <div class="tabs" role="tablist" data-testid="access-tabs">
      <button
        type="button"
        role="tab"
        class="tab"
        data-testid="access-tab-packages"
        [class.active]="tab() === 'packages'"
        [attr.aria-selected]="tab() === 'packages'"
        (click)="selectTab('packages')"
      >
        {{ 'access.tab.packages' | t }} <span class="count">{{ state().packages.length | digits }}</span>
      </button>
      <button
        type="button"
        role="tab"
        class="tab"
        data-testid="access-tab-roles"
        [class.active]="tab() === 'roles'"
        [attr.aria-selected]="tab() === 'roles'"
        (click)="selectTab('roles')"
      >
        {{ 'access.tab.roles' | t }} <span class="count">{{ state().roles.length | digits }}</span>
      </button>
    </div>

    <!-- One editor at a time; another target re-creates the form so it starts from that row. -->
    @for (editor of editors(); track editor.kind + ':' + (editor.id ?? 'new')) {
      <section class="card editor-card">
        @if (editor.kind === 'package') {
          <kt-package-form
            [pkg]="editedPackage()"
            [groups]="catalogGroups()"
            [ceiling]="state().ceiling"
            [busy]="state().saving"
            [error]="state().formError"
            (submitted)="savePackage($event)"
            (cancelled)="closeEditor()"
          />
        } @else {
          <kt-role-form
            [role]="editedRole()"
            [packages]="state().packages"
            [catalog]="state().catalog"
            [busy]="state().saving"
            [error]="state().formError"
            (submitted)="saveRole($event)"
            (cancelled)="closeEditor()"
          />
        }
      </section>
    }

    <section class="card card-flush" [attr.aria-busy]="state().loading">
      <kt-error-banner [error]="state().error ?? state().deleteError" />
      @if (state().loading && !state().loaded) {
        <p class="empty" data-testid="list-loading"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
      } @else if (state().loaded) {
        @if (tab() === 'packages') {
          <kt-package-list
            [packages]="state().packages"
            [catalog]="state().catalog"
            [canManage]="canManage()"
            [ownAgentId]="agent()?.id ?? null"
            [deleting]="state().deleting"
            (editClicked)="openEditor('package', $event)"
            (deleteConfirmed)="deletePackage($event)"
          />
        } @else {
          <kt-role-list
            [roles]="state().roles"
            [packagesById]="packagesById()"
            [canManage]="canManage()"
            [ownAgentId]="agent()?.id ?? null"
            [deleting]="state().deleting"
            (editClicked)="openEditor('role', $event)"
            (deleteConfirmed)="deleteRole($event)"
          />
        }
      }
    </section>
  `,
  styles: `
    .editor-card {
      margin-bottom: 1.25rem;
    }
  `,
})
export class AccessPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(accessFeature.selectAccessState);
  protected readonly catalogGroups = this.store.selectSignal(accessFeature.selectCatalogGroups);
  protected readonly packagesById = this.store.selectSignal(accessFeature.selectPackagesById);
  protected readonly editedPackage = this.store.selectSignal(accessFeature.selectEditedPackage);
  protected readonly editedRole = this.store.selectSignal(accessFeature.selectEditedRole);
  protected readonly agent = this.store.selectSignal(selectAgent);
  protected readonly canManage = this.store.selectSignal(selectHasAnyPermission('access.manage'));
  protected readonly tab = signal<Tab>('packages');
  protected readonly editors = computed(() => {
    const editor = this.state().editor;
    return editor ? [editor] : [];
  });
  protected readonly editorOpen = computed(() => this.state().editor !== null);

  ngOnInit(): void {
    this.store.dispatch(AccessPageActions.opened());
  }

  protected refresh(): void {
    this.store.dispatch(AccessPageActions.refreshClicked());
  }

  protected selectTab(tab: Tab): void {
    this.tab.set(tab);
    if (this.editorOpen()) this.store.dispatch(AccessPageActions.editorClosed());
  }

  protected openEditor(kind: 'package' | 'role', id: string | null): void {
    this.store.dispatch(AccessPageActions.editorOpened({ target: { kind, id } }));
  }

  protected closeEditor(): void {
    this.store.dispatch(AccessPageActions.editorClosed());
  }

  protected savePackage(input: PackageInput): void {
    this.store.dispatch(AccessPageActions.packageSubmitted({ id: this.state().editor?.id ?? null, input }));
  }

  protected saveRole(input: RoleInput): void {
    this.store.dispatch(AccessPageActions.roleSubmitted({ id: this.state().editor?.id ?? null, input }));
  }

  protected deletePackage(id: string): void {
    this.store.dispatch(AccessPageActions.packageDeleteConfirmed({ id }));
  }

  protected deleteRole(id: string): void {
    this.store.dispatch(AccessPageActions.roleDeleteConfirmed({ id }));
  }
}
