import type { Bilingual } from './i18n';

/**
 * Access model (SPEC R-ACCESS): permissions are `module.action` pairs; access packages bundle
 * permissions; roles bundle packages. The main broker gives each agent a ceiling of packages and
 * an agent grants its users only what lies under its ceiling. Grants live in the database; the
 * tables below are the catalogue (permissions the code knows) and the system packages and roles
 * every installation starts with.
 */

export interface ModuleDef {
  key: string;
  label: Bilingual;
}

export const MODULES = {
  tickets: { fa: 'تیکت‌های پشتیبانی', en: 'Support tickets' },
  docs: { fa: 'مستندات', en: 'Documentation' },
  agents: { fa: 'نمایندگان', en: 'Agents' },
  users: { fa: 'کاربران', en: 'Users' },
  access: { fa: 'دسترسی‌ها', en: 'Access' },
  menu: { fa: 'منو و ماژول‌ها', en: 'Menu and modules' },
  agreements: { fa: 'قراردادها', en: 'Agreements' },
  branding: { fa: 'برند و ظاهر', en: 'Branding' },
  settings: { fa: 'تنظیمات سامانه', en: 'System settings' },
  basedata: { fa: 'اطلاعات پایه', en: 'Base data' },
  merchants: { fa: 'پذیرندگان', en: 'Merchants' },
  warehouse: { fa: 'انبار و دستگاه‌ها', en: 'Warehouse and devices' },
  audit: { fa: 'ممیزی تغییرات', en: 'Change audit' },
  events: { fa: 'رویدادهای سامانه', en: 'System events' },
  requests: { fa: 'درخواست‌ها و کارتابل', en: 'Requests and inbox' },
  terminals: { fa: 'پایانه‌ها', en: 'Terminals' },
} as const satisfies Record<string, Bilingual>;

export type ModuleKey = keyof typeof MODULES;

const P = <M extends ModuleKey, A extends string>(module: M, action: A, fa: string, en: string) =>
  ({ code: `${module}.${action}`, module, label: { fa, en } }) as const;

