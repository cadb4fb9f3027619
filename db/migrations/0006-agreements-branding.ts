import { DataTypes, type QueryInterface } from 'sequelize';

/** Agreements with agents and users (R-AGREEMENTS); an agent's branding (R-BRAND). */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('agreements', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    /** The agent the agreement is with, or the agent of the user it is with (subtree scope). */
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    /** Set when the agreement is with a user of the agent. */
    user_id: { type: DataTypes.STRING(36), allowNull: true, references: { model: 'users', key: 'id' } },
    title: { type: DataTypes.STRING(200), allowNull: false },
    /** JSON (domain/agreements/agreement.ts AgreementTermsSchema). */
    terms: { type: DataTypes.TEXT, allowNull: false },
    valid_from: { type: DataTypes.DATEONLY, allowNull: false },
    valid_to: { type: DataTypes.DATEONLY, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    signed_by: { type: DataTypes.STRING(200), allowNull: true },
    signed_on: { type: DataTypes.DATEONLY, allowNull: true },
    created_by_id: { type: DataTypes.STRING(36), allowNull: true },
    created_by_name: { type: DataTypes.STRING(200), allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('agreements', ['agent_id', 'status'], { name: 'agreements_agent_status' });
  await qi.addIndex('agreements', ['user_id'], { name: 'agreements_user' });

  await qi.createTable('agent_branding', {
    agent_id: { type: DataTypes.STRING(36), primaryKey: true, references: { model: 'agents', key: 'id' } },
    title_fa: { type: DataTypes.STRING(100), allowNull: true },
    title_en: { type: DataTypes.STRING(100), allowNull: true },
    primary_color: { type: DataTypes.STRING(7), allowNull: true },
    accent_color: { type: DataTypes.STRING(7), allowNull: true },
    /** The current logo in `attachments` (purpose `logo`, ref_id = agent id). */
    logo_attachment_id: { type: DataTypes.STRING(36), allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('agent_branding');
  await qi.dropTable('agreements');
}
