import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Documents attached to a request (issue 5: "documents upload"): a typed file (base data kind
 * `document-type`) kept in the shared `attachments` table (purpose `request-document`, refId the
 * request). Added and removed only while the request is a draft or returned for correction.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('request_documents', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    request_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'requests', key: 'id' } },
    attachment_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'attachments', key: 'id' } },
    type_code: { type: DataTypes.STRING(32), allowNull: false },
    uploaded_by_user_id: { type: DataTypes.STRING(36), allowNull: false },
    uploaded_by_name: { type: DataTypes.STRING(200), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('request_documents', ['request_id', 'created_at'], { name: 'request_documents_request' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('request_documents');
}
