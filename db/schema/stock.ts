import { DataTypes, type InferAttributes, type InferCreationAttributes, Model, type Sequelize } from 'sequelize';

/** A warehouse: the main one (main broker), one per agent, one per user who holds devices (migration 0008). */
export class WarehouseRow extends Model<InferAttributes<WarehouseRow>, InferCreationAttributes<WarehouseRow>> {
  declare id: string;
  /** main | agent | user (domain/stock.ts). */
  declare kind: string;
  /** `main`, `agent:<id>` or `user:<id>` (unique). */
  declare ownerKey: string;
  declare agentId: string;
  declare userId: string | null;
  declare nameFa: string;
  declare nameEn: string;
  declare active: boolean;
  declare createdAt: Date;
}

/** One device, by serial. */
export class DeviceRow extends Model<InferAttributes<DeviceRow>, InferCreationAttributes<DeviceRow>> {
  declare serial: string;
  /** A base-data `device-model` code. */
  declare deviceModel: string;
  declare state: string;
  declare warehouseId: string | null;
  declare terminalId: string | null;
  declare agentId: string;
  declare reservedForRequestId: string | null;
  declare entryDocumentId: string;
  declare createdAt: Date;
  declare updatedAt: Date;
  declare version: number;
}

export class StockDocumentRow extends Model<InferAttributes<StockDocumentRow>, InferCreationAttributes<StockDocumentRow>> {
  declare id: string;
  declare number: string;
  declare kind: string;
  declare fromWarehouseId: string | null;
  declare toWarehouseId: string | null;
  declare terminalId: string | null;
  declare requestId: string | null;
  declare idempotencyKey: string;
  declare fromAgentId: string | null;
  declare toAgentId: string | null;
  /** importing | done | failed (entries import in the background; the others are born done). */
  declare status: string;
  declare total: number;
  declare processed: number;
  /** JSON array of EntryLineError. */
  declare errors: string | null;
  declare errorCount: number;
  declare note: string | null;
  declare createdByUserId: string | null;
  declare createdByName: string;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export class StockDocumentLineRow extends Model<
  InferAttributes<StockDocumentLineRow>,
  InferCreationAttributes<StockDocumentLineRow>
> {
  declare id: string;
  declare documentId: string;
  declare lineNo: number;
  declare serial: string;
  declare deviceModel: string;
}

/** One event of a serial's life; stock at a date is counted from these rows. */
export class DeviceHistoryRow extends Model<InferAttributes<DeviceHistoryRow>, InferCreationAttributes<DeviceHistoryRow>> {
  declare id: string;
  declare serial: string;
  declare seq: number;
  declare at: Date;
  declare event: string;
  declare deviceModel: string;
  /** The device's state after the event. */
  declare state: string;
  declare fromWarehouseId: string | null;
  declare toWarehouseId: string | null;
  declare terminalId: string | null;
  declare documentId: string | null;
  declare requestId: string | null;
  declare actorUserId: string | null;
  declare actorName: string;
}

export class StockLockRow extends Model<InferAttributes<StockLockRow>, InferCreationAttributes<StockLockRow>> {
  declare key: string;
  declare at: Date;
}

const common = { timestamps: false, underscored: true } as const;

export function initStockModels(sequelize: Sequelize) {
  WarehouseRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      kind: DataTypes.STRING(8),
      ownerKey: DataTypes.STRING(48),
      agentId: DataTypes.STRING(36),
      userId: DataTypes.STRING(36),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      active: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'warehouses', ...common },
  );
  DeviceRow.init(
    {
      serial: { type: DataTypes.STRING(30), primaryKey: true },
      deviceModel: DataTypes.STRING(64),
      state: DataTypes.STRING(16),
      warehouseId: DataTypes.STRING(36),
      terminalId: DataTypes.STRING(64),
      agentId: DataTypes.STRING(36),
      reservedForRequestId: DataTypes.STRING(100),
      entryDocumentId: DataTypes.STRING(36),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
      version: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'devices', ...common },
  );
  StockDocumentRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      number: DataTypes.STRING(32),
      kind: DataTypes.STRING(16),
      fromWarehouseId: DataTypes.STRING(36),
      toWarehouseId: DataTypes.STRING(36),
      terminalId: DataTypes.STRING(64),
      requestId: DataTypes.STRING(100),
      idempotencyKey: DataTypes.STRING(200),
      fromAgentId: DataTypes.STRING(36),
      toAgentId: DataTypes.STRING(36),
      status: DataTypes.STRING(16),
      total: DataTypes.INTEGER,
      processed: DataTypes.INTEGER,
      errors: DataTypes.TEXT,
      errorCount: DataTypes.INTEGER,
      note: DataTypes.STRING(1000),
      createdByUserId: DataTypes.STRING(36),
      createdByName: DataTypes.STRING(200),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'stock_documents', ...common },
  );
  StockDocumentLineRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      documentId: DataTypes.STRING(36),
      lineNo: DataTypes.INTEGER,
      serial: DataTypes.STRING(100),
      deviceModel: DataTypes.STRING(64),
    },
    { sequelize, tableName: 'stock_document_lines', ...common },
  );
  DeviceHistoryRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      serial: DataTypes.STRING(30),
      seq: DataTypes.INTEGER,
      at: DataTypes.DATE,
      event: DataTypes.STRING(16),
      deviceModel: DataTypes.STRING(64),
      state: DataTypes.STRING(16),
      fromWarehouseId: DataTypes.STRING(36),
      toWarehouseId: DataTypes.STRING(36),
      terminalId: DataTypes.STRING(64),
      documentId: DataTypes.STRING(36),
      requestId: DataTypes.STRING(100),
      actorUserId: DataTypes.STRING(36),
      actorName: DataTypes.STRING(200),
    },
    { sequelize, tableName: 'device_history', ...common },
  );
  StockLockRow.init(
    { key: { type: DataTypes.STRING(120), primaryKey: true }, at: DataTypes.DATE },
    { sequelize, tableName: 'stock_locks', ...common },
  );
  return {
    Warehouse: WarehouseRow,
    Device: DeviceRow,
    StockDocument: StockDocumentRow,
    StockDocumentLine: StockDocumentLineRow,
    DeviceHistory: DeviceHistoryRow,
    StockLock: StockLockRow,
  };
}
