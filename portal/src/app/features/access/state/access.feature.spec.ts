import { ApiError } from '../../../core/api/api-error';
import { AccessPackage, Role, UserAccess } from '../data/access.models';
import {
  AccessApiActions,
  AccessPageActions,
  MenuAdminApiActions,
  MenuAdminPageActions,
  UserAccessActions,
  UserAccessApiActions,
} from './access.actions';
import { accessFeature } from './access.feature';
import { menuAdminFeature, menuSections } from './menu-admin.feature';
import { userAccessFeature } from './user-access.feature';

const pkg: AccessPackage = {
  id: 'p1',
  code: 'agency-view',
  nameFa: 'دید',
  nameEn: 'View',
  system: false,
  ownerAgentId: 'alpha',
  permissions: ['tickets.read-agent'],
  withinCeiling: true,
};
const role: Role = {
  id: 'r1',
  code: 'lead',
  nameFa: 'سرگروه',
  nameEn: 'Lead',
  scope: 'own',
  system: false,
  ownerAgentId: 'alpha',
  packageIds: ['p1'],
  users: 0,
};
const aboveCeiling: ApiError = {
  status: 403,
  code: 'ABOVE_CEILING',
  message: { fa: 'بالاتر از سقف', en: 'Above the ceiling' },
  fields: [{ field: 'permissions', code: 'ABOVE_CEILING', message: { fa: 'سقف', en: 'ceiling' } }],
};

