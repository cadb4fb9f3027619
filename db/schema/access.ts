import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class AccessPackageRow extends Model<InferAttributes<AccessPackageRow>, InferCreationAttributes<AccessPackageRow>> {
  declare id: string;
  declare ownerAgentId: string;
  declare code: string;
  declare nameFa: string;
  declare nameEn: string;
  declare system: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class PackagePermissionRow extends Model<
  InferAttributes<PackagePermissionRow>,
  InferCreationAttributes<PackagePermissionRow>
> {
  declare packageId: string;
  declare permission: string;
}

export class RoleRow extends Model<InferAttributes<RoleRow>, InferCreationAttributes<RoleRow>> {
  declare id: string;
  declare ownerAgentId: string;
  declare code: string;
  declare nameFa: string;
  declare nameEn: string;
  declare scope: 'broker' | 'agent' | 'own';
  declare system: boolean;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class RolePackageRow extends Model<InferAttributes<RolePackageRow>, InferCreationAttributes<RolePackageRow>> {
  declare roleId: string;
  declare packageId: string;
}

export class UserRoleRow extends Model<InferAttributes<UserRoleRow>, InferCreationAttributes<UserRoleRow>> {
  declare userId: string;
  declare roleId: string;
  declare createdAt: CreationOptional<Date>;
}

export class AgentCeilingRow extends Model<InferAttributes<AgentCeilingRow>, InferCreationAttributes<AgentCeilingRow>> {
  declare agentId: string;
  declare packageId: string;
}

export class ModuleGroupRow extends Model<InferAttributes<ModuleGroupRow>, InferCreationAttributes<ModuleGroupRow>> {
  declare key: string;
  declare icon: string;
  declare labelFa: string;
  declare labelEn: string;
  declare sortOrder: number;
}

/** A host name an agent's portal is served on (lower-case, unique across agents). */
export class AgentDomainRow extends Model<InferAttributes<AgentDomainRow>, InferCreationAttributes<AgentDomainRow>> {
  declare domain: string;
  declare agentId: string;
  declare createdAt: CreationOptional<Date>;
}

export class SettingRow extends Model<InferAttributes<SettingRow>, InferCreationAttributes<SettingRow>> {
  /** `global` or an agent id. */
  declare scope: string;
  declare key: string;
  /** JSON. */
  declare value: string;
  declare updatedAt: CreationOptional<Date>;
}

export class AuditRow extends Model<InferAttributes<AuditRow>, InferCreationAttributes<AuditRow>> {
  declare seq: number;
  declare at: Date;
  declare actorIssuer: string | null;
  declare actorSubject: string | null;
  declare actorUserId: string | null;
  declare actorName: string;
  declare actorAgentId: string | null;
  declare ip: string | null;
  declare action: string;
  declare entityType: string;
  declare entityId: string;
  declare scopeAgentId: string | null;
  declare beforeJson: string | null;
  declare afterJson: string | null;
  declare prevHash: string;
  declare hash: string;
}

export class AuditHeadRow extends Model<InferAttributes<AuditHeadRow>, InferCreationAttributes<AuditHeadRow>> {
  declare id: number;
  declare seq: number;
  declare hash: string;
}

export class SystemEventRow extends Model<InferAttributes<SystemEventRow>, InferCreationAttributes<SystemEventRow>> {
  declare id: string;
  declare at: Date;
  declare type: string;
  declare severity: 'info' | 'warning' | 'error';
  declare agentId: string | null;
  declare userId: string | null;
  declare actorName: string | null;
  declare ip: string | null;
  declare method: string | null;
  declare path: string | null;
  declare status: number | null;
  declare code: string | null;
  declare message: string | null;
  /** JSON. */
  declare details: string | null;
}

const common = { underscored: true } as const;
const id = { type: DataTypes.STRING(36), primaryKey: true };

export function initAccessModels(sequelize: Sequelize) {
  AccessPackageRow.init(
    {
      id,
      ownerAgentId: DataTypes.STRING(36),
      code: DataTypes.STRING(64),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      system: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'access_packages', ...common },
  );
  PackagePermissionRow.init(
    {
      packageId: { type: DataTypes.STRING(36), primaryKey: true },
      permission: { type: DataTypes.STRING(100), primaryKey: true },
    },
    { sequelize, tableName: 'access_package_permissions', timestamps: false, ...common },
  );
  RoleRow.init(
    {
      id,
      ownerAgentId: DataTypes.STRING(36),
      code: DataTypes.STRING(64),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      scope: DataTypes.STRING(16),
      system: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'roles', ...common },
  );
  RolePackageRow.init(
    {
      roleId: { type: DataTypes.STRING(36), primaryKey: true },
      packageId: { type: DataTypes.STRING(36), primaryKey: true },
    },
    { sequelize, tableName: 'role_packages', timestamps: false, ...common },
  );
  UserRoleRow.init(
    {
      userId: { type: DataTypes.STRING(36), primaryKey: true },
      roleId: { type: DataTypes.STRING(36), primaryKey: true },
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'user_roles', updatedAt: false, ...common },
  );
  AgentCeilingRow.init(
    {
      agentId: { type: DataTypes.STRING(36), primaryKey: true },
      packageId: { type: DataTypes.STRING(36), primaryKey: true },
    },
    { sequelize, tableName: 'agent_ceiling_packages', timestamps: false, ...common },
  );
  ModuleGroupRow.init(
    {
      key: { type: DataTypes.STRING(64), primaryKey: true },
      icon: DataTypes.STRING(64),
      labelFa: DataTypes.STRING(200),
      labelEn: DataTypes.STRING(200),
      sortOrder: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'module_groups', timestamps: false, ...common },
  );
  AgentDomainRow.init(
    { domain: { type: DataTypes.STRING(253), primaryKey: true }, agentId: DataTypes.STRING(36), createdAt: DataTypes.DATE },
    { sequelize, tableName: 'agent_domains', updatedAt: false, ...common },
  );
  SettingRow.init(
    {
      scope: { type: DataTypes.STRING(36), primaryKey: true },
      key: { type: DataTypes.STRING(64), primaryKey: true },
      value: DataTypes.TEXT,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'settings', createdAt: false, ...common },
  );
  AuditRow.init(
    {
      seq: { type: DataTypes.BIGINT, primaryKey: true },
      at: DataTypes.DATE,
      actorIssuer: DataTypes.STRING(300),
      actorSubject: DataTypes.STRING(100),
      actorUserId: DataTypes.STRING(36),
      actorName: DataTypes.STRING(200),
      actorAgentId: DataTypes.STRING(36),
      ip: DataTypes.STRING(64),
      action: DataTypes.STRING(32),
      entityType: DataTypes.STRING(64),
      entityId: DataTypes.STRING(100),
      scopeAgentId: DataTypes.STRING(36),
      beforeJson: DataTypes.TEXT,
      afterJson: DataTypes.TEXT,
      prevHash: DataTypes.STRING(64),
      hash: DataTypes.STRING(64),
    },
    { sequelize, tableName: 'audit_log', timestamps: false, ...common },
  );
  AuditHeadRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      seq: DataTypes.BIGINT,
      hash: DataTypes.STRING(64),
    },
    { sequelize, tableName: 'audit_head', timestamps: false, ...common },
  );
  SystemEventRow.init(
    {
      id,
      at: DataTypes.DATE,
      type: DataTypes.STRING(64),
      severity: DataTypes.STRING(16),
      agentId: DataTypes.STRING(36),
      userId: DataTypes.STRING(36),
      actorName: DataTypes.STRING(200),
      ip: DataTypes.STRING(64),
      method: DataTypes.STRING(8),
      path: DataTypes.STRING(300),
      status: DataTypes.INTEGER,
      code: DataTypes.STRING(64),
      message: DataTypes.STRING(1000),
      details: DataTypes.TEXT,
    },
    { sequelize, tableName: 'system_events', timestamps: false, ...common },
  );
  return {
    AccessPackage: AccessPackageRow,
    PackagePermission: PackagePermissionRow,
    Role: RoleRow,
    RolePackage: RolePackageRow,
    UserRole: UserRoleRow,
    AgentCeiling: AgentCeilingRow,
    ModuleGroup: ModuleGroupRow,
    AgentDomain: AgentDomainRow,
    Setting: SettingRow,
    Audit: AuditRow,
    AuditHead: AuditHeadRow,
    SystemEvent: SystemEventRow,
  };
}
