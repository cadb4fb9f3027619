import { randomUUID } from 'node:crypto';
import type { Database } from './index';

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

/** The portal's menu; each item is shown only to users holding its permission. */
export const MENU = [
  {
    key: 'tickets.mine',
    route: '/tickets',
    icon: 'inbox',
    labelFa: 'تیکت‌های من',
    labelEn: 'My tickets',
    permission: 'tickets.read-own',
  },
  {
    key: 'tickets.new',
    route: '/tickets/new',
    icon: 'plus',
    labelFa: 'تیکت جدید',
    labelEn: 'New ticket',
    permission: 'tickets.create',
  },
  {
    key: 'tickets.agent',
    route: '/tickets/agent',
    icon: 'building',
    labelFa: 'تیکت‌های نمایندگی',
    labelEn: 'Agency tickets',
    permission: 'tickets.read-agent',
  },
  {
    key: 'support.inbox',
    route: '/support/inbox',
    icon: 'headset',
    labelFa: 'کارتابل پشتیبانی',
    labelEn: 'Support inbox',
    permission: 'tickets.inbox',
  },
  {
    key: 'support.escalations',
    route: '/support/escalations',
    icon: 'alert',
    labelFa: 'تیکت‌های ارجاعی',
    labelEn: 'Escalated tickets',
    permission: 'tickets.escalations',
  },
  {
    key: 'tickets.all',
    route: '/tickets/all',
    icon: 'list',
    labelFa: 'همهٔ تیکت‌ها',
    labelEn: 'All tickets',
    permission: 'tickets.read-all',
  },
  { key: 'docs.api', route: '/api/docs', icon: 'book', labelFa: 'مستندات API', labelEn: 'API docs', permission: 'docs.read' },
];

/** Base data every installation needs; safe to run again. */
export async function seedBase(db: Database, broker: AgentSeed = BROKER_AGENT): Promise<void> {
  const { TicketCategory, MenuItem, Sequence } = db.models;
  for (const [i, c] of CATEGORIES.entries()) await TicketCategory.upsert({ ...c, sortOrder: i + 1, active: true });
  for (const [i, m] of MENU.entries()) await MenuItem.upsert({ ...m, sortOrder: i + 1 });
  if (!(await Sequence.findByPk('ticket'))) await Sequence.create({ name: 'ticket', value: 0 });
  await ensureAgent(db, broker);
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
    return existing.id;
  }
  const created = await Agent.create({ id: randomUUID(), ...values });
  return created.id;
}

export async function seedDemo(db: Database): Promise<void> {
  for (const agent of DEMO_AGENTS) await ensureAgent(db, agent);
}
