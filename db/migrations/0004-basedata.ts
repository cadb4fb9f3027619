import { DataTypes, type QueryInterface } from 'sequelize';

/** Base data (one table for all kinds, attributes as JSON validated per kind) and the per-PSP mapping. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('base_items', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    kind: { type: DataTypes.STRING(32), allowNull: false },
    code: { type: DataTypes.STRING(64), allowNull: false },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    /** JSON object, validated by the kind's schema (domain/basedata.ts). */
    attributes: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('base_items', ['kind', 'code'], { unique: true, name: 'base_items_kind_code' });

  await qi.createTable('psp_mappings', {
    psp_code: { type: DataTypes.STRING(64), primaryKey: true },
    kind: { type: DataTypes.STRING(32), primaryKey: true },
    item_code: { type: DataTypes.STRING(64), primaryKey: true },
    /** The PSP's own code for the item. */
    external_code: { type: DataTypes.STRING(64), allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('psp_mappings', ['kind', 'item_code'], { name: 'psp_mappings_item' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('psp_mappings');
  await qi.dropTable('base_items');
}
