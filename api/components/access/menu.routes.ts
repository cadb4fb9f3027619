import { z } from 'zod';
import type { Database } from '../../../db';
import { appendAudit } from '../../../db/audit';
import { bi } from '../../../domain/i18n';
import type { ApiContext } from '../../app';
import { AppError } from '../../lib/errors';
import type { RouteTable } from '../../lib/routes';
import { text } from '../../lib/schemas';

const Icon = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'an icon name');
const KeyParams = z.object({ key: z.string().min(1).max(64) });

const GroupBody = z
  .strictObject({ icon: Icon, labelFa: text(1, 200), labelEn: text(1, 200), sortOrder: z.number().int().min(0).max(100_000) })
  .meta({ id: 'ModuleGroupInput' });
const ItemBody = z
  .strictObject({
    groupKey: z.string().min(1).max(64),
    icon: Icon,
    labelFa: text(1, 200),
    labelEn: text(1, 200),
    sortOrder: z.number().int().min(0).max(100_000),
    active: z.boolean(),
  })
  .meta({ id: 'MenuItemInput' });

const Group = z.object({ key: z.string(), icon: z.string(), labelFa: z.string(), labelEn: z.string(), sortOrder: z.number() });
const Item = z.object({
  key: z.string(),
  route: z.string(),
  icon: z.string(),
  labelFa: z.string(),
  labelEn: z.string(),
  permission: z.string(),
  groupKey: z.string().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
});
const MenuAdmin = z.object({ groups: z.array(Group), items: z.array(Item) }).meta({ id: 'MenuAdmin' });

export interface MenuEntry {
  key: string;
  route: string;
  icon: string;
  labelFa: string;
  labelEn: string;
  groupKey: string | null;
}

export interface MenuGroupEntry {
  key: string;
  icon: string;
  labelFa: string;
  labelEn: string;
  items: MenuEntry[];
}

/** The menu a user sees: active items they hold the permission of, in their groups' order. */
export async function menuFor(
  db: Database,
  permissions: readonly string[],
): Promise<{ groups: MenuGroupEntry[]; items: MenuEntry[] }> {
  const { MenuItem, ModuleGroup } = db.models;
  const groups = await ModuleGroup.findAll({ order: [['sortOrder', 'ASC']] });
  const items = (await MenuItem.findAll({ order: [['sortOrder', 'ASC']] })).filter(
    (m) => m.active !== false && permissions.includes(m.permission),
  );
  const toEntry = (m: (typeof items)[number]): MenuEntry => ({
    key: m.key,
    route: m.route,
    icon: m.icon,
    labelFa: m.labelFa,
    labelEn: m.labelEn,
    groupKey: m.groupKey,
  });
  const out: MenuGroupEntry[] = groups
    .map((g) => ({
      key: g.key,
      icon: g.icon,
      labelFa: g.labelFa,
      labelEn: g.labelEn,
      items: items.filter((i) => i.groupKey === g.key).map(toEntry),
    }))
    .filter((g) => g.items.length);
  const loose = items.filter((i) => !groups.some((g) => g.key === i.groupKey)).map(toEntry);
  if (loose.length) out.push({ key: 'other', icon: 'list', labelFa: 'سایر', labelEn: 'Other', items: loose });
  return { groups: out, items: out.flatMap((g) => g.items) };
}

/** Module groups and modules: the portal's dynamic menu (R-SYSTEM), managed by the broker. */
export function menuRoutes(routes: RouteTable, ctx: ApiContext): void {
  const { db } = ctx;
  const { MenuItem, ModuleGroup } = db.models;
  const MANAGE = { anyOf: ['menu.manage'] } as const;

  const adminView = async () => ({
    groups: (await ModuleGroup.findAll({ order: [['sortOrder', 'ASC']] })).map((g) => ({
      key: g.key,
      icon: g.icon,
      labelFa: g.labelFa,
      labelEn: g.labelEn,
      sortOrder: g.sortOrder,
    })),
    items: (await MenuItem.findAll({ order: [['sortOrder', 'ASC']] })).map((m) => ({
      key: m.key,
      route: m.route,
      icon: m.icon,
      labelFa: m.labelFa,
      labelEn: m.labelEn,
      permission: m.permission,
      groupKey: m.groupKey,
      sortOrder: m.sortOrder,
      active: m.active !== false,
    })),
  });

  routes.add({
    method: 'get',
    path: '/menu',
    tag: 'menu',
    summary: 'All module groups and modules (menu items) with their permissions',
    access: MANAGE,
    response: { status: 200, description: 'The menu', schema: MenuAdmin },
    handler: adminView,
  });

  routes.add({
    method: 'put',
    path: '/menu/groups/:key',
    tag: 'menu',
    summary: 'Create or change a module group (order, icon, labels)',
    access: MANAGE,
    params: KeyParams,
    body: GroupBody,
    response: { status: 200, description: 'The menu', schema: MenuAdmin },
    handler: async ({ auth, params, body }) => {
      await db.transaction(async (tx) => {
        const row = await ModuleGroup.findByPk(params.key, { transaction: tx });
        const before = row ? { icon: row.icon, labelFa: row.labelFa, labelEn: row.labelEn, sortOrder: row.sortOrder } : null;
        if (row) await row.update(body, { transaction: tx });
        else await ModuleGroup.create({ key: params.key, ...body }, { transaction: tx });
        await appendAudit(db, tx, auth!.who, {
          action: row ? 'update' : 'create',
          entityType: 'module-group',
          entityId: params.key,
          before,
          after: body,
        });
      });
      return adminView();
    },
  });

  routes.add({
    method: 'put',
    path: '/menu/items/:key',
    tag: 'menu',
    summary: 'Move, relabel, reorder or hide a module (its route and permission come from the code)',
    access: MANAGE,
    params: KeyParams,
    body: ItemBody,
    response: { status: 200, description: 'The menu', schema: MenuAdmin },
    handler: async ({ auth, params, body }) => {
      await db.transaction(async (tx) => {
        const row = await MenuItem.findByPk(params.key, { transaction: tx });
        if (!row) throw AppError.notFound(bi('ماژول یافت نشد.', 'Module not found.'));
        if (!(await ModuleGroup.findByPk(body.groupKey, { transaction: tx }))) {
          throw AppError.validation([
            { field: 'groupKey', code: 'UNKNOWN_GROUP', message: bi('گروه ماژول وجود ندارد.', 'No such module group.') },
          ]);
        }
        const before = {
          groupKey: row.groupKey,
          icon: row.icon,
          labelFa: row.labelFa,
          labelEn: row.labelEn,
          sortOrder: row.sortOrder,
          active: row.active !== false,
        };
        await row.update(body, { transaction: tx });
        await appendAudit(db, tx, auth!.who, {
          action: 'update',
          entityType: 'menu-item',
          entityId: params.key,
          before,
          after: body,
        });
      });
      return adminView();
    },
  });
}
