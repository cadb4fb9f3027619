import { DataTypes, type InferAttributes, type InferCreationAttributes, Model, type Sequelize } from 'sequelize';

/** The read model of a request (migration 0009), rewritten from the workflow's snapshots. */
export class RequestRow extends Model<InferAttributes<RequestRow>, InferCreationAttributes<RequestRow>> {
  declare id: string;
  declare number: string;
  declare type: string;
  declare state: string;
  declare agentId: string;
  declare pspCode: string;
  declare submitterId: string;
  declare submitterName: string;
  declare clientKey: string;
  declare merchantId: string | null;
  declare terminalId: string | null;
  declare serial: string | null;
  /** JSON of the payload. */
  declare payload: string;
  declare round: number;
  declare openTaskId: string | null;
  declare openTaskKind: string | null;
  declare trackingCode: string | null;
  declare outcomeReason: string | null;
  /** JSON `{chain, psp}`. */
  declare detail: string | null;
  declare version: number;
  declare createdAt: Date;
  declare submittedAt: Date | null;
  declare updatedAt: Date;
  declare closedAt: Date | null;
}

export class RequestTaskRow extends Model<InferAttributes<RequestTaskRow>, InferCreationAttributes<RequestTaskRow>> {
  declare id: string;
  declare requestId: string;
  declare seq: number;
  declare kind: string;
  declare agentId: string;
  declare permission: string;
  declare isOpen: boolean;
  declare assigneeId: string | null;
  declare assigneeName: string | null;
  declare sla: string;
  declare escalated: boolean;
  declare warnAt: Date | null;
  declare criticalAt: Date | null;
  declare dueAt: Date | null;
  declare createdAt: Date;
  declare closedAt: Date | null;
  declare closedById: string | null;
  declare closedByName: string | null;
  declare outcome: string | null;
  declare reason: string | null;
  /** JSON of the Problem, if any. */
  declare problem: string | null;
  declare requestNumber: string;
  declare requestType: string;
  declare requestAgentId: string;
  declare pspCode: string;
}

export class RequestEventRow extends Model<InferAttributes<RequestEventRow>, InferCreationAttributes<RequestEventRow>> {
  declare id: string;
  declare requestId: string;
  declare seq: number;
  declare type: string;
  declare at: Date;
  declare actorId: string | null;
  declare actorName: string | null;
  declare data: string;
}

export class TerminalRow extends Model<InferAttributes<TerminalRow>, InferCreationAttributes<TerminalRow>> {
  declare id: string;
  declare agentId: string;
  declare pspCode: string;
  declare pspTerminalId: string;
  declare pspMerchantId: string | null;
  declare merchantId: string;
  declare shopId: string;
  declare accountId: string | null;
  declare deviceModel: string | null;
  declare serial: string | null;
  /** awaiting_device | active | deactivated | collected */
  declare state: string;
  declare stateReason: string | null;
  declare createdByRequestId: string;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export class SavedFilterRow extends Model<InferAttributes<SavedFilterRow>, InferCreationAttributes<SavedFilterRow>> {
  declare id: string;
  declare userId: string;
  declare name: string;
  declare query: string;
  declare createdAt: Date;
}

/** A document attached to a request (migration 0011); its file is an `attachments` row (purpose `request-document`). */
export class RequestDocumentRow extends Model<InferAttributes<RequestDocumentRow>, InferCreationAttributes<RequestDocumentRow>> {
  declare id: string;
  declare requestId: string;
  declare attachmentId: string;
  /** Base data kind `document-type`. */
  declare typeCode: string;
  declare uploadedByUserId: string;
  declare uploadedByName: string;
  declare createdAt: Date;
}

const S = (n: number) => DataTypes.STRING(n);

export function initRequestModels(sequelize: Sequelize) {
  RequestRow.init(
    {
      id: { type: S(36), primaryKey: true },
      number: S(32),
      type: S(16),
      state: S(16),
      agentId: S(36),
      pspCode: S(64),
      submitterId: S(36),
      submitterName: S(200),
      clientKey: S(100),
      merchantId: S(36),
      terminalId: S(36),
      serial: S(40),
      payload: DataTypes.TEXT,
      round: DataTypes.INTEGER,
      openTaskId: S(48),
      openTaskKind: S(16),
      trackingCode: S(100),
      outcomeReason: S(1000),
      detail: DataTypes.TEXT,
      version: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
      submittedAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
      closedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'requests', timestamps: false, underscored: true },
  );
  RequestTaskRow.init(
    {
      id: { type: S(48), primaryKey: true },
      requestId: S(36),
      seq: DataTypes.INTEGER,
      kind: S(16),
      agentId: S(36),
      permission: S(64),
      isOpen: DataTypes.BOOLEAN,
      assigneeId: S(36),
      assigneeName: S(200),
      sla: S(12),
      escalated: DataTypes.BOOLEAN,
      warnAt: DataTypes.DATE,
      criticalAt: DataTypes.DATE,
      dueAt: DataTypes.DATE,
      createdAt: DataTypes.DATE,
      closedAt: DataTypes.DATE,
      closedById: S(36),
      closedByName: S(200),
      outcome: S(16),
      reason: S(1000),
      problem: DataTypes.TEXT,
      requestNumber: S(32),
      requestType: S(16),
      requestAgentId: S(36),
      pspCode: S(64),
    },
    { sequelize, tableName: 'request_tasks', timestamps: false, underscored: true },
  );
  RequestEventRow.init(
    {
      id: { type: S(60), primaryKey: true },
      requestId: S(36),
      seq: DataTypes.INTEGER,
      type: S(24),
      at: DataTypes.DATE,
      actorId: S(36),
      actorName: S(200),
      data: DataTypes.TEXT,
    },
    { sequelize, tableName: 'request_events', timestamps: false, underscored: true },
  );
  TerminalRow.init(
    {
      id: { type: S(36), primaryKey: true },
      agentId: S(36),
      pspCode: S(64),
      pspTerminalId: S(40),
      pspMerchantId: S(40),
      merchantId: S(36),
      shopId: S(36),
      accountId: S(36),
      deviceModel: S(64),
      serial: S(40),
      state: S(16),
      stateReason: S(500),
      createdByRequestId: S(36),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'terminals', timestamps: false, underscored: true },
  );
  SavedFilterRow.init(
    {
      id: { type: S(36), primaryKey: true },
      userId: S(36),
      name: S(100),
      query: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'saved_filters', timestamps: false, underscored: true },
  );
  RequestDocumentRow.init(
    {
      id: { type: S(36), primaryKey: true },
      requestId: S(36),
      attachmentId: S(36),
      typeCode: S(32),
      uploadedByUserId: S(36),
      uploadedByName: S(200),
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'request_documents', timestamps: false, underscored: true },
  );
  return {
    Request: RequestRow,
    RequestTask: RequestTaskRow,
    RequestEvent: RequestEventRow,
    Terminal: TerminalRow,
    SavedFilter: SavedFilterRow,
    RequestDocument: RequestDocumentRow,
  };
}