describe('access store', () => {
  const reducer = accessFeature.reducer;
  const loaded = reducer(
    reducer(undefined, AccessPageActions.opened()),
    AccessApiActions.accessLoaded({
      catalog: [{ code: 'tickets.read-agent', module: 'tickets', label: { fa: 'x', en: 'x' }, brokerOnly: false }],
      packages: [pkg],
      roles: [role],
      ceiling: ['tickets.read-agent'],
    }),
  );

  it('when opened and loaded, then holds the catalogue, packages, roles and the caller ceiling', () => {
    expect(reducer(undefined, AccessPageActions.opened()).loading).toBe(true);
    expect(loaded.loading).toBe(false);
    expect(loaded.loaded).toBe(true);
    expect(loaded.ceiling).toEqual(['tickets.read-agent']);
    expect(accessFeature.selectCatalogGroups.projector(loaded.catalog).map((g) => g.module)).toEqual(['tickets']);
  });

  it('when a save is refused above the ceiling, then the form stays open with the error; a later save closes it', () => {
    let state = reducer(loaded, AccessPageActions.editorOpened({ target: { kind: 'package', id: null } }));
    state = reducer(
      state,
      AccessPageActions.packageSubmitted({ id: null, input: { code: 'x', nameFa: 'x', nameEn: 'x', permissions: [] } }),
    );
    expect(state.saving).toBe(true);
    state = reducer(state, AccessApiActions.saveFailed({ error: aboveCeiling }));
    expect(state.saving).toBe(false);
    expect(state.editor).toEqual({ kind: 'package', id: null });
    expect(state.formError?.code).toBe('ABOVE_CEILING');
    state = reducer(state, AccessApiActions.packageSaved({ pkg: { ...pkg, id: 'p2', code: 'x' } }));
    expect(state.editor).toBeNull();
    expect(state.packages.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('an edited package replaces the old one in place; the selector finds what is being edited', () => {
    let state = reducer(loaded, AccessPageActions.editorOpened({ target: { kind: 'package', id: 'p1' } }));
    expect(accessFeature.selectEditedPackage.projector(state.editor, state.packages)?.code).toBe('agency-view');
    state = reducer(state, AccessApiActions.packageSaved({ pkg: { ...pkg, nameEn: 'Renamed' } }));
    expect(state.packages).toHaveLength(1);
    expect(state.packages[0].nameEn).toBe('Renamed');
  });

  it('when a delete is refused (in use), then the row stays and the error shows; a delete removes the row', () => {
    let state = reducer(loaded, AccessPageActions.roleDeleteConfirmed({ id: 'r1' }));
    expect(state.deleting).toBe('r1');
    const inUse: ApiError = { status: 409, code: 'IN_USE', message: { fa: 'در استفاده', en: 'In use' }, fields: [] };
    state = reducer(state, AccessApiActions.deleteFailed({ error: inUse }));
    expect(state.roles).toHaveLength(1);
    expect(state.deleteError?.code).toBe('IN_USE');
    state = reducer(state, AccessApiActions.roleDeleted({ id: 'r1' }));
    expect(state.roles).toHaveLength(0);
  });
});

describe('user access store', () => {
  const reducer = userAccessFeature.reducer;
  const access = (userId: string): UserAccess => ({ userId, roleIds: [], roles: [], permissions: [], grantable: [] });

  it('never shows a previous user while another one loads, and ignores a late answer for someone else', () => {
    let state = reducer(undefined, UserAccessActions.opened({ userId: 'u1' }));
    state = reducer(state, UserAccessApiActions.loaded({ access: access('u1'), catalog: [] }));
    expect(state.access?.userId).toBe('u1');
    state = reducer(state, UserAccessActions.opened({ userId: 'u2' }));
    expect(state.access).toBeNull();
    state = reducer(state, UserAccessApiActions.loaded({ access: access('u1'), catalog: [] }));
    expect(state.access).toBeNull();
    expect(state.loading).toBe(true);
  });

  it('marks a successful save, and keeps a refusal for the form', () => {
    let state = reducer(undefined, UserAccessActions.opened({ userId: 'u1' }));
    state = reducer(state, UserAccessActions.rolesSubmitted({ userId: 'u1', roleIds: ['r1'] }));
    expect(state.saving).toBe(true);
    state = reducer(state, UserAccessApiActions.saved({ access: { ...access('u1'), roleIds: ['r1'] } }));
    expect(state.saved).toBe(true);
    expect(state.access?.roleIds).toEqual(['r1']);
    state = reducer(state, UserAccessApiActions.saveFailed({ error: aboveCeiling }));
    expect(state.saveError?.code).toBe('ABOVE_CEILING');
  });
});

describe('menu admin store', () => {
  const menu = {
    groups: [
      { key: 'system', icon: 'settings', labelFa: 'س', labelEn: 'S', sortOrder: 20 },
      { key: 'support', icon: 'headset', labelFa: 'پ', labelEn: 'P', sortOrder: 10 },
    ],
    items: [
      {
        key: 'b',
        route: '/b',
        icon: 'x',
        labelFa: 'ب',
        labelEn: 'B',
        permission: 'p',
        groupKey: 'support',
        sortOrder: 20,
        active: true,
      },
      {
        key: 'a',
        route: '/a',
        icon: 'x',
        labelFa: 'ا',
        labelEn: 'A',
        permission: 'p',
        groupKey: 'support',
        sortOrder: 10,
        active: false,
      },
      {
        key: 'c',
        route: '/c',
        icon: 'x',
        labelFa: 'ج',
        labelEn: 'C',
        permission: 'p',
        groupKey: 'gone',
        sortOrder: 5,
        active: true,
      },
    ],
  };

  it('sections follow the groups order, items their order, and items of unknown groups come last', () => {
    const sections = menuSections(menu);
    expect(sections.map((s) => s.group?.key ?? null)).toEqual(['support', 'system', null]);
    expect(sections[0].items.map((i) => i.key)).toEqual(['a', 'b']);
    expect(sections[2].items.map((i) => i.key)).toEqual(['c']);
  });

  it('a failed save names the row it belongs to; a saved menu replaces the old one', () => {
    const reducer = menuAdminFeature.reducer;
    let state = reducer(undefined, MenuAdminApiActions.menuLoaded({ menu }));
    state = reducer(state, MenuAdminPageActions.changesSubmitted({ key: 'a', changes: [] }));
    expect(state.savingKey).toBe('a');
    const error: ApiError = { status: 400, code: 'VALIDATION_FAILED', message: { fa: 'x', en: 'x' }, fields: [] };
    state = reducer(state, MenuAdminApiActions.menuSaveFailed({ key: 'a', error }));
    expect(state.savingKey).toBeNull();
    expect(state.saveError?.key).toBe('a');
    state = reducer(state, MenuAdminApiActions.menuSaved({ menu: { ...menu, items: [] } }));
    expect(state.menu?.items).toEqual([]);
  });
});
