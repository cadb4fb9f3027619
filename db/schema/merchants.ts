import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from 'sequelize';

export class MerchantRow extends Model<InferAttributes<MerchantRow>, InferCreationAttributes<MerchantRow>> {
  declare id: string;
  declare agentId: string;
  declare createdByUserId: string;
  declare kind: 'natural' | 'legal';
  /** National code (natural) or legal national ID (legal). */
  declare identifier: string;
  declare firstNameFa: string | null;
  declare lastNameFa: string | null;
  declare firstNameEn: string | null;
  declare lastNameEn: string | null;
  declare fatherNameFa: string | null;
  declare fatherNameEn: string | null;
  /** `YYYY-MM-DD` (Gregorian calendar day). */
  declare birthDate: string | null;
  declare idCardNumber: string | null;
  declare companyNameFa: string | null;
  declare companyNameEn: string | null;
  declare registrationNumber: string | null;
  declare registrationDate: string | null;
  declare mobile: string;
  declare phone: string | null;
  declare email: string | null;
  declare taxTrackingCode: string | null;
  declare displayNameFa: string;
  declare displayNameEn: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class MerchantRepresentativeRow extends Model<
  InferAttributes<MerchantRepresentativeRow>,
  InferCreationAttributes<MerchantRepresentativeRow>
> {
  declare id: string;
  declare merchantId: string;
  declare role: 'ceo' | 'signatory';
  declare nationalCode: string;
  declare firstNameFa: string;
  declare lastNameFa: string;
  declare firstNameEn: string;
  declare lastNameEn: string;
  declare mobile: string | null;
  declare sortOrder: number;
}

export class MerchantAddressRow extends Model<InferAttributes<MerchantAddressRow>, InferCreationAttributes<MerchantAddressRow>> {
  declare id: string;
  declare merchantId: string;
  declare addressFa: string;
  declare addressEn: string;
  declare postalCode: string;
  declare phone: string | null;
  declare sortOrder: number;
}

export class MerchantShopRow extends Model<InferAttributes<MerchantShopRow>, InferCreationAttributes<MerchantShopRow>> {
  declare id: string;
  declare merchantId: string;
  declare nameFa: string;
  declare nameEn: string;
  declare guildCode: string;
  declare addressFa: string;
  declare addressEn: string;
  declare postalCode: string;
  declare phone: string | null;
  declare latitude: number | null;
  declare longitude: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class MerchantAccountRow extends Model<InferAttributes<MerchantAccountRow>, InferCreationAttributes<MerchantAccountRow>> {
  declare id: string;
  declare merchantId: string;
  declare sheba: string;
  declare bankCode: string;
  declare ownerNameFa: string;
  declare ownerNameEn: string | null;
  declare isPrimary: boolean;
  declare createdAt: Date;
}

export class MerchantDocumentRow extends Model<
  InferAttributes<MerchantDocumentRow>,
  InferCreationAttributes<MerchantDocumentRow>
> {
  declare id: string;
  declare merchantId: string;
  declare attachmentId: string;
  declare typeCode: string;
  declare status: 'pending' | 'approved' | 'rejected';
  declare rejectReason: string | null;
  declare uploadedByUserId: string;
  declare uploadedByName: string;
  declare reviewedByUserId: string | null;
  declare reviewedByName: string | null;
  declare reviewedAt: Date | null;
  declare createdAt: Date;
}

const common = { underscored: true } as const;

export function initMerchantModels(sequelize: Sequelize) {
  MerchantRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      agentId: DataTypes.STRING(36),
      createdByUserId: DataTypes.STRING(36),
      kind: DataTypes.STRING(8),
      identifier: DataTypes.STRING(11),
      firstNameFa: DataTypes.STRING(100),
      lastNameFa: DataTypes.STRING(100),
      firstNameEn: DataTypes.STRING(100),
      lastNameEn: DataTypes.STRING(100),
      fatherNameFa: DataTypes.STRING(100),
      fatherNameEn: DataTypes.STRING(100),
      birthDate: DataTypes.DATEONLY,
      idCardNumber: DataTypes.STRING(10),
      companyNameFa: DataTypes.STRING(200),
      companyNameEn: DataTypes.STRING(200),
      registrationNumber: DataTypes.STRING(12),
      registrationDate: DataTypes.DATEONLY,
      mobile: DataTypes.STRING(11),
      phone: DataTypes.STRING(11),
      email: DataTypes.STRING(254),
      taxTrackingCode: DataTypes.STRING(10),
      displayNameFa: DataTypes.STRING(200),
      displayNameEn: DataTypes.STRING(200),
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'merchants', ...common },
  );
  MerchantRepresentativeRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      merchantId: DataTypes.STRING(36),
      role: DataTypes.STRING(16),
      nationalCode: DataTypes.STRING(10),
      firstNameFa: DataTypes.STRING(100),
      lastNameFa: DataTypes.STRING(100),
      firstNameEn: DataTypes.STRING(100),
      lastNameEn: DataTypes.STRING(100),
      mobile: DataTypes.STRING(11),
      sortOrder: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'merchant_representatives', timestamps: false, ...common },
  );
  MerchantAddressRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      merchantId: DataTypes.STRING(36),
      addressFa: DataTypes.STRING(500),
      addressEn: DataTypes.STRING(500),
      postalCode: DataTypes.STRING(10),
      phone: DataTypes.STRING(11),
      sortOrder: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'merchant_addresses', timestamps: false, ...common },
  );
  MerchantShopRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      merchantId: DataTypes.STRING(36),
      nameFa: DataTypes.STRING(200),
      nameEn: DataTypes.STRING(200),
      guildCode: DataTypes.STRING(32),
      addressFa: DataTypes.STRING(500),
      addressEn: DataTypes.STRING(500),
      postalCode: DataTypes.STRING(10),
      phone: DataTypes.STRING(11),
      latitude: DataTypes.DOUBLE,
      longitude: DataTypes.DOUBLE,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'merchant_shops', ...common },
  );
  MerchantAccountRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      merchantId: DataTypes.STRING(36),
      sheba: DataTypes.STRING(26),
      bankCode: DataTypes.STRING(3),
      ownerNameFa: DataTypes.STRING(200),
      ownerNameEn: DataTypes.STRING(200),
      isPrimary: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'merchant_accounts', timestamps: false, ...common },
  );
  MerchantDocumentRow.init(
    {
      id: { type: DataTypes.STRING(36), primaryKey: true },
      merchantId: DataTypes.STRING(36),
      attachmentId: DataTypes.STRING(36),
      typeCode: DataTypes.STRING(32),
      status: DataTypes.STRING(16),
      rejectReason: DataTypes.STRING(500),
      uploadedByUserId: DataTypes.STRING(36),
      uploadedByName: DataTypes.STRING(200),
      reviewedByUserId: DataTypes.STRING(36),
      reviewedByName: DataTypes.STRING(200),
      reviewedAt: DataTypes.DATE,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'merchant_documents', timestamps: false, ...common },
  );
  return {
    Merchant: MerchantRow,
    MerchantRepresentative: MerchantRepresentativeRow,
    MerchantAddress: MerchantAddressRow,
    MerchantShop: MerchantShopRow,
    MerchantAccount: MerchantAccountRow,
    MerchantDocument: MerchantDocumentRow,
  };
}
