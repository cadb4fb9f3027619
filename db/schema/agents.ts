import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

/** A contact person of an agent. */
export class AgentContactRow extends Model<InferAttributes<AgentContactRow>, InferCreationAttributes<AgentContactRow>> {
  declare id: string;
  declare agentId: string;
  declare name: string;
  declare role: string | null;
  declare mobile: string | null;
  declare email: string | null;
  declare sortOrder: number;
}

/** An agent's relation to a PSP: direct-broker status and sealed credentials. */
export class AgentPspRow extends Model<InferAttributes<AgentPspRow>, InferCreationAttributes<AgentPspRow>> {
  declare agentId: string;
  declare pspCode: string;
  declare direct: boolean;
  declare sealedCredentials: string | null;
  declare credentialsSetAt: Date | null;
  declare credentialsSetBy: string | null;
  declare credentialsSetById: string | null;
  declare updatedAt: CreationOptional<Date>;
}

/** Columns the agents migration (0003) adds to `agents`; merged into AgentRow in db/models.ts. */
export const AGENT_PROFILE_ATTRIBUTES = {
  status: { type: DataTypes.STRING(16), defaultValue: 'active' },
  createdBy: DataTypes.STRING(36),
  entityType: DataTypes.STRING(16),
  legalName: DataTypes.STRING(300),
  legalId: DataTypes.STRING(11),
  nationalCode: DataTypes.STRING(10),
  economicCode: DataTypes.STRING(20),
  registrationNo: DataTypes.STRING(32),
  address: DataTypes.STRING(500),
  postalCode: DataTypes.STRING(10),
  phone: DataTypes.STRING(20),
  firstAdmin: DataTypes.TEXT,
  firstAdminSecret: DataTypes.TEXT,
  provisionError: DataTypes.STRING(1000),
  provisionedAt: DataTypes.DATE,
};

/** The same columns, typed (AgentRow declares these). */
export interface AgentProfileFields {
  status: CreationOptional<'provisioning' | 'active' | 'suspended'>;
  createdBy: CreationOptional<string | null>;
  entityType: CreationOptional<'legal' | 'natural' | null>;
  legalName: CreationOptional<string | null>;
  legalId: CreationOptional<string | null>;
  nationalCode: CreationOptional<string | null>;
  economicCode: CreationOptional<string | null>;
  registrationNo: CreationOptional<string | null>;
  address: CreationOptional<string | null>;
  postalCode: CreationOptional<string | null>;
  phone: CreationOptional<string | null>;
  firstAdmin: CreationOptional<string | null>;
  firstAdminSecret: CreationOptional<string | null>;
  provisionError: CreationOptional<string | null>;
  provisionedAt: CreationOptional<Date | null>;
}

/** Columns the agents migration (0003) adds to `users`; merged into UserRow in db/models.ts. */
export const USER_PROFILE_ATTRIBUTES = {
  firstName: DataTypes.STRING(100),
  lastName: DataTypes.STRING(100),
  mobile: DataTypes.STRING(11),
  createdBy: DataTypes.STRING(36),
};

export interface UserProfileFields {
  firstName: CreationOptional<string | null>;
  lastName: CreationOptional<string | null>;
  mobile: CreationOptional<string | null>;
  createdBy: CreationOptional<string | null>;
}

const common = { underscored: true } as const;

export function initAgentModels(sequelize: Sequelize) {
  AgentContactRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      agentId: DataTypes.STRING(36),
      name: DataTypes.STRING(200),
      role: DataTypes.STRING(100),
      mobile: DataTypes.STRING(11),
      email: DataTypes.STRING(300),
      sortOrder: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'agent_contacts', timestamps: false, ...common },
  );
  AgentPspRow.init(
    {
      agentId: { type: DataTypes.STRING(36), primaryKey: true },
      pspCode: { type: DataTypes.STRING(64), primaryKey: true },
      direct: DataTypes.BOOLEAN,
      sealedCredentials: DataTypes.TEXT,
      credentialsSetAt: DataTypes.DATE,
      credentialsSetBy: DataTypes.STRING(200),
      credentialsSetById: DataTypes.STRING(36),
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'agent_psps', createdAt: false, ...common },
  );
  return { AgentContact: AgentContactRow, AgentPsp: AgentPspRow };
}
