import { DataTypes, type QueryInterface } from 'sequelize';

const AGENT_COLUMNS = {
  /** provisioning | active | suspended (`active` stays true only while `active`). */
  status: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'active' },
  /** The user who created the agent (null for seeded agents). */
  created_by: { type: DataTypes.STRING(36), allowNull: true },
  /** legal | natural */
  entity_type: { type: DataTypes.STRING(16), allowNull: true },
  legal_name: { type: DataTypes.STRING(300), allowNull: true },
  legal_id: { type: DataTypes.STRING(11), allowNull: true },
  national_code: { type: DataTypes.STRING(10), allowNull: true },
  economic_code: { type: DataTypes.STRING(20), allowNull: true },
  registration_no: { type: DataTypes.STRING(32), allowNull: true },
  address: { type: DataTypes.STRING(500), allowNull: true },
  postal_code: { type: DataTypes.STRING(10), allowNull: true },
  phone: { type: DataTypes.STRING(20), allowNull: true },
  /** JSON: the first admin to create in the realm (username, names, email, mobile). */
  first_admin: { type: DataTypes.TEXT, allowNull: true },
  /** The first admin's temporary password, sealed with CREDENTIALS_KEY; cleared once provisioned. */
  first_admin_secret: { type: DataTypes.TEXT, allowNull: true },
  provision_error: { type: DataTypes.STRING(1000), allowNull: true },
  provisioned_at: { type: DataTypes.DATE, allowNull: true },
};

const USER_COLUMNS = {
  first_name: { type: DataTypes.STRING(100), allowNull: true },
  last_name: { type: DataTypes.STRING(100), allowNull: true },
  mobile: { type: DataTypes.STRING(11), allowNull: true },
  /** The user who created this user through the API (null: first seen through a token, or seeded). */
  created_by: { type: DataTypes.STRING(36), allowNull: true },
};

/** Agent profiles (legal details, contacts, PSP links with sealed credentials) and realm state. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const [name, spec] of Object.entries(AGENT_COLUMNS)) await qi.addColumn('agents', name, spec);
  await qi.addIndex('agents', ['parent_id'], { name: 'agents_parent_id' });
  await qi.addIndex('agents', ['created_by'], { name: 'agents_created_by' });
  for (const [name, spec] of Object.entries(USER_COLUMNS)) await qi.addColumn('users', name, spec);
  await qi.addIndex('users', ['agent_id'], { name: 'users_agent_id' });

  await qi.createTable('agent_contacts', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    name: { type: DataTypes.STRING(200), allowNull: false },
    role: { type: DataTypes.STRING(100), allowNull: true },
    mobile: { type: DataTypes.STRING(11), allowNull: true },
    email: { type: DataTypes.STRING(300), allowNull: true },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });
  await qi.addIndex('agent_contacts', ['agent_id'], { name: 'agent_contacts_agent_id' });

  await qi.createTable('agent_psps', {
    agent_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'agents', key: 'id' } },
    psp_code: { type: DataTypes.STRING(64), primaryKey: true },
    /** The agent works with this PSP as a direct broker. */
    direct: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    /** JSON object sealed with AES-256-GCM (CREDENTIALS_KEY); never returned. */
    sealed_credentials: { type: DataTypes.TEXT, allowNull: true },
    credentials_set_at: { type: DataTypes.DATE, allowNull: true },
    credentials_set_by: { type: DataTypes.STRING(200), allowNull: true },
    credentials_set_by_id: { type: DataTypes.STRING(36), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('agent_psps');
  await qi.dropTable('agent_contacts');
  await qi.removeIndex('users', 'users_agent_id');
  for (const name of Object.keys(USER_COLUMNS).reverse()) await qi.removeColumn('users', name);
  await qi.removeIndex('agents', 'agents_created_by');
  await qi.removeIndex('agents', 'agents_parent_id');
  for (const name of Object.keys(AGENT_COLUMNS).reverse()) await qi.removeColumn('agents', name);
}
