import { randomUUID } from 'node:crypto';
import type { Database } from './index';
import { ensureAuditHead } from './audit';
import { ensureDefaultCeiling, seedAccess } from './repositories/access';
import { SecretBox } from './secret-box';
import { SEED_PSPS, seedBaseData } from './seed-basedata';

export interface AgentSeed {
  code: string;
  realm: string;
  nameFa: string;
  nameEn: string;
  parentCode?: string;
  isBroker?: boolean;
}

export const BROKER_AGENT: AgentSeed = {
  code: 'broker',
  realm: 'kartabl',
  nameFa: 'کارگزار اصلی کارتابل',
  nameEn: 'Kartabl main broker',
  isBroker: true,
};

export const DEMO_AGENTS: AgentSeed[] = [
  { code: 'alpha', realm: 'agent-alpha', nameFa: 'نمایندگی آلفا', nameEn: 'Alpha agency', parentCode: 'broker' },
];

const CATEGORIES = [
  { code: 'technical', nameFa: 'مشکل فنی کارتخوان', nameEn: 'Device technical problem' },
  { code: 'registration', nameFa: 'ثبت‌نام و درخواست‌ها', nameEn: 'Registration and requests' },
  { code: 'settlement', nameFa: 'تسویه و مالی', nameEn: 'Settlement and finance' },
  { code: 'panel', nameFa: 'پنل و دسترسی', nameEn: 'Panel and access' },
  { code: 'other', nameFa: 'سایر', nameEn: 'Other' },
];

/** Module groups: the portal's menu sections (admins may reorder and relabel them). */
export const MODULE_GROUPS: { key: string; icon: string; labelFa: string; labelEn: string; sortOrder?: number }[] = [
  { key: 'support', icon: 'headset', labelFa: 'پشتیبانی', labelEn: 'Support' },
  { key: 'network', icon: 'building', labelFa: 'نمایندگان و کاربران', labelEn: 'Agents and users' },
  { key: 'merchants', icon: 'store', labelFa: 'پذیرندگان', labelEn: 'Merchants' },
  { key: 'devices', icon: 'box', labelFa: 'انبار و دستگاه‌ها', labelEn: 'Warehouse and devices', sortOrder: 35 },
  { key: 'system', icon: 'settings', labelFa: 'مدیریت سامانه', labelEn: 'System management' },
  { key: 'audit', icon: 'shield', labelFa: 'ممیزی', labelEn: 'Audit' },
  // Added after the others; its sortOrder puts it after support in new and existing databases alike.
  { key: 'requests', icon: 'inbox', labelFa: 'درخواست‌ها و کارتابل', labelEn: 'Requests and inbox', sortOrder: 15 },
];

