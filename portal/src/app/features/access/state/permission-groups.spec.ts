import { AccessPackage, PermissionInfo } from '../data/access.models';
import { ceilingBlock, groupPermissions, permissionsOfPackages, reorder, selectionDiff, toggled } from './permission-groups';

const p = (code: string, brokerOnly = false): PermissionInfo => ({
  code,
  module: code.split('.')[0],
  label: { fa: `fa ${code}`, en: `en ${code}` },
  brokerOnly,
});

const CATALOG = [p('tickets.create'), p('tickets.inbox', true), p('users.read'), p('tickets.read-agent'), p('menu.manage', true)];

const pkg = (id: string, permissions: string[]): AccessPackage => ({
  id,
  code: id,
  nameFa: id,
  nameEn: id,
  system: false,
  ownerAgentId: 'a',
  permissions,
  withinCeiling: true,
});

describe('permission helpers', () => {
  it('groups the catalogue by module in the order modules first appear', () => {
    const groups = groupPermissions(CATALOG);
    expect(groups.map((g) => g.module)).toEqual(['tickets', 'users', 'menu']);
    expect(groups[0].items.map((i) => i.code)).toEqual(['tickets.create', 'tickets.inbox', 'tickets.read-agent']);
  });

  it('when limited to some codes, then only those show, and an unknown code still shows under its module', () => {
    const groups = groupPermissions(CATALOG, ['users.read', 'reports.export']);
    expect(groups.map((g) => [g.module, g.items.map((i) => i.code)])).toEqual([
      ['users', ['users.read']],
      ['reports', ['reports.export']],
    ]);
    expect(groups[1].items[0].label.en).toBe('reports.export');
  });

  it('the broker (no ceiling) may grant anything; an agent never a broker-only one nor one above its ceiling', () => {
    expect(ceilingBlock(p('menu.manage', true), null)).toBeNull();
    expect(ceilingBlock(p('menu.manage', true), ['menu.manage'])).toBe('brokerOnly');
    expect(ceilingBlock(p('users.read'), ['tickets.create'])).toBe('aboveCeiling');
    expect(ceilingBlock(p('tickets.create'), ['tickets.create'])).toBeNull();
    // Ceiling not known: only broker-only ones are known to be refused.
    expect(ceilingBlock(p('users.read'), undefined)).toBeNull();
    expect(ceilingBlock(p('tickets.inbox', true), undefined)).toBe('brokerOnly');
  });

  it('what checked packages come to: each permission once, sorted', () => {
    const packages = [
      pkg('a', ['users.read', 'tickets.create']),
      pkg('b', ['tickets.create', 'docs.read']),
      pkg('c', ['menu.manage']),
    ];
    expect(permissionsOfPackages(packages, ['a', 'b'])).toEqual(['docs.read', 'tickets.create', 'users.read']);
    expect(permissionsOfPackages(packages, [])).toEqual([]);
  });

  it('toggles a value of a checklist and tells what a save would add and remove', () => {
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
    expect(selectionDiff(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(selectionDiff(['a'], ['a'])).toEqual({ added: [], removed: [] });
  });

  it('moves an entry up or down and renumbers only the entries whose order changed', () => {
    const list = [
      { key: 'x', sortOrder: 10 },
      { key: 'y', sortOrder: 20 },
      { key: 'z', sortOrder: 30 },
    ];
    expect(reorder(list, 'z', -1)).toEqual([
      { key: 'z', sortOrder: 20 },
      { key: 'y', sortOrder: 30 },
    ]);
    expect(reorder(list, 'x', -1)).toEqual([]);
    expect(reorder(list, 'z', 1)).toEqual([]);
    expect(reorder(list, 'nope', 1)).toEqual([]);
    // Equal or gappy orders are normalised to 10, 20, 30.
    expect(
      reorder(
        [
          { key: 'a', sortOrder: 5 },
          { key: 'b', sortOrder: 5 },
        ],
        'a',
        1,
      ),
    ).toEqual([
      { key: 'b', sortOrder: 10 },
      { key: 'a', sortOrder: 20 },
    ]);
  });
});