/** Every permission the code checks. A route names one or more of these. */
export const PERMISSION_CATALOG = [
  P('tickets', 'create', 'ثبت تیکت', 'Open tickets'),
  P('tickets', 'read-own', 'دیدن تیکت‌های خود', 'See own tickets'),
  P('tickets', 'read-agent', 'دیدن تیکت‌های نمایندگی', "See the agency's tickets"),
  P('tickets', 'inbox', 'کارتابل پشتیبانی', 'Support inbox'),
  P('tickets', 'answer', 'پاسخ به تیکت', 'Answer tickets'),
  P('tickets', 'escalations', 'تیکت‌های ارجاعی', 'Escalated tickets'),
  P('tickets', 'read-all', 'دیدن همهٔ تیکت‌ها', 'See all tickets'),
  P('tickets', 'timeline', 'دیدن تاریخچهٔ تیکت', 'See ticket history'),
  P('docs', 'read', 'مستندات API', 'API documentation'),
  P('agents', 'read', 'دیدن نمایندگان', 'See agents'),
  P('agents', 'create', 'ایجاد نماینده', 'Create agents'),
  P('agents', 'update', 'ویرایش نماینده', 'Edit agents'),
  P('agents', 'suspend', 'تعلیق نماینده', 'Suspend agents'),
  P('agents', 'move', 'جابه‌جایی نماینده در درخت', 'Move agents in the tree'),
  P('agents', 'credentials', 'اعتبارنامه‌های PSP', 'PSP credentials'),
  P('users', 'read', 'دیدن کاربران', 'See users'),
  P('users', 'create', 'ایجاد کاربر', 'Create users'),
  P('users', 'update', 'ویرایش کاربر', 'Edit users'),
  P('users', 'disable', 'غیرفعال‌سازی کاربر', 'Disable users'),
  P('users', 'reset-password', 'بازنشانی گذرواژه', 'Reset passwords'),
  P('access', 'read', 'دیدن بسته‌ها و نقش‌ها', 'See packages and roles'),
  P('access', 'manage', 'مدیریت بسته‌ها، نقش‌ها و اعطای آن‌ها', 'Manage packages, roles and grants'),
  P('access', 'ceilings', 'تعیین سقف دسترسی نمایندگان', "Set agents' access ceilings"),
  P('menu', 'manage', 'مدیریت منو و ماژول‌ها', 'Manage menu and modules'),
  P('agreements', 'read', 'دیدن قراردادها', 'See agreements'),
  P('agreements', 'manage', 'مدیریت قراردادها', 'Manage agreements'),
  P('branding', 'manage', 'مدیریت برند', 'Manage branding'),
  P('settings', 'manage', 'مدیریت تنظیمات سامانه', 'Manage system settings'),
  P('basedata', 'read', 'دیدن اطلاعات پایه', 'See base data'),
  P('basedata', 'manage', 'مدیریت اطلاعات پایه و نگاشت', 'Manage base data and mapping'),
  P('merchants', 'read', 'دیدن پذیرندگان', 'See merchants'),
  P('merchants', 'create', 'ثبت پذیرنده', 'Register merchants'),
  P('merchants', 'update', 'ویرایش پذیرنده', 'Edit merchants'),
  P('merchants', 'review-documents', 'بررسی مدارک', 'Review documents'),
  P('warehouse', 'read', 'دیدن انبارها، موجودی و سابقهٔ دستگاه‌ها', 'See warehouses, stock and device history'),
  P('warehouse', 'manage', 'ثبت رسید ورود و انتقال دستگاه', 'Enter and transfer devices'),
  P('audit', 'read', 'دیدن ممیزی تغییرات', 'See the change audit'),
  P('audit', 'verify', 'بررسی صحت زنجیرهٔ ممیزی', 'Verify the audit chain'),
  P('events', 'read', 'دیدن رویدادهای سامانه', 'See system events'),
  P('requests', 'create', 'ثبت و اصلاح درخواست', 'Submit and correct requests'),
  P('requests', 'read', 'دیدن درخواست‌های نمایندگی', "See the agency's requests"),
  P('requests', 'review', 'بررسی و تأیید درخواست‌ها', 'Review and approve requests'),
  P('requests', 'supervise', 'سرپرستی کارتابل (ارجاع‌ها و واگذاری)', 'Supervise the inbox (escalations, reassigning)'),
  P('requests', 'install', 'نصب دستگاه (تکنسین)', 'Install devices (technician)'),
  P('requests', 'operate', 'رفع توقف درخواست‌ها (نگاشت، ارسال مجدد)', 'Unblock parked requests (mapping, retry)'),
  P('requests', 'read-all', 'دیدن همهٔ درخواست‌ها', 'See all requests'),
  P('requests', 'timeline', 'دیدن تاریخچهٔ درخواست', 'See request history'),
  P('terminals', 'read', 'دیدن پایانه‌ها', 'See terminals'),
] as const;

export type Permission = (typeof PERMISSION_CATALOG)[number]['code'];

export const PERMISSIONS: readonly Permission[] = PERMISSION_CATALOG.map((p) => p.code);

const KNOWN = new Set<string>(PERMISSIONS);
export const isPermission = (s: string): s is Permission => KNOWN.has(s);

/**
 * System management and base data belong to the main broker only (R-AGENT-PANEL): no ceiling
 * can carry these to an agent.
 */
export const BROKER_ONLY: ReadonlySet<Permission> = new Set<Permission>([
  'tickets.inbox',
  'tickets.answer',
  'tickets.escalations',
  'tickets.read-all',
  'access.ceilings',
  'menu.manage',
  'settings.manage',
  'basedata.manage',
  'audit.verify',
  'requests.operate',
]);

export interface PackageDef {
  code: string;
  name: Bilingual;
  permissions: Permission[];
}

export interface RoleDef {
  code: string;
  name: Bilingual;
  packages: string[];
  /** `broker`: defined in the broker only; `agent`: a template every agent may grant. */
  scope: 'broker' | 'agent';
}

