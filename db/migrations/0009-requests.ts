import { DataTypes, type QueryInterface } from 'sequelize';

/**
 * Requests (SPEC §2): the read model the request workflows project into (requests, their inbox tasks
 * and timeline), the terminals they create and change, and saved inbox filters. The workflow is the
 * source of truth; these rows are rewritten from its snapshots (idempotent, newest version wins).
 * Task rows repeat a few request columns so the inbox query needs no join.
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const id = (allowNull = false) => ({ type: DataTypes.STRING(36), allowNull });
  await qi.createTable('requests', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    number: { type: DataTypes.STRING(32), allowNull: false },
    type: { type: DataTypes.STRING(16), allowNull: false },
    state: { type: DataTypes.STRING(16), allowNull: false },
    agent_id: id(),
    psp_code: { type: DataTypes.STRING(64), allowNull: false },
    submitter_id: id(),
    submitter_name: { type: DataTypes.STRING(200), allowNull: false },
    /** The client's idempotency key (the id when none was given: never NULL, SQL Server-safe unique). */
    client_key: { type: DataTypes.STRING(100), allowNull: false },
    merchant_id: id(true),
    terminal_id: id(true),
    serial: { type: DataTypes.STRING(40), allowNull: true },
    payload: { type: DataTypes.TEXT, allowNull: false },
    round: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    open_task_id: { type: DataTypes.STRING(48), allowNull: true },
    open_task_kind: { type: DataTypes.STRING(16), allowNull: true },
    tracking_code: { type: DataTypes.STRING(100), allowNull: true },
    outcome_reason: { type: DataTypes.STRING(1000), allowNull: true },
    /** JSON: chain and PSP progress of the last snapshot. */
    detail: { type: DataTypes.TEXT, allowNull: true },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    created_at: { type: DataTypes.DATE, allowNull: false },
    submitted_at: { type: DataTypes.DATE, allowNull: true },
    updated_at: { type: DataTypes.DATE, allowNull: false },
    closed_at: { type: DataTypes.DATE, allowNull: true },
  });
  await qi.addIndex('requests', ['number'], { unique: true, name: 'requests_number' });
  await qi.addIndex('requests', ['agent_id', 'client_key'], { unique: true, name: 'requests_client_key' });
  await qi.addIndex('requests', ['agent_id', 'state', 'created_at'], { name: 'requests_agent_state' });
  await qi.addIndex('requests', ['state', 'created_at'], { name: 'requests_state' });
  await qi.addIndex('requests', ['terminal_id'], { name: 'requests_terminal' });
  await qi.addIndex('requests', ['merchant_id'], { name: 'requests_merchant' });

  await qi.createTable('request_tasks', {
    id: { type: DataTypes.STRING(48), primaryKey: true },
    request_id: id(),
    seq: { type: DataTypes.INTEGER, allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    agent_id: id(),
    permission: { type: DataTypes.STRING(64), allowNull: false },
    is_open: { type: DataTypes.BOOLEAN, allowNull: false },
    assignee_id: id(true),
    assignee_name: { type: DataTypes.STRING(200), allowNull: true },
    sla: { type: DataTypes.STRING(12), allowNull: false },
    escalated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    warn_at: { type: DataTypes.DATE, allowNull: true },
    critical_at: { type: DataTypes.DATE, allowNull: true },
    due_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    closed_at: { type: DataTypes.DATE, allowNull: true },
    closed_by_id: id(true),
    closed_by_name: { type: DataTypes.STRING(200), allowNull: true },
    outcome: { type: DataTypes.STRING(16), allowNull: true },
    reason: { type: DataTypes.STRING(1000), allowNull: true },
    problem: { type: DataTypes.TEXT, allowNull: true },
    // Denormalised from the request for the inbox filters.
    request_number: { type: DataTypes.STRING(32), allowNull: false },
    request_type: { type: DataTypes.STRING(16), allowNull: false },
    request_agent_id: id(),
    psp_code: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.addIndex('request_tasks', ['request_id', 'seq'], { unique: true, name: 'request_tasks_request' });
  await qi.addIndex('request_tasks', ['is_open', 'agent_id', 'kind', 'created_at'], { name: 'request_tasks_inbox' });
  await qi.addIndex('request_tasks', ['is_open', 'assignee_id'], { name: 'request_tasks_assignee' });

  await qi.createTable('request_events', {
    id: { type: DataTypes.STRING(60), primaryKey: true },
    request_id: id(),
    seq: { type: DataTypes.INTEGER, allowNull: false },
    type: { type: DataTypes.STRING(24), allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    actor_id: id(true),
    actor_name: { type: DataTypes.STRING(200), allowNull: true },
    data: { type: DataTypes.TEXT, allowNull: false },
  });
  await qi.addIndex('request_events', ['request_id', 'seq'], { unique: true, name: 'request_events_request' });

  await qi.createTable('terminals', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    agent_id: id(),
    psp_code: { type: DataTypes.STRING(64), allowNull: false },
    psp_terminal_id: { type: DataTypes.STRING(40), allowNull: false },
    psp_merchant_id: { type: DataTypes.STRING(40), allowNull: true },
    merchant_id: id(),
    shop_id: id(),
    account_id: id(true),
    device_model: { type: DataTypes.STRING(64), allowNull: true },
    serial: { type: DataTypes.STRING(40), allowNull: true },
    state: { type: DataTypes.STRING(16), allowNull: false },
    state_reason: { type: DataTypes.STRING(500), allowNull: true },
    created_by_request_id: id(),
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('terminals', ['psp_code', 'psp_terminal_id'], { unique: true, name: 'terminals_psp_id' });
  await qi.addIndex('terminals', ['created_by_request_id'], { unique: true, name: 'terminals_request' });
  await qi.addIndex('terminals', ['agent_id', 'state'], { name: 'terminals_agent' });
  await qi.addIndex('terminals', ['merchant_id'], { name: 'terminals_merchant' });

  await qi.createTable('saved_filters', {
    id: { type: DataTypes.STRING(36), primaryKey: true },
    user_id: id(),
    name: { type: DataTypes.STRING(100), allowNull: false },
    query: { type: DataTypes.TEXT, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('saved_filters', ['user_id'], { name: 'saved_filters_user' });

  await qi.bulkInsert('sequences', [{ name: 'request', value: 0 }]);
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.bulkDelete('sequences', { name: 'request' });
  for (const t of ['saved_filters', 'terminals', 'request_events', 'request_tasks', 'requests']) await qi.dropTable(t);
}
