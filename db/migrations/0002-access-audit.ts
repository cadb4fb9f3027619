import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

/** Access packages, roles, grants and ceilings; module groups; settings; the audit chain; events. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('access_packages', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    owner_agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    code: { type: DataTypes.STRING(64), allowNull: false },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    system: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });
  await qi.addIndex('access_packages', ['owner_agent_id', 'code'], { unique: true, name: 'access_packages_owner_code' });

  await qi.createTable('access_package_permissions', {
    package_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'access_packages', key: 'id' } },
    permission: { type: DataTypes.STRING(100), primaryKey: true },
  });

  await qi.createTable('roles', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    owner_agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    code: { type: DataTypes.STRING(64), allowNull: false },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    /** `broker`: broker users only; `agent`: a template any agent may grant; `own`: the owner's users. */
    scope: { type: DataTypes.STRING(16), allowNull: false },
    system: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...timestamps,
  });
  await qi.addIndex('roles', ['owner_agent_id', 'code'], { unique: true, name: 'roles_owner_code' });

  await qi.createTable('role_packages', {
    role_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'roles', key: 'id' } },
    package_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'access_packages', key: 'id' } },
  });

  await qi.createTable('user_roles', {
    user_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'users', key: 'id' } },
    role_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'roles', key: 'id' } },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('user_roles', ['role_id'], { name: 'user_roles_role_id' });

  await qi.createTable('agent_ceiling_packages', {
    agent_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'agents', key: 'id' } },
    package_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'access_packages', key: 'id' } },
  });

  await qi.addColumn('users', 'active', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true });
  /** Set once the user's first token roles have been turned into grants. */
  await qi.addColumn('users', 'roles_seeded', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });

  await qi.createTable('module_groups', {
    key: { type: DataTypes.STRING(64), primaryKey: true },
    icon: { type: DataTypes.STRING(64), allowNull: false },
    label_fa: { type: DataTypes.STRING(200), allowNull: false },
    label_en: { type: DataTypes.STRING(200), allowNull: false },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await qi.addColumn('menu_items', 'group_key', { type: DataTypes.STRING(64), allowNull: true });
  await qi.addColumn('menu_items', 'active', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true });

  // Files other than ticket attachments (agreement files, merchant documents, logos) reuse the table.
  await qi.addColumn('attachments', 'purpose', { type: DataTypes.STRING(32), allowNull: true });
  await qi.addColumn('attachments', 'ref_id', { type: DataTypes.STRING(36), allowNull: true });
  await qi.addIndex('attachments', ['purpose', 'ref_id'], { name: 'attachments_purpose_ref' });

  // An agent's domains (white label: the portal and login page brand by the host they are served on).
  await qi.createTable('agent_domains', {
    domain: { type: DataTypes.STRING(253), primaryKey: true },
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('agent_domains', ['agent_id'], { name: 'agent_domains_agent_id' });

  await qi.createTable('settings', {
    /** `global` or an agent id. */
    scope: { type: DataTypes.STRING(36), primaryKey: true },
    key: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.TEXT, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });

  await qi.createTable('audit_log', {
    seq: { type: DataTypes.BIGINT, primaryKey: true },
    at: { type: DataTypes.DATE, allowNull: false },
    actor_issuer: { type: DataTypes.STRING(300), allowNull: true },
    actor_subject: { type: DataTypes.STRING(100), allowNull: true },
    actor_user_id: { type: DataTypes.STRING(36), allowNull: true },
    actor_name: { type: DataTypes.STRING(200), allowNull: false },
    actor_agent_id: { type: DataTypes.STRING(36), allowNull: true },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    action: { type: DataTypes.STRING(32), allowNull: false },
    entity_type: { type: DataTypes.STRING(64), allowNull: false },
    entity_id: { type: DataTypes.STRING(100), allowNull: false },
    scope_agent_id: { type: DataTypes.STRING(36), allowNull: true },
    before_json: { type: DataTypes.TEXT, allowNull: true },
    after_json: { type: DataTypes.TEXT, allowNull: true },
    prev_hash: { type: DataTypes.STRING(64), allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });
  for (const cols of [['entity_type', 'entity_id'], ['at'], ['scope_agent_id'], ['actor_user_id']]) {
    await qi.addIndex('audit_log', cols, { name: `audit_log_${cols.join('_')}` });
  }
  await qi.createTable('audit_head', {
    id: { type: DataTypes.INTEGER, primaryKey: true },
    seq: { type: DataTypes.BIGINT, allowNull: false },
    hash: { type: DataTypes.STRING(64), allowNull: false },
  });

  await qi.createTable('system_events', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    at: { type: DataTypes.DATE, allowNull: false },
    type: { type: DataTypes.STRING(64), allowNull: false },
    severity: { type: DataTypes.STRING(16), allowNull: false },
    agent_id: { type: DataTypes.STRING(36), allowNull: true },
    user_id: { type: DataTypes.STRING(36), allowNull: true },
    actor_name: { type: DataTypes.STRING(200), allowNull: true },
    ip: { type: DataTypes.STRING(64), allowNull: true },
    method: { type: DataTypes.STRING(8), allowNull: true },
    path: { type: DataTypes.STRING(300), allowNull: true },
    status: { type: DataTypes.INTEGER, allowNull: true },
    code: { type: DataTypes.STRING(64), allowNull: true },
    message: { type: DataTypes.STRING(1000), allowNull: true },
    details: { type: DataTypes.TEXT, allowNull: true },
  });
  for (const cols of [['at'], ['type'], ['agent_id']]) {
    await qi.addIndex('system_events', cols, { name: `system_events_${cols.join('_')}` });
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'system_events',
    'audit_head',
    'audit_log',
    'settings',
    'agent_domains',
    'module_groups',
    'agent_ceiling_packages',
    'user_roles',
    'role_packages',
    'roles',
    'access_package_permissions',
    'access_packages',
  ]) {
    await qi.dropTable(table);
  }
  await qi.removeIndex('attachments', 'attachments_purpose_ref');
  for (const col of ['purpose', 'ref_id']) await qi.removeColumn('attachments', col);
  for (const col of ['group_key', 'active']) await qi.removeColumn('menu_items', col);
  for (const col of ['active', 'roles_seeded']) await qi.removeColumn('users', col);
}