/** Packages every installation starts with (owned by the main broker, usable under ceilings). */
export const SYSTEM_PACKAGES: PackageDef[] = [
  {
    code: 'tickets-requester',
    name: { fa: 'درخواست پشتیبانی', en: 'Support requester' },
    permissions: ['tickets.create', 'tickets.read-own', 'tickets.timeline'],
  },
  {
    code: 'tickets-agency',
    name: { fa: 'تیکت‌های نمایندگی', en: 'Agency tickets' },
    permissions: ['tickets.read-agent', 'tickets.timeline'],
  },
  {
    code: 'tickets-support',
    name: { fa: 'پاسخ‌گویی پشتیبانی', en: 'Support desk' },
    permissions: ['tickets.inbox', 'tickets.answer', 'tickets.read-all', 'tickets.timeline'],
  },
  {
    code: 'tickets-supervision',
    name: { fa: 'سرپرستی پشتیبانی', en: 'Support supervision' },
    permissions: ['tickets.escalations'],
  },
  {
    code: 'agency-admin',
    name: { fa: 'مدیریت نمایندگی', en: 'Agency administration' },
    permissions: [
      'agents.read',
      'agents.create',
      'agents.update',
      'agents.suspend',
      'agents.move',
      'users.read',
      'users.create',
      'users.update',
      'users.disable',
      'users.reset-password',
      'access.read',
      'access.manage',
      'agreements.read',
      'branding.manage',
    ],
  },
  { code: 'api-docs', name: { fa: 'مستندات API', en: 'API documentation' }, permissions: ['docs.read'] },
  {
    code: 'psp-credentials',
    name: { fa: 'اعتبارنامه‌های PSP', en: 'PSP credentials' },
    permissions: ['agents.credentials'],
  },
  {
    code: 'merchants',
    name: { fa: 'پذیرندگان', en: 'Merchants' },
    permissions: ['merchants.read', 'merchants.create', 'merchants.update', 'basedata.read'],
  },
  {
    code: 'merchant-documents',
    name: { fa: 'بررسی مدارک پذیرندگان', en: 'Merchant document review' },
    permissions: ['merchants.review-documents'],
  },
  {
    code: 'requests-submitter',
    name: { fa: 'ثبت درخواست', en: 'Request submitter' },
    permissions: ['requests.create', 'requests.read', 'requests.timeline', 'terminals.read', 'merchants.read', 'basedata.read'],
  },
  {
    code: 'requests-approver',
    name: { fa: 'بررسی و تأیید درخواست', en: 'Request approver' },
    permissions: ['requests.review', 'requests.read', 'requests.timeline', 'terminals.read', 'agreements.read', 'merchants.read'],
  },
  {
    code: 'requests-supervision',
    name: { fa: 'سرپرستی کارتابل', en: 'Inbox supervision' },
    permissions: ['requests.supervise', 'requests.read', 'requests.timeline'],
  },
  {
    code: 'technician',
    name: { fa: 'تکنسین نصب', en: 'Installation technician' },
    permissions: ['requests.install', 'requests.read', 'terminals.read'],
  },
  {
    code: 'requests-operations',
    name: { fa: 'عملیات درخواست‌ها', en: 'Request operations' },
    permissions: [
      'requests.operate',
      'requests.read-all',
      'requests.timeline',
      'terminals.read',
      'basedata.manage',
      'basedata.read',
    ],
  },
  {
    code: 'warehouse',
    name: { fa: 'انبار و دستگاه‌ها', en: 'Warehouse and devices' },
    permissions: ['warehouse.read', 'warehouse.manage', 'basedata.read'],
  },
  {
    code: 'system-admin',
    name: { fa: 'مدیریت سامانه', en: 'System administration' },
    permissions: [
      'access.ceilings',
      'menu.manage',
      'settings.manage',
      'basedata.read',
      'basedata.manage',
      'agreements.manage',
      'docs.read',
    ],
  },
  {
    code: 'audit',
    name: { fa: 'ممیزی', en: 'Audit' },
    permissions: [
      'audit.read',
      'audit.verify',
      'events.read',
      'tickets.read-all',
      'tickets.timeline',
      'agents.read',
      'users.read',
      'access.read',
      'agreements.read',
      'merchants.read',
      'warehouse.read',
      'basedata.read',
      'docs.read',
      'requests.read-all',
      'requests.timeline',
      'terminals.read',
    ],
  },
];

