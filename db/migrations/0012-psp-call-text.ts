import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * What a PSP call's failure means, for people, in Persian and English (`{"fa","en"}`): the message
 * column holds the technical detail (English) or the PSP's own message of a rejection. Calls recorded
 * before this have none (the portal falls back to the message).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.addColumn('psp_calls', 'text', { type: DataTypes.STRING(2000), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeColumn('psp_calls', 'text');
}
