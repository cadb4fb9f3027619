import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class AgreementRow extends Model<InferAttributes<AgreementRow>, InferCreationAttributes<AgreementRow>> {
  declare id: string;
  declare agentId: string;
  declare userId: string | null;
  declare title: string;
  /** JSON of AgreementTerms. */
  declare terms: string;
  /** `YYYY-MM-DD` (Gregorian calendar day). */
  declare validFrom: string;
  declare validTo: string;
  declare status: string;
  declare signedBy: string | null;
  declare signedOn: string | null;
  declare createdById: string | null;
  declare createdByName: string;
  declare version: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class AgentBrandingRow extends Model<InferAttributes<AgentBrandingRow>, InferCreationAttributes<AgentBrandingRow>> {
  declare agentId: string;
  declare titleFa: string | null;
  declare titleEn: string | null;
  declare primaryColor: string | null;
  declare accentColor: string | null;
  declare logoAttachmentId: string | null;
  declare updatedAt: CreationOptional<Date>;
}

const common = { underscored: true } as const;

export function initAgreementModels(sequelize: Sequelize) {
  AgreementRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      agentId: DataTypes.STRING(36),
      userId: DataTypes.STRING(36),
      title: DataTypes.STRING(200),
      terms: DataTypes.TEXT,
      validFrom: DataTypes.DATEONLY,
      validTo: DataTypes.DATEONLY,
      status: DataTypes.STRING(16),
      signedBy: DataTypes.STRING(200),
      signedOn: DataTypes.DATEONLY,
      createdById: DataTypes.STRING(36),
      createdByName: DataTypes.STRING(200),
      version: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'agreements', ...common },
  );
  AgentBrandingRow.init(
    {
      agentId: { type: DataTypes.STRING(36), primaryKey: true },
      titleFa: DataTypes.STRING(100),
      titleEn: DataTypes.STRING(100),
      primaryColor: DataTypes.STRING(7),
      accentColor: DataTypes.STRING(7),
      logoAttachmentId: DataTypes.STRING(36),
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'agent_branding', createdAt: false, ...common },
  );
  return { Agreement: AgreementRow, AgentBranding: AgentBrandingRow };
}
