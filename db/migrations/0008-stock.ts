import { DataTypes, type QueryInterface } from 'sequelize';

const id = { type: DataTypes.STRING(36), primaryKey: true };
const agentRef = { type: DataTypes.STRING(36), allowNull: false, references: { model: 'agents', key: 'id' } };
const warehouseRef = { type: DataTypes.STRING(36), allowNull: true, references: { model: 'warehouses', key: 'id' } };

/**
 * Device stock (R-WH): warehouses, devices (one row per serial), stock documents with their lines,
 * each serial's history, and per-request locks that serialise the request workflows' stock moves.
 * Unique keys are never on nullable columns (SQL Server allows one NULL in a unique index).
 */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('warehouses', {
    id,
    kind: { type: DataTypes.STRING(8), allowNull: false },
    /** `main`, `agent:<agent id>` or `user:<user id>`: one warehouse per owner, race-safe. */
    owner_key: { type: DataTypes.STRING(48), allowNull: false },
    agent_id: agentRef,
    user_id: { type: DataTypes.STRING(36), allowNull: true, references: { model: 'users', key: 'id' } },
    name_fa: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('warehouses', ['owner_key'], { unique: true, name: 'warehouses_owner' });
  await qi.addIndex('warehouses', ['agent_id'], { name: 'warehouses_agent' });

  await qi.createTable('devices', {
    serial: { type: DataTypes.STRING(30), primaryKey: true },
    device_model: { type: DataTypes.STRING(64), allowNull: false },
    state: { type: DataTypes.STRING(16), allowNull: false },
    /** Null while installed on a terminal. */
    warehouse_id: warehouseRef,
    terminal_id: { type: DataTypes.STRING(64), allowNull: true },
    /** The agent whose warehouse holds it (or, while installed, held it last): its subtree sees the device. */
    agent_id: agentRef,
    /** The request the device is reserved for or was installed by (cleared on release and return). */
    reserved_for_request_id: { type: DataTypes.STRING(100), allowNull: true },
    entry_document_id: { type: DataTypes.STRING(36), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
  });
  await qi.addIndex('devices', ['warehouse_id', 'device_model', 'state'], { name: 'devices_stock' });
  await qi.addIndex('devices', ['reserved_for_request_id'], { name: 'devices_request' });
  await qi.addIndex('devices', ['terminal_id'], { name: 'devices_terminal' });
  await qi.addIndex('devices', ['agent_id', 'state'], { name: 'devices_agent' });

  await qi.createTable('stock_documents', {
    id,
    number: { type: DataTypes.STRING(32), allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    from_warehouse_id: warehouseRef,
    to_warehouse_id: warehouseRef,
    terminal_id: { type: DataTypes.STRING(64), allowNull: true },
    /** The request (workflow) that wrote it; null for entries and admin transfers without one. */
    request_id: { type: DataTypes.STRING(100), allowNull: true },
    /** kind + request + serial set (or `entry:<id>`): a retried activity writes its document once. */
    idempotency_key: { type: DataTypes.STRING(200), allowNull: false },
    /** Agents whose subtree may see it (the agents of the warehouses it touches). */
    from_agent_id: { type: DataTypes.STRING(36), allowNull: true },
    to_agent_id: { type: DataTypes.STRING(36), allowNull: true },
    status: { type: DataTypes.STRING(16), allowNull: false },
    total: { type: DataTypes.INTEGER, allowNull: false },
    processed: { type: DataTypes.INTEGER, allowNull: false },
    /** JSON array of per-line errors of a failed entry (at most 1,000 kept). */
    errors: { type: DataTypes.TEXT, allowNull: true },
    error_count: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    note: { type: DataTypes.STRING(1000), allowNull: true },
    created_by_user_id: { type: DataTypes.STRING(36), allowNull: true },
    created_by_name: { type: DataTypes.STRING(200), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex('stock_documents', ['number'], { unique: true, name: 'stock_documents_number' });
  await qi.addIndex('stock_documents', ['idempotency_key'], { unique: true, name: 'stock_documents_idempotency' });
  await qi.addIndex('stock_documents', ['request_id'], { name: 'stock_documents_request' });
  await qi.addIndex('stock_documents', ['created_at'], { name: 'stock_documents_created' });

  await qi.createTable('stock_document_lines', {
    id,
    document_id: { type: DataTypes.STRING(36), allowNull: false, references: { model: 'stock_documents', key: 'id' } },
    line_no: { type: DataTypes.INTEGER, allowNull: false },
    /** As typed for an entry still importing (normalised once accepted). */
    serial: { type: DataTypes.STRING(100), allowNull: false },
    device_model: { type: DataTypes.STRING(64), allowNull: false },
  });
  await qi.addIndex('stock_document_lines', ['document_id', 'line_no'], { unique: true, name: 'stock_document_lines_doc' });
  await qi.addIndex('stock_document_lines', ['serial'], { name: 'stock_document_lines_serial' });

  await qi.createTable('device_history', {
    id,
    serial: { type: DataTypes.STRING(30), allowNull: false },
    /** Order within a serial's history (1, 2, …). */
    seq: { type: DataTypes.INTEGER, allowNull: false },
    at: { type: DataTypes.DATE, allowNull: false },
    event: { type: DataTypes.STRING(16), allowNull: false },
    device_model: { type: DataTypes.STRING(64), allowNull: false },
    state: { type: DataTypes.STRING(16), allowNull: false },
    from_warehouse_id: warehouseRef,
    to_warehouse_id: warehouseRef,
    terminal_id: { type: DataTypes.STRING(64), allowNull: true },
    document_id: { type: DataTypes.STRING(36), allowNull: true },
    request_id: { type: DataTypes.STRING(100), allowNull: true },
    actor_user_id: { type: DataTypes.STRING(36), allowNull: true },
    actor_name: { type: DataTypes.STRING(200), allowNull: false },
  });
  await qi.addIndex('device_history', ['serial', 'seq'], { unique: true, name: 'device_history_serial_seq' });
  await qi.addIndex('device_history', ['to_warehouse_id', 'at'], { name: 'device_history_to' });
  await qi.addIndex('device_history', ['from_warehouse_id', 'at'], { name: 'device_history_from' });

  await qi.createTable('stock_locks', {
    key: { type: DataTypes.STRING(120), primaryKey: true },
    at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const t of ['stock_locks', 'device_history', 'stock_document_lines', 'stock_documents', 'devices', 'warehouses']) {
    await qi.dropTable(t);
  }
}
