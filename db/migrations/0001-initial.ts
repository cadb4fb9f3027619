import { DataTypes, type QueryInterface } from 'sequelize';

const timestamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('agents', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    code: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    parent_id: { type: DataTypes.STRING(36), allowNull: true },
    realm: { type: DataTypes.STRING(128), allowNull: false, unique: true },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    is_broker: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    ...timestamps,
  });

  await qi.createTable('users', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    issuer: { type: DataTypes.STRING(300), allowNull: false },
    subject: { type: DataTypes.STRING(100), allowNull: false },
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    username: { type: DataTypes.STRING(200), allowNull: false },
    display_name: { type: DataTypes.STRING(200), allowNull: false },
    email: { type: DataTypes.STRING(300), allowNull: true },
    last_seen_at: { type: DataTypes.DATE, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('users', ['issuer', 'subject'], { unique: true, name: 'users_issuer_subject' });

  await qi.createTable('ticket_categories', {
    code: { type: DataTypes.STRING(64), primaryKey: true },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
  });

  await qi.createTable('menu_items', {
    key: { type: DataTypes.STRING(64), primaryKey: true },
    route: { type: DataTypes.STRING(200), allowNull: false },
    icon: { type: DataTypes.STRING(64), allowNull: false },
    label_fa: { type: DataTypes.STRING(200), allowNull: false },
    label_en: { type: DataTypes.STRING(200), allowNull: false },
    permission: { type: DataTypes.STRING(100), allowNull: false },
    sort_order: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  });

  await qi.createTable('sequences', {
    name: { type: DataTypes.STRING(64), primaryKey: true },
    value: { type: DataTypes.BIGINT, allowNull: false },
  });

  await qi.createTable('tickets', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    number: { type: DataTypes.STRING(32), allowNull: false, unique: true },
    agent_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } },
    requester_id: { type: DataTypes.STRING(36), allowNull: false },
    requester_name: { type: DataTypes.STRING(200), allowNull: false },
    category_code: { type: DataTypes.STRING(64), allowNull: false },
    subject: { type: DataTypes.STRING(200), allowNull: false },
    priority: { type: DataTypes.STRING(16), allowNull: false },
    state: { type: DataTypes.STRING(32), allowNull: false },
    assignee_id: { type: DataTypes.STRING(36), allowNull: true },
    assignee_name: { type: DataTypes.STRING(200), allowNull: true },
    escalated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    first_response_due_at: { type: DataTypes.DATE, allowNull: true },
    first_responded_at: { type: DataTypes.DATE, allowNull: true },
    closed_at: { type: DataTypes.DATE, allowNull: true },
    close_reason: { type: DataTypes.STRING(16), allowNull: true },
    rating_score: { type: DataTypes.INTEGER, allowNull: true },
    rating_comment: { type: DataTypes.STRING(1000), allowNull: true },
    last_message_at: { type: DataTypes.DATE, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false },
    ...timestamps,
  });
  for (const cols of [['state'], ['agent_id'], ['requester_id'], ['assignee_id'], ['updated_at']]) {
    await qi.addIndex('tickets', cols, { name: `tickets_${cols.join('_')}` });
  }

  await qi.createTable('ticket_messages', {
    id: { type: DataTypes.STRING(64), primaryKey: true },
    ticket_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'tickets', key: 'id' } },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    author_id: { type: DataTypes.STRING(36), allowNull: false },
    author_name: { type: DataTypes.STRING(200), allowNull: false },
    side: { type: DataTypes.STRING(16), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    attachments: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('ticket_messages', ['ticket_id', 'seq'], { unique: true, name: 'ticket_messages_ticket_seq' });

  await qi.createTable('ticket_events', {
    id: { type: DataTypes.STRING(64), primaryKey: true },
    ticket_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'tickets', key: 'id' } },
    seq: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(32), allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    actor_id: { type: DataTypes.STRING(36), allowNull: true },
    actor_name: { type: DataTypes.STRING(200), allowNull: true },
    data: { type: DataTypes.TEXT, allowNull: false },
  });
  await qi.addIndex('ticket_events', ['ticket_id', 'seq'], { unique: true, name: 'ticket_events_ticket_seq' });

  await qi.createTable('attachments', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    owner_id: { type: DataTypes.STRING(36), allowNull: false },
    agent_id: { type: DataTypes.STRING(36), allowNull: false },
    ticket_id: { type: DataTypes.STRING(36), allowNull: true },
    file_name: { type: DataTypes.STRING(255), allowNull: false },
    content_type: { type: DataTypes.STRING(100), allowNull: false },
    size: { type: DataTypes.INTEGER, allowNull: false },
    sha256: { type: DataTypes.STRING(64), allowNull: false },
    data: { type: DataTypes.BLOB, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('attachments', ['ticket_id'], { name: 'attachments_ticket_id' });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    'attachments',
    'ticket_events',
    'ticket_messages',
    'tickets',
    'sequences',
    'menu_items',
    'ticket_categories',
    'users',
    'agents',
  ]) {
    await qi.dropTable(table);
  }
}
