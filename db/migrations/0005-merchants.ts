import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

const merchantRef = { type: DataTypes.STRING(36), allowNull: false, references: { model: 'merchants', key: 'id' } };

/** Merchants (natural and legal persons), their representatives, addresses, shops, Sheba accounts and documents. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('merchants', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    created_by_user_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'users', key: 'id' } },
    kind: { type: DataTypes.STRING(8), allowNull: false },
    /** National code (10 digits, natural) or legal national ID (11 digits, legal): unique in the system. */
    identifier: { type: DataTypes.STRING(11), allowNull: false },
    first_name_fa: { type: DataTypes.STRING(100), allowNull: true },
    last_name_fa: { type: DataTypes.STRING(100), allowNull: true },
    first_name_en: { type: DataTypes.STRING(100), allowNull: true },
    last_name_en: { type: DataTypes.STRING(100), allowNull: true },
    father_name_fa: { type: DataTypes.STRING(100), allowNull: true },
    father_name_en: { type: DataTypes.STRING(100), allowNull: true },
    birth_date: { type: DataTypes.DATEONLY, allowNull: true },
    id_card_number: { type: DataTypes.STRING(10), allowNull: true },
    company_name_fa: { type: DataTypes.STRING(200), allowNull: true },
    company_name_en: { type: DataTypes.STRING(200), allowNull: true },
    registration_number: { type: DataTypes.STRING(12), allowNull: true },
    registration_date: { type: DataTypes.DATEONLY, allowNull: true },
    mobile: { type: DataTypes.STRING(11), allowNull: false },
    phone: { type: DataTypes.STRING(11), allowNull: true },
    email: { type: DataTypes.STRING(254), allowNull: true },
    tax_tracking_code: { type: DataTypes.STRING(10), allowNull: true },
    display_name_fa: { type: DataTypes.STRING(200), allowNull: false },
    display_name_en: { type: DataTypes.STRING(200), allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('merchants', ['identifier'], { unique: true, name: 'merchants_identifier' });
  await qi.addIndex('merchants', ['agent_id'], { name: 'merchants_agent_id' });
  await qi.addIndex('merchants', ['mobile'], { name: 'merchants_mobile' });

  await qi.createTable('merchant_representatives', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    merchant_id: merchantRef,
    role: { type: DataTypes.STRING(16), allowNull: false },
    national_code: { type: DataTypes.STRING(10), allowNull: false },
    first_name_fa: { type: DataTypes.STRING(100), allowNull: false },
    last_name_fa: { type: DataTypes.STRING(100), allowNull: false },
    first_name_en: { type: DataTypes.STRING(100), allowNull: false },
    last_name_en: { type: DataTypes.STRING(100), allowNull: false },
    mobile: { type: DataTypes.STRING(11), allowNull: true },
    sort_order: { type: DataTypes.INTEGER, allowNull: false },
  });
  await qi.addIndex('merchant_representatives', ['merchant_id'], { name: 'merchant_representatives_merchant_id' });

  await qi.createTable('merchant_addresses', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    merchant_id: merchantRef,
    address_fa: { type: DataTypes.STRING(500), allowNull: false },
    address_en: { type: DataTypes.STRING(500), allowNull: false },
    postal_code: { type: DataTypes.STRING(10), allowNull: false },
    phone: { type: DataTypes.STRING(11), allowNull: true },
    sort_order: { type: DataTypes.INTEGER, allowNull: false },
  });
  await qi.addIndex('merchant_addresses', ['merchant_id'], { name: 'merchant_addresses_merchant_id' });

  await qi.createTable('merchant_shops', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    merchant_id: merchantRef,
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    guild_code: { type: DataTypes.STRING(32), allowNull: false },
    address_fa: { type: DataTypes.STRING(500), allowNull: false },
    address_en: { type: DataTypes.STRING(500), allowNull: false },
    postal_code: { type: DataTypes.STRING(10), allowNull: false },
    phone: { type: DataTypes.STRING(11), allowNull: true },
    latitude: { type: DataTypes.DOUBLE, allowNull: true },
    longitude: { type: DataTypes.DOUBLE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('merchant_shops', ['merchant_id'], { name: 'merchant_shops_merchant_id' });

  await qi.createTable('merchant_accounts', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    merchant_id: merchantRef,
    sheba: { type: DataTypes.STRING(26), allowNull: false },
    /** Characters 5–7 of the Sheba: derived, never typed. */
    bank_code: { type: DataTypes.STRING(3), allowNull: false },
    owner_name_fa: { type: DataTypes.STRING(200), allowNull: false },
    owner_name_en: { type: DataTypes.STRING(200), allowNull: true },
    is_primary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('merchant_accounts', ['merchant_id', 'sheba'], { unique: true, name: 'merchant_accounts_merchant_sheba' });
  await qi.addIndex('merchant_accounts', ['sheba'], { name: 'merchant_accounts_sheba' });

  await qi.createTable('merchant_documents', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    merchant_id: merchantRef,
    attachment_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'attachments', key: 'id' } },
    type_code: { type: DataTypes.STRING(32), allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    reject_reason: { type: DataTypes.STRING(500), allowNull: true },
    uploaded_by_user_id: { type: DataTypes.STRING(36), allowNull: false },
    uploaded_by_name: { type: DataTypes.STRING(200), allowNull: false },
    reviewed_by_user_id: { type: DataTypes.STRING(36), allowNull: true },
    reviewed_by_name: { type: DataTypes.STRING(200), allowNull: true },
    reviewed_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('merchant_documents', ['merchant_id'], { name: 'merchant_documents_merchant_id' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const t of [
    'merchant_documents',
    'merchant_accounts',
    'merchant_shops',
    'merchant_addresses',
    'merchant_representatives',
    'merchants',
  ]) {
    await qi.dropTable(t);
  }
}