export const SYSTEM_ROLES: RoleDef[] = [
  {
    code: 'admin',
    name: { fa: 'مدیر سامانه', en: 'System administrator' },
    scope: 'broker',
    packages: SYSTEM_PACKAGES.map((p) => p.code),
  },
  {
    code: 'supporter',
    name: { fa: 'پشتیبان', en: 'Supporter' },
    scope: 'broker',
    packages: ['tickets-support', 'api-docs'],
  },
  {
    code: 'support-supervisor',
    name: { fa: 'سرپرست پشتیبانی', en: 'Support supervisor' },
    scope: 'broker',
    packages: ['tickets-support', 'tickets-supervision', 'api-docs'],
  },
  { code: 'auditor', name: { fa: 'ناظر', en: 'Auditor' }, scope: 'broker', packages: ['audit'] },
  {
    code: 'agent-admin',
    name: { fa: 'مدیر نمایندگی', en: 'Agent administrator' },
    scope: 'agent',
    packages: [
      'tickets-requester',
      'tickets-agency',
      'agency-admin',
      'merchants',
      'requests-submitter',
      'requests-approver',
      'requests-supervision',
      'warehouse',
    ],
  },
  {
    code: 'agent-user',
    name: { fa: 'کاربر نمایندگی', en: 'Agent user' },
    scope: 'agent',
    packages: ['tickets-requester', 'merchants', 'requests-submitter'],
  },
  {
    code: 'technician',
    name: { fa: 'تکنسین', en: 'Technician' },
    scope: 'agent',
    packages: ['technician'],
  },
];

/** The ceiling a new agent gets unless the broker chooses otherwise. */
export const DEFAULT_AGENT_CEILING = [
  'tickets-requester',
  'tickets-agency',
  'agency-admin',
  'merchants',
  'merchant-documents',
  'requests-submitter',
  'requests-approver',
  'requests-supervision',
  'technician',
  'warehouse',
];

const PACKAGE_BY_CODE = new Map(SYSTEM_PACKAGES.map((p) => [p.code, p]));

/** Permissions of a set of system packages (unknown codes ignored). */
export function permissionsOfPackages(codes: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const c of codes) for (const p of PACKAGE_BY_CODE.get(c)?.permissions ?? []) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

/**
 * What a user's permissions come to: the union of their packages, cut to the agent's ceiling.
 * A broker user has no ceiling; an agent never holds a broker-only permission.
 */
export function effectivePermissions(granted: Iterable<string>, ceiling: ReadonlySet<string> | 'none'): Permission[] {
  const set = new Set(granted);
  return PERMISSIONS.filter((p) => set.has(p) && (ceiling === 'none' || (ceiling.has(p) && !BROKER_ONLY.has(p))));
}

/**
 * The permissions granted by system roles (as a fresh installation grants them). Broker roles
 * count only for the broker, so an agent cannot give itself support powers by naming a role
 * `supporter`; an agent is also cut to the default ceiling.
 */
export function permissionsForRoles(roles: readonly string[], isBroker: boolean): Permission[] {
  const packages = SYSTEM_ROLES.filter(
    (r) => roles.includes(r.code) && (isBroker ? r.scope === 'broker' : r.scope === 'agent'),
  ).flatMap((r) => r.packages);
  const perms = permissionsOfPackages(packages);
  return isBroker ? perms : effectivePermissions(perms, new Set(permissionsOfPackages(DEFAULT_AGENT_CEILING)));
}

/** Permissions above a ceiling: what a grant may not contain. */
export function aboveCeiling(wanted: Iterable<string>, ceiling: ReadonlySet<string> | 'none'): string[] {
  if (ceiling === 'none') return [];
  return [...new Set(wanted)].filter((p) => !ceiling.has(p) || BROKER_ONLY.has(p as Permission));
}
