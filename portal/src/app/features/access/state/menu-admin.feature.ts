import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { MenuAdmin, MenuGroupAdmin, MenuItemAdmin } from '../data/access.models';
import { MenuAdminApiActions, MenuAdminPageActions } from './access.actions';

export interface MenuAdminState {
  readonly menu: MenuAdmin | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
  /** The row being saved (group or item key), for its busy state. */
  readonly savingKey: string | null;
  readonly saveError: { readonly key: string; readonly error: ApiError } | null;
}

export const initialMenuAdminState: MenuAdminState = {
  menu: null,
  loading: false,
  error: null,
  savingKey: null,
  saveError: null,
};

export interface MenuSection {
  readonly group: MenuGroupAdmin | null;
  readonly items: readonly MenuItemAdmin[];
}

const byOrder = <T extends { sortOrder: number; key: string }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.key.localeCompare(b.key);

/** Groups in order, each with its items in order; items of no known group come last. */
export function menuSections(menu: MenuAdmin | null): MenuSection[] {
  if (!menu) return [];
  const groups = [...menu.groups].sort(byOrder);
  const items = [...menu.items].sort(byOrder);
  const sections: MenuSection[] = groups.map((group) => ({ group, items: items.filter((i) => i.groupKey === group.key) }));
  const loose = items.filter((i) => !groups.some((g) => g.key === i.groupKey));
  return loose.length ? [...sections, { group: null, items: loose }] : sections;
}

export const menuAdminFeature = createFeature({
  name: 'menuAdmin',
  reducer: createReducer(
    initialMenuAdminState,
    on(MenuAdminPageActions.opened, MenuAdminPageActions.refreshClicked, (state): MenuAdminState => ({
      ...state,
      loading: true,
      error: null,
    })),
    on(MenuAdminApiActions.menuLoaded, (state, { menu }): MenuAdminState => ({ ...state, menu, loading: false })),
    on(MenuAdminApiActions.menuLoadFailed, (state, { error }): MenuAdminState => ({ ...state, loading: false, error })),
    on(MenuAdminPageActions.changesSubmitted, (state, { key }): MenuAdminState => ({
      ...state,
      savingKey: key,
      saveError: null,
    })),
    on(MenuAdminApiActions.menuSaved, (state, { menu }): MenuAdminState => ({ ...state, menu, savingKey: null })),
    on(MenuAdminApiActions.menuSaveFailed, (state, { key, error }): MenuAdminState => ({
      ...state,
      savingKey: null,
      saveError: { key, error },
    })),
  ),
  extraSelectors: ({ selectMenu }) => ({
    selectSections: createSelector(selectMenu, menuSections),
  }),
});
