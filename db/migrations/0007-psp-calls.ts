import { DataTypes, type QueryInterface } from 'sequelize';

/** The log of PSP calls (R-PSP): one row per call, no secrets; the metrics endpoint reads it. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('psp_calls', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    request_id: { type: DataTypes.STRING(100), allowNull: false },
    psp_code: { type: DataTypes.STRING(64), allowNull: false },
    operation: { type: DataTypes.STRING(40), allowNull: false },
    owner_agent_id: { type: DataTypes.STRING(36), allowNull: true },
    outcome: { type: DataTypes.STRING(16), allowNull: false },
    error_type: { type: DataTypes.STRING(60), allowNull: true },
    error_code: { type: DataTypes.STRING(200), allowNull: true },
    message: { type: DataTypes.STRING(1000), allowNull: true },
    tracking_code: { type: DataTypes.STRING(100), allowNull: true },
    latency_ms: { type: DataTypes.INTEGER, allowNull: false },
    started_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('psp_calls', ['request_id'], { name: 'psp_calls_request' });
  await qi.addIndex('psp_calls', ['psp_code', 'started_at'], { name: 'psp_calls_psp_time' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('psp_calls');
}
