import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { Store } from '@ngrx/store';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { IconComponent } from '../../../shared/ui/icon.component';
import { MenuMove, MenuSectionComponent, groupInput, itemInput } from '../components/menu-section.component';
import { MenuGroupInput, MenuItemInput } from '../data/access.models';
import { MenuAdminPageActions, MenuChange } from '../state/access.actions';
import { menuAdminFeature } from '../state/menu-admin.feature';
import { reorder } from '../state/permission-groups';

/** `/admin/menu`: module groups and modules of the portal's menu (labels, icons, order, on/off). */
@Component({
  selector: 'kt-menu-admin-page',
  imports: [TranslatePipe, IconComponent, ErrorBannerComponent, MenuSectionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'menuAdmin.title' | t }}</h1>
        <p class="muted">{{ 'menuAdmin.subtitle' | t }}</p>
      </div>
      <div class="page-tools">
        <button type="button" class="btn btn-ghost" data-testid="refresh" [disabled]="state().loading" (click)="refresh()">
          <kt-icon name="refresh" [size]="18" /> {{ 'common.refresh' | t }}
        </button>
      </div>
    </header>
    <kt-error-banner [error]="state().error" />
    @if (state().menu) {
      <div class="sections" data-testid="menu-admin">
        @for (section of sections(); track section.group?.key ?? ''; let first = $first, last = $last) {
          <kt-menu-section
            [group]="section.group"
            [items]="section.items"
            [groups]="state().menu?.groups ?? []"
            [first]="first"
            [last]="last || !section.group"
            [busy]="state().savingKey !== null"
            [error]="errorOf(section.group?.key, section.items)"
            (groupSaved)="saveGroup($event.key, $event.input)"
            (itemSaved)="saveItem($event.key, $event.input)"
            (moved)="move($event)"
          />
        }
      </div>
    } @else if (state().loading) {
      <p class="card empty"><span class="spinner"></span> {{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .sections {
      display: grid;
      gap: 1.25rem;
    }
  `,
})
export class MenuAdminPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly state = this.store.selectSignal(menuAdminFeature.selectMenuAdminState);
  protected readonly sections = this.store.selectSignal(menuAdminFeature.selectSections);

  ngOnInit(): void {
    this.store.dispatch(MenuAdminPageActions.opened());
  }

  protected refresh(): void {
    this.store.dispatch(MenuAdminPageActions.refreshClicked());
  }

  /** A save error belongs to the section of the row (group or one of its items) it came from. */
  protected errorOf(groupKey: string | undefined, items: readonly { key: string }[]) {
    const failed = this.state().saveError;
    if (!failed) return null;
    return failed.key === groupKey || items.some((i) => i.key === failed.key) ? failed.error : null;
  }

  protected saveGroup(key: string, input: MenuGroupInput): void {
    this.submit(key, [{ kind: 'group', key, input }]);
  }

  protected saveItem(key: string, input: MenuItemInput): void {
    this.submit(key, [{ kind: 'item', key, input }]);
  }

  protected move({ kind, key, direction }: MenuMove): void {
    const menu = this.state().menu;
    if (!menu) return;
    if (kind === 'group') {
      const changes = reorder(menu.groups, key, direction).map((o): MenuChange => {
        const group = menu.groups.find((g) => g.key === o.key)!;
        return { kind: 'group', key: o.key, input: { ...groupInput(group), sortOrder: o.sortOrder } };
      });
      this.submit(key, changes);
    } else {
      const item = menu.items.find((i) => i.key === key);
      const siblings = menu.items.filter((i) => i.groupKey === item?.groupKey);
      const changes = reorder(siblings, key, direction).map((o): MenuChange => {
        const row = menu.items.find((i) => i.key === o.key)!;
        return { kind: 'item', key: o.key, input: { ...itemInput(row), sortOrder: o.sortOrder } };
      });
      this.submit(key, changes);
    }
  }

  private submit(key: string, changes: MenuChange[]): void {
    if (changes.length) this.store.dispatch(MenuAdminPageActions.changesSubmitted({ key, changes }));
  }
}