/** The portal's menu; each item is shown only to users holding its permission. */
export const MENU: {
  key: string;
  route: string;
  icon: string;
  labelFa: string;
  labelEn: string;
  permission: string;
  groupKey: string;
}[] = [
  {
    key: 'tickets.mine',
    route: '/tickets',
    icon: 'inbox',
    labelFa: 'تیکت‌های من',
    labelEn: 'My tickets',
    permission: 'tickets.read-own',
    groupKey: 'support',
  },
  {
    key: 'tickets.new',
    route: '/tickets/new',
    icon: 'plus',
    labelFa: 'تیکت جدید',
    labelEn: 'New ticket',
    permission: 'tickets.create',
    groupKey: 'support',
  },
  {
    key: 'tickets.agent',
    route: '/tickets/agent',
    icon: 'building',
    labelFa: 'تیکت‌های نمایندگی',
    labelEn: 'Agency tickets',
    permission: 'tickets.read-agent',
    groupKey: 'support',
  },
  {
    key: 'support.inbox',
    route: '/support/inbox',
    icon: 'headset',
    labelFa: 'کارتابل پشتیبانی',
    labelEn: 'Support inbox',
    permission: 'tickets.inbox',
    groupKey: 'support',
  },
  {
    key: 'support.escalations',
    route: '/support/escalations',
    icon: 'alert',
    labelFa: 'تیکت‌های ارجاعی',
    labelEn: 'Escalated tickets',
    permission: 'tickets.escalations',
    groupKey: 'support',
  },
  {
    key: 'tickets.all',
    route: '/tickets/all',
    icon: 'list',
    labelFa: 'همهٔ تیکت‌ها',
    labelEn: 'All tickets',
    permission: 'tickets.read-all',
    groupKey: 'support',
  },
  {
    key: 'merchants.list',
    route: '/merchants',
    icon: 'users',
    labelFa: 'پذیرندگان',
    labelEn: 'Merchants',
    permission: 'merchants.read',
    groupKey: 'merchants',
  },
  {
    key: 'merchants.new',
    route: '/merchants/new',
    icon: 'plus',
    labelFa: 'ثبت پذیرنده',
    labelEn: 'New merchant',
    permission: 'merchants.create',
    groupKey: 'merchants',
  },
  {
    key: 'stock.warehouses',
    route: '/stock/warehouses',
    icon: 'box',
    labelFa: 'انبارها و موجودی',
    labelEn: 'Warehouses and stock',
    permission: 'warehouse.read',
    groupKey: 'devices',
  },
  {
    key: 'stock.documents',
    route: '/stock/documents',
    icon: 'doc',
    labelFa: 'اسناد انبار',
    labelEn: 'Stock documents',
    permission: 'warehouse.read',
    groupKey: 'devices',
  },
  {
    key: 'stock.devices',
    route: '/stock/devices',
    icon: 'device',
    labelFa: 'جستجوی دستگاه',
    labelEn: 'Find a device',
    permission: 'warehouse.read',
    groupKey: 'devices',
  },
  {
    key: 'agents.tree',
    route: '/agents',
    icon: 'building',
    labelFa: 'نمایندگان',
    labelEn: 'Agents',
    permission: 'agents.read',
    groupKey: 'network',
  },
  {
    key: 'users.list',
    route: '/users',
    icon: 'users',
    labelFa: 'کاربران',
    labelEn: 'Users',
    permission: 'users.read',
    groupKey: 'network',
  },
  {
    key: 'access.roles',
    route: '/admin/access',
    icon: 'key',
    labelFa: 'نقش‌ها و بسته‌های دسترسی',
    labelEn: 'Roles and access packages',
    permission: 'access.read',
    groupKey: 'network',
  },
  {
    key: 'agreements.list',
    route: '/agreements',
    icon: 'doc',
    labelFa: 'قراردادها',
    labelEn: 'Agreements',
    permission: 'agreements.read',
    groupKey: 'network',
  },
  {
    key: 'branding.edit',
    route: '/admin/branding',
    icon: 'globe',
    labelFa: 'برند و ظاهر',
    labelEn: 'Branding',
    permission: 'branding.manage',
    groupKey: 'network',
  },
  {
    key: 'system.settings',
    route: '/admin/settings',
    icon: 'settings',
    labelFa: 'تنظیمات سامانه',
    labelEn: 'System settings',
    permission: 'settings.manage',
    groupKey: 'system',
  },
  {
    key: 'system.menu',
    route: '/admin/menu',
    icon: 'menu',
    labelFa: 'منو و ماژول‌ها',
    labelEn: 'Menu and modules',
    permission: 'menu.manage',
    groupKey: 'system',
  },
  {
    key: 'audit.log',
    route: '/audit/log',
    icon: 'shield',
    labelFa: 'ممیزی تغییرات',
    labelEn: 'Change audit',
    permission: 'audit.read',
    groupKey: 'audit',
  },
  {
    key: 'audit.events',
    route: '/audit/events',
    icon: 'activity',
    labelFa: 'رویدادهای سامانه',
    labelEn: 'System events',
    permission: 'events.read',
    groupKey: 'audit',
  },
  {
    key: 'basedata.items',
    route: '/admin/basedata',
    icon: 'list',
    labelFa: 'اطلاعات پایه',
    labelEn: 'Base data',
    permission: 'basedata.manage',
    groupKey: 'system',
  },
  {
    key: 'basedata.mapping',
    route: '/admin/basedata/mapping',
    icon: 'globe',
    labelFa: 'نگاشت کدهای PSP',
    labelEn: 'PSP code mapping',
    permission: 'basedata.manage',
    groupKey: 'system',
  },
  {
    key: 'docs.api',
    route: '/api/docs',
    icon: 'book',
    labelFa: 'مستندات API',
    labelEn: 'API docs',
    permission: 'docs.read',
    groupKey: 'system',
  },
  {
    key: 'requests.inbox',
    route: '/inbox',
    icon: 'inbox',
    labelFa: 'کارتابل درخواست‌ها',
    labelEn: 'Request inbox',
    permission: 'requests.read',
    groupKey: 'requests',
  },
  {
    key: 'requests.new',
    route: '/requests/new',
    icon: 'plus',
    labelFa: 'درخواست جدید',
    labelEn: 'New request',
    permission: 'requests.create',
    groupKey: 'requests',
  },
  {
    key: 'requests.list',
    route: '/requests',
    icon: 'list',
    labelFa: 'درخواست‌ها',
    labelEn: 'Requests',
    permission: 'requests.read',
    groupKey: 'requests',
  },
  {
    // Auditors and operators read every request without an inbox (requests.read-all only); the portal
    // shows one entry per route, so holders of both permissions see "Requests" once.
    key: 'requests.all',
    route: '/requests',
    icon: 'list',
    labelFa: 'همهٔ درخواست‌ها',
    labelEn: 'All requests',
    permission: 'requests.read-all',
    groupKey: 'requests',
  },
  {
    key: 'terminals.list',
    route: '/terminals',
    icon: 'store',
    labelFa: 'پایانه‌ها',
    labelEn: 'Terminals',
    permission: 'terminals.read',
    groupKey: 'requests',
  },
];

