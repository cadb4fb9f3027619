import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';
import { initAccessModels } from './schema/access';
import { initMerchantModels } from './schema/merchants';
import { initBaseDataModels } from './schema/basedata';
import {
  AGENT_PROFILE_ATTRIBUTES,
  USER_PROFILE_ATTRIBUTES,
  initAgentModels,
  type AgentProfileFields,
  type UserProfileFields,
} from './schema/agents';
import { initAgreementModels } from './schema/agreements';
import { initPspModels } from './schema/psp';
import { initStockModels } from './schema/stock';
import { initRequestModels } from './schema/requests';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the profile columns live in db/schema/agents.ts
export interface AgentRow extends AgentProfileFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class AgentRow extends Model<InferAttributes<AgentRow>, InferCreationAttributes<AgentRow>> {
  declare id: string;
  declare code: string;
  declare parentId: string | null;
  declare realm: string;
  declare nameFa: string;
  declare nameEn: string;
  declare isBroker: boolean;
  declare active: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type -- the profile columns live in db/schema/agents.ts
export interface UserRow extends UserProfileFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class UserRow extends Model<InferAttributes<UserRow>, InferCreationAttributes<UserRow>> {
  declare id: string;
  declare issuer: string;
  declare subject: string;
  declare agentId: string;
  declare username: string;
  declare displayName: string;
  declare email: string | null;
  declare lastSeenAt: Date | null;
  declare active: CreationOptional<boolean>;
  declare rolesSeeded: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class TicketCategoryRow extends Model<InferAttributes<TicketCategoryRow>, InferCreationAttributes<TicketCategoryRow>> {
  declare code: string;
  declare nameFa: string;
  declare nameEn: string;
  declare sortOrder: number;
  declare active: boolean;
}

export class MenuItemRow extends Model<InferAttributes<MenuItemRow>, InferCreationAttributes<MenuItemRow>> {
  declare key: string;
  declare route: string;
  declare icon: string;
  declare labelFa: string;
  declare labelEn: string;
  declare permission: string;
  declare sortOrder: number;
  declare groupKey: string | null;
  declare active: CreationOptional<boolean>;
}

export class SequenceRow extends Model<InferAttributes<SequenceRow>, InferCreationAttributes<SequenceRow>> {
  declare name: string;
  declare value: number;
}

export class TicketRow extends Model<InferAttributes<TicketRow>, InferCreationAttributes<TicketRow>> {
  declare id: string;
  declare number: string;
  declare agentId: string;
  declare requesterId: string;
  declare requesterName: string;
  declare categoryCode: string;
  declare subject: string;
  declare priority: string;
  declare state: string;
  declare assigneeId: string | null;
  declare assigneeName: string | null;
  declare escalated: boolean;
  declare firstResponseDueAt: Date | null;
  declare firstRespondedAt: Date | null;
  declare closedAt: Date | null;
  declare closeReason: string | null;
  declare ratingScore: number | null;
  declare ratingComment: string | null;
  declare lastMessageAt: Date | null;
  declare version: number;
  declare createdAt: Date;
  declare updatedAt: Date;
}

export class TicketMessageRow extends Model<InferAttributes<TicketMessageRow>, InferCreationAttributes<TicketMessageRow>> {
  declare id: string;
  declare ticketId: string;
  declare seq: number;
  declare authorId: string;
  declare authorName: string;
  declare side: string;
  declare body: string;
  /** JSON array of attachment references. */
  declare attachments: string;
  declare createdAt: Date;
}

export class TicketEventRow extends Model<InferAttributes<TicketEventRow>, InferCreationAttributes<TicketEventRow>> {
  declare id: string;
  declare ticketId: string;
  declare seq: number;
  declare type: string;
  declare at: Date;
  declare actorId: string | null;
  declare actorName: string | null;
  /** JSON object. */
  declare data: string;
}

export class AttachmentRow extends Model<InferAttributes<AttachmentRow>, InferCreationAttributes<AttachmentRow>> {
  declare id: string;
  declare ownerId: string;
  declare agentId: string;
  declare ticketId: string | null;
  declare fileName: string;
  declare contentType: string;
  declare size: number;
  declare sha256: string;
  declare data: Buffer;
  /** Null for ticket attachments; e.g. `agreement`, `merchant-document`, `logo`. */
  declare purpose: CreationOptional<string | null>;
  declare refId: CreationOptional<string | null>;
  declare createdAt: Date;
}

/** Each area's models live in db/schema/<area>.ts and are merged here. */
export interface Models
  extends AccessModels, MerchantModels, BaseDataModels, AgentModels, AgreementModels, PspModels, StockModels, RequestModels {
  Agent: typeof AgentRow;
  User: typeof UserRow;
  TicketCategory: typeof TicketCategoryRow;
  MenuItem: typeof MenuItemRow;
  Sequence: typeof SequenceRow;
  Ticket: typeof TicketRow;
  TicketMessage: typeof TicketMessageRow;
  TicketEvent: typeof TicketEventRow;
  Attachment: typeof AttachmentRow;
}

type AccessModels = ReturnType<typeof initAccessModels>;
type MerchantModels = ReturnType<typeof initMerchantModels>;
type BaseDataModels = ReturnType<typeof initBaseDataModels>;
type AgentModels = ReturnType<typeof initAgentModels>;
type AgreementModels = ReturnType<typeof initAgreementModels>;
type PspModels = ReturnType<typeof initPspModels>;
type StockModels = ReturnType<typeof initStockModels>;
type RequestModels = ReturnType<typeof initRequestModels>;

const common = { underscored: true } as const;

export function initModels(sequelize: Sequelize): Models {
  AgentRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      code: DataTypes.STRING(64),
      parentId: DataTypes.STRING(36),
      realm: DataTypes.STRING(128),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      isBroker: DataTypes.BOOLEAN,
      active: DataTypes.BOOLEAN,
      ...AGENT_PROFILE_ATTRIBUTES,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'agents', ...common },
  );
  UserRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      issuer: DataTypes.STRING(300),
      subject: DataTypes.STRING(100),
      agentId: DataTypes.STRING(36),
      username: DataTypes.STRING(200),
      displayName: DataTypes.STRING(200),
      email: DataTypes.STRING(300),
      lastSeenAt: DataTypes.DATE,
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
      rolesSeeded: { type: DataTypes.BOOLEAN, defaultValue: false },
      ...USER_PROFILE_ATTRIBUTES,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'users', ...common },
  );
  TicketCategoryRow.init(
    {
      code: { type: DataTypes.STRING(64), primaryKey: true },
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      sortOrder: DataTypes.INTEGER,
      active: DataTypes.BOOLEAN,
    },
    { sequelize, tableName: 'ticket_categories', timestamps: false, ...common },
  );
  MenuItemRow.init(
    {
      key: { type: DataTypes.STRING(64), primaryKey: true },
      route: DataTypes.STRING(200),
      icon: DataTypes.STRING(64),
      labelFa: DataTypes.STRING(200),
      labelEn: DataTypes.STRING(200),
      permission: DataTypes.STRING(100),
      sortOrder: DataTypes.INTEGER,
      groupKey: DataTypes.STRING(64),
      active: { type: DataTypes.BOOLEAN, defaultValue: true },
    },
    { sequelize, tableName: 'menu_items', timestamps: false, ...common },
  );
  SequenceRow.init(
    { name: { type: DataTypes.STRING(64), primaryKey: true }, value: DataTypes.BIGINT },
    { sequelize, tableName: 'sequences', timestamps: false, ...common },
  );
  TicketRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      number: DataTypes.STRING(32),
      agentId: DataTypes.STRING(36),
      requesterId: DataTypes.STRING(36),
      requesterName: DataTypes.STRING(200),
      categoryCode: DataTypes.STRING(64),
      subject: DataTypes.STRING(200),
      priority: DataTypes.STRING(16),
      state: DataTypes.STRING(32),
      assigneeId: DataTypes.STRING(36),
      assigneeName: DataTypes.STRING(200),
      escalated: DataTypes.BOOLEAN,
      firstResponseDueAt: DataTypes.DATE,
      firstRespondedAt: DataTypes.DATE,
      closedAt: DataTypes.DATE,
      closeReason: DataTypes.STRING(16),
      ratingScore: DataTypes.INTEGER,
      ratingComment: DataTypes.STRING(1000),
      lastMessageAt: DataTypes.DATE,
      version: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    // Times come from the workflow, not from Sequelize.
    { sequelize, tableName: 'tickets', timestamps: false, ...common },
  );
  TicketMessageRow.init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      ticketId: DataTypes.STRING(36),
      seq: DataTypes.INTEGER,
      authorId: DataTypes.STRING(36),
      authorName: DataTypes.STRING(200),
      side: DataTypes.STRING(16),
      body: DataTypes.TEXT,
      attachments: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'ticket_messages', timestamps: false, ...common },
  );
  TicketEventRow.init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      ticketId: DataTypes.STRING(36),
      seq: DataTypes.INTEGER,
      type: DataTypes.STRING(32),
      at: DataTypes.DATE,
      actorId: DataTypes.STRING(36),
      actorName: DataTypes.STRING(200),
      data: DataTypes.TEXT,
    },
    { sequelize, tableName: 'ticket_events', timestamps: false, ...common },
  );
  AttachmentRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      ownerId: DataTypes.STRING(36),
      agentId: DataTypes.STRING(36),
      ticketId: DataTypes.STRING(36),
      fileName: DataTypes.STRING(255),
      contentType: DataTypes.STRING(100),
      size: DataTypes.INTEGER,
      sha256: DataTypes.STRING(64),
      data: DataTypes.BLOB,
      purpose: DataTypes.STRING(32),
      refId: DataTypes.STRING(36),
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'attachments', timestamps: false, ...common },
  );
  return {
    Agent: AgentRow,
    User: UserRow,
    TicketCategory: TicketCategoryRow,
    MenuItem: MenuItemRow,
    Sequence: SequenceRow,
    Ticket: TicketRow,
    TicketMessage: TicketMessageRow,
    TicketEvent: TicketEventRow,
    Attachment: AttachmentRow,
    ...initAccessModels(sequelize),
    ...initMerchantModels(sequelize),
    ...initBaseDataModels(sequelize),
    ...initAgentModels(sequelize),
    ...initAgreementModels(sequelize),
    ...initPspModels(sequelize),
    ...initStockModels(sequelize),
    ...initRequestModels(sequelize),
  };
}
