import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class BaseItemRow extends Model<InferAttributes<BaseItemRow>, InferCreationAttributes<BaseItemRow>> {
  declare id: string;
  declare kind: string;
  declare code: string;
  declare nameFa: string;
  declare nameEn: string;
  declare active: boolean;
  declare sortOrder: number;
  /** JSON object. */
  declare attributes: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class PspMappingRow extends Model<InferAttributes<PspMappingRow>, InferCreationAttributes<PspMappingRow>> {
  declare pspCode: string;
  declare kind: string;
  declare itemCode: string;
  declare externalCode: string;
  declare updatedAt: CreationOptional<Date>;
}

export function initBaseDataModels(sequelize: Sequelize) {
  BaseItemRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      kind: DataTypes.STRING(32),
      code: DataTypes.STRING(64),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      active: DataTypes.BOOLEAN,
      sortOrder: DataTypes.INTEGER,
      attributes: DataTypes.TEXT,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'base_items', underscored: true },
  );
  PspMappingRow.init(
    {
      pspCode: { type: DataTypes.STRING(64), primaryKey: true },
      kind: { type: DataTypes.STRING(32), primaryKey: true },
      itemCode: { type: DataTypes.STRING(64), primaryKey: true },
      externalCode: DataTypes.STRING(64),
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'psp_mappings', underscored: true, createdAt: false },
  );
  return { BaseItem: BaseItemRow, PspMapping: PspMappingRow };
}