/** Base data every installation needs; safe to run again. */
export async function seedBase(db: Database, broker: AgentSeed = BROKER_AGENT): Promise<void> {
  const { TicketCategory, MenuItem, ModuleGroup, Sequence } = db.models;
  const brokerId = await ensureAgent(db, broker);
  await ensureAuditHead(db);
  await seedAccess(db, brokerId);
  for (const [i, c] of CATEGORIES.entries()) await TicketCategory.upsert({ ...c, sortOrder: i + 1, active: true });
  for (const [i, g] of MODULE_GROUPS.entries()) {
    if (!(await ModuleGroup.findByPk(g.key))) await ModuleGroup.create({ ...g, sortOrder: g.sortOrder ?? (i + 1) * 10 });
  }
  // Items the code adds appear; an admin's later edits to order, labels or groups are kept.
  for (const [i, m] of MENU.entries()) {
    const row = await MenuItem.findByPk(m.key);
    if (!row) await MenuItem.create({ ...m, sortOrder: (i + 1) * 10, active: true });
    else if (row.permission !== m.permission || row.route !== m.route || !row.groupKey) {
      // Items from before module groups existed get their group; an admin's later choice is kept.
      await row.update({ permission: m.permission, route: m.route, groupKey: row.groupKey ?? m.groupKey });
    }
  }
  if (!(await Sequence.findByPk('ticket'))) await Sequence.create({ name: 'ticket', value: 0 });
  await seedBaseData(db);
}

/** Creates or updates an agent by code; returns its id. */
export async function ensureAgent(db: Database, seed: AgentSeed): Promise<string> {
  const { Agent } = db.models;
  const parent = seed.parentCode ? await Agent.findOne({ where: { code: seed.parentCode } }) : null;
  if (seed.parentCode && !parent) throw new Error(`Parent agent "${seed.parentCode}" does not exist`);
  const existing = await Agent.findOne({ where: { code: seed.code } });
  const values = {
    code: seed.code,
    realm: seed.realm,
    nameFa: seed.nameFa,
    nameEn: seed.nameEn,
    parentId: parent?.id ?? null,
    isBroker: seed.isBroker ?? false,
    active: true,
  };
  if (existing) {
    await existing.update(values);
    await ensureDefaultCeiling(db, existing.id);
    return existing.id;
  }
  const created = await Agent.create({ id: randomUUID(), ...values });
  await ensureDefaultCeiling(db, created.id);
  return created.id;
}

/** Where the demo reaches the PSP simulators, and the key that seals the demo account. */
export interface DemoPspOptions {
  /** PSP-A's base URL (default http://127.0.0.1:8301, as `npm start` runs it). */
  pspAUrl?: string;
  /** PSP-B's base URL (default http://127.0.0.1:8302; the SOAP service is `<url>/soap`). */
  pspBUrl?: string;
  /** CREDENTIALS_KEY: without it the demo account is not stored. */
  credentialsKey?: string;
}

/** The simulators' demo account (psp-sim/README.md). */
export const DEMO_PSP_ACCOUNT = { username: 'kartabl', password: 'kartabl-demo' } as const;

/**
 * Points the seeded PSPs at the simulators (only when their `endpointUrl` is still empty, so an
 * admin's address is kept) and stores the simulators' demo account as the main broker's
 * credentials (only when the broker has none for that PSP). Demo and e2e only.
 */
export async function seedDemoPsps(db: Database, opts: DemoPspOptions = {}): Promise<void> {
  const { Agent, AgentPsp, BaseItem } = db.models;
  const base = (u: string | undefined, fallback: string) => (u || fallback).replace(/\/+$/, '');
  const urls: Record<string, string> = {
    'psp-a': base(opts.pspAUrl, 'http://127.0.0.1:8301'),
    'psp-b': `${base(opts.pspBUrl, 'http://127.0.0.1:8302')}/soap`,
  };
  const broker = await Agent.findOne({ where: { isBroker: true }, attributes: ['id'], raw: true });
  const box = opts.credentialsKey ? SecretBox.fromBase64(opts.credentialsKey) : undefined;
  for (const { code } of SEED_PSPS) {
    const item = await BaseItem.findOne({ where: { kind: 'psp', code } });
    if (item) {
      const attrs = JSON.parse(item.attributes) as Record<string, unknown>;
      if (!attrs.endpointUrl) await item.update({ attributes: JSON.stringify({ ...attrs, endpointUrl: urls[code] }) });
    }
    if (!broker || !box || (await AgentPsp.findOne({ where: { agentId: broker.id, pspCode: code } }))) continue;
    await AgentPsp.create({
      agentId: broker.id,
      pspCode: code,
      direct: true,
      sealedCredentials: box.seal(JSON.stringify(DEMO_PSP_ACCOUNT), `${broker.id}/${code}`),
      credentialsSetAt: new Date(),
      credentialsSetBy: 'demo seed',
      credentialsSetById: null,
    });
  }
}

export async function seedDemo(db: Database, psps: DemoPspOptions = {}): Promise<void> {
  for (const agent of DEMO_AGENTS) await ensureAgent(db, agent);
  await seedDemoPsps(db, psps);
}
