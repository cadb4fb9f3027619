import { LocalizedText } from '../../../core/api/api.models';

export type MerchantKind = 'natural' | 'legal';
export type DocumentStatus = 'pending' | 'approved' | 'rejected';

export interface AgentRef {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface MerchantSummary {
  readonly id: string;
  readonly kind: MerchantKind;
  readonly identifier: string;
  readonly displayNameFa: string;
  readonly displayNameEn: string;
  readonly mobile: string;
  readonly agent: AgentRef;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface MerchantPage {
  readonly items: readonly MerchantSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface MerchantQuery {
  readonly q?: string;
  readonly kind?: MerchantKind;
  readonly page: number;
  readonly pageSize: number;
}

export interface Shop {
  readonly id: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly guildCode: string;
  readonly addressFa: string;
  readonly addressEn: string;
  readonly postalCode: string;
  readonly phone: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface Account {
  readonly id: string;
  readonly sheba: string;
  readonly bank: { readonly code: string; readonly nameFa: string; readonly nameEn: string };
  readonly ownerNameFa: string;
  readonly ownerNameEn: string | null;
  readonly isPrimary: boolean;
}

export interface MerchantDocument {
  readonly id: string;
  readonly typeCode: string;
  readonly status: DocumentStatus;
  readonly rejectReason: string | null;
  readonly file: { readonly fileName: string; readonly contentType: string; readonly size: number };
  readonly uploadedBy: { readonly id: string; readonly displayName: string };
  readonly reviewedBy: { readonly id: string; readonly displayName: string } | null;
  readonly reviewedAt: string | null;
  readonly createdAt: string;
}

export interface MerchantDetail extends MerchantSummary {
  readonly nationalCode: string | null;
  readonly legalId: string | null;
  readonly firstNameFa: string | null;
  readonly lastNameFa: string | null;
  readonly firstNameEn: string | null;
  readonly lastNameEn: string | null;
  readonly fatherNameFa: string | null;
  readonly fatherNameEn: string | null;
  readonly birthDate: string | null;
  readonly birthDateJalali: string | null;
  readonly idCardNumber: string | null;
  readonly companyNameFa: string | null;
  readonly companyNameEn: string | null;
  readonly registrationNumber: string | null;
  readonly registrationDateJalali: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly taxTrackingCode: string | null;
  readonly representatives: readonly {
    readonly role: 'ceo' | 'signatory';
    readonly nationalCode: string;
    readonly firstNameFa: string;
    readonly lastNameFa: string;
    readonly firstNameEn: string;
    readonly lastNameEn: string;
  }[];
  readonly addresses: readonly { readonly addressFa: string; readonly addressEn: string; readonly postalCode: string; readonly phone: string | null }[];
  readonly shops: readonly Shop[];
  readonly accounts: readonly Account[];
  readonly documents: readonly MerchantDocument[];
  readonly createdBy: { readonly id: string; readonly displayName: string };
}

export interface DocumentType {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly legalOnly: boolean;
}

export type ShopDraft = Omit<Shop, 'id' | 'phone' | 'latitude' | 'longitude'> & { readonly phone?: string | null };
export interface AccountDraft {
  readonly sheba: string;
  readonly ownerNameFa: string;
  readonly ownerNameEn?: string | null;
}

/** The body of `POST /api/merchants` (the API validates and normalises every field). */
export type MerchantDraft = Readonly<Record<string, unknown>> & { readonly kind: MerchantKind };

export type ReviewDecision = { readonly decision: 'approve' } | { readonly decision: 'reject'; readonly reason: string };

export type { LocalizedText };
