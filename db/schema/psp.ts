import { DataTypes, type InferAttributes, type InferCreationAttributes, Model, type Sequelize } from 'sequelize';

/** One call to a PSP (no secrets): who asked, what, how long, how it ended (migration 0007). */
export class PspCallRow extends Model<InferAttributes<PspCallRow>, InferCreationAttributes<PspCallRow>> {
  declare id: string;
  /** The business request id (idempotency key at the PSP). */
  declare requestId: string;
  declare pspCode: string;
  declare operation: string;
  /** The credential owner whose credentials were used (null when resolution failed). */
  declare ownerAgentId: string | null;
  /** ok | rejected | retryable | unmapped | config | error (domain/psp/errors.ts). */
  declare outcome: string;
  /** The error's class name, e.g. PspRetryableError. */
  declare errorType: string | null;
  /** Retryable reason, the PSP's rejection code, or the unmapped `kind/item`. */
  declare errorCode: string | null;
  declare message: string | null;
  /** `{"fa","en"}`: what happened, for people (migration 0012). */
  declare text: string | null;
  declare trackingCode: string | null;
  declare latencyMs: number;
  declare startedAt: Date;
}

export function initPspModels(sequelize: Sequelize) {
  PspCallRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      requestId: DataTypes.STRING(100),
      pspCode: DataTypes.STRING(64),
      operation: DataTypes.STRING(40),
      ownerAgentId: DataTypes.STRING(36),
      outcome: DataTypes.STRING(16),
      errorType: DataTypes.STRING(60),
      errorCode: DataTypes.STRING(200),
      message: DataTypes.STRING(1000),
      text: DataTypes.STRING(2000),
      trackingCode: DataTypes.STRING(100),
      latencyMs: DataTypes.INTEGER,
      startedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'psp_calls', timestamps: false, underscored: true },
  );
  return { PspCall: PspCallRow };
}
