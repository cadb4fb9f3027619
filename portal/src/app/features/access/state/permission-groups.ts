import { AccessPackage, PermissionInfo } from '../data/access.models';

/** Pure helpers of the access screens: permissions grouped by module, ceilings, orders. No Angular. */

export interface PermissionGroup {
  readonly module: string;
  readonly items: readonly PermissionInfo[];
}

/**
 * Permissions grouped by module in the catalogue's order. With `only`, just those codes; a code the
 * catalogue does not know (a newer API) still shows, under its own module, labelled with its code.
 */
export function groupPermissions(catalog: readonly PermissionInfo[], only?: Iterable<string>): PermissionGroup[] {
  const wanted = only ? new Set(only) : null;
  const known = new Set(catalog.map((p) => p.code));
  const list: PermissionInfo[] = catalog.filter((p) => !wanted || wanted.has(p.code));
  for (const code of wanted ?? []) {
    if (!known.has(code)) list.push({ code, module: code.split('.')[0], label: { fa: code, en: code }, brokerOnly: false });
  }
  const groups = new Map<string, PermissionInfo[]>();
  for (const p of list) {
    const items = groups.get(p.module) ?? [];
    items.push(p);
    groups.set(p.module, items);
  }
  return [...groups].map(([module, items]) => ({ module, items }));
}

/** Why a permission cannot be granted by the caller: `null` when it can. */
export type CeilingBlock = 'brokerOnly' | 'aboveCeiling' | null;

/**
 * Whether the caller may put a permission into a package. `ceiling` is the caller's agent's ceiling
 * (`null`: the main broker, no ceiling; `undefined`: not known, only broker-only ones are known to be refused).
 */
export function ceilingBlock(permission: PermissionInfo, ceiling: readonly string[] | null | undefined): CeilingBlock {
  if (ceiling === null) return null;
  if (permission.brokerOnly) return 'brokerOnly';
  if (ceiling && !ceiling.includes(permission.code)) return 'aboveCeiling';
  return null;
}

/** The permissions a set of packages comes to, without duplicates, sorted. */
export function permissionsOfPackages(packages: readonly AccessPackage[], ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const out = new Set<string>();
  for (const p of packages) if (wanted.has(p.id)) for (const code of p.permissions) out.add(code);
  return [...out].sort();
}

/** Adds or removes one value of a list (for checklists), keeping the list's order. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** The difference between two selections: what a save would add and remove. */
export function selectionDiff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((v) => !b.has(v)).sort(), removed: [...b].filter((v) => !a.has(v)).sort() };
}

export interface Ordered {
  readonly key: string;
  readonly sortOrder: number;
}

/**
 * Moves one entry up (-1) or down (+1) among its siblings and numbers them 10, 20, 30…; returns only
 * the entries whose order changed (nothing when the entry is already first/last or unknown).
 */
export function reorder(siblings: readonly Ordered[], key: string, direction: -1 | 1): Ordered[] {
  const list = [...siblings].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
  const from = list.findIndex((e) => e.key === key);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= list.length) return [];
  [list[from], list[to]] = [list[to], list[from]];
  return list
    .map((e, i) => ({ key: e.key, sortOrder: (i + 1) * 10 }))
    .filter((e) => siblings.find((s) => s.key === e.key)?.sortOrder !== e.sortOrder);
}
