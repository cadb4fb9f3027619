/**
 * Base data's vocabulary without validation code (no zod): the kinds, their names, each kind's
 * attribute columns and the item as the API returns it. The portal may import this module by relative
 * path (as it does domain/jalali.ts); domain/basedata.ts re-exports it with the attribute schemas.
 */
import { bi, type Bilingual } from './i18n';

export const BASE_KINDS = [
  'psp',
  'document-type',
  'device-model',
  'guild',
  'collect-reason',
  'swap-reason',
  'bank',
  'bank-branch',
  'holiday',
] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

/** Kinds whose items are translated to each PSP's own codes (a PSP and a holiday are not). */
export const MAPPABLE_KINDS = BASE_KINDS.filter((k): k is Exclude<BaseKind, 'psp' | 'holiday'> => k !== 'psp' && k !== 'holiday');
export type MappableKind = (typeof MAPPABLE_KINDS)[number];

export const isBaseKind = (s: string): s is BaseKind => (BASE_KINDS as readonly string[]).includes(s);
export const isMappableKind = (s: string): s is MappableKind => (MAPPABLE_KINDS as readonly string[]).includes(s);

export const KIND_NAMES: Record<BaseKind, Bilingual> = {
  psp: bi('شرکت‌های پرداخت (PSP)', 'Payment service providers'),
  'document-type': bi('انواع مدرک', 'Document types'),
  'device-model': bi('مدل‌های دستگاه', 'Device models'),
  guild: bi('اصناف', 'Guilds'),
  'collect-reason': bi('علت‌های جمع‌آوری', 'Collection reasons'),
  'swap-reason': bi('علت‌های تعویض', 'Swap reasons'),
  bank: bi('بانک‌ها', 'Banks'),
  'bank-branch': bi('شعب بانک', 'Bank branches'),
  holiday: bi('تعطیلات رسمی', 'Official holidays'),
};

export const DEVICE_CONNECTIONS = ['dialup', 'gprs', 'lan', 'wifi', 'android'] as const;
export const PSP_PROTOCOLS = ['rest', 'soap'] as const;
export const PERSON_TYPES = ['natural', 'legal', 'both'] as const;
/** For which persons a document type is (`appliesTo`). */
export type PersonType = (typeof PERSON_TYPES)[number];

/** How an attribute appears as a CSV column. */
export interface AttributeColumn {
  key: string;
  type: 'text' | 'boolean' | 'day';
  /** The allowed values of an enumerated attribute. */
  options?: readonly string[];
}

export const ATTRIBUTE_COLUMNS: Record<BaseKind, AttributeColumn[]> = {
  psp: [
    { key: 'protocol', type: 'text', options: PSP_PROTOCOLS },
    { key: 'endpointUrl', type: 'text' },
  ],
  'document-type': [
    { key: 'appliesTo', type: 'text', options: PERSON_TYPES },
    { key: 'required', type: 'boolean' },
  ],
  'device-model': [
    { key: 'manufacturer', type: 'text' },
    { key: 'model', type: 'text' },
    { key: 'connection', type: 'text', options: DEVICE_CONNECTIONS },
  ],
  guild: [
    { key: 'categoryCode', type: 'text' },
    { key: 'guildCode', type: 'text' },
  ],
  'collect-reason': [],
  'swap-reason': [],
  bank: [],
  'bank-branch': [
    { key: 'bankCode', type: 'text' },
    { key: 'branchCode', type: 'text' },
    { key: 'city', type: 'text' },
  ],
  holiday: [{ key: 'date', type: 'day' }],
};

/** A base-data item as the API returns it and the rest of the system sees it. */
export interface BaseItem {
  kind: BaseKind;
  code: string;
  nameFa: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
  attributes: Record<string, unknown>;
  updatedAt: string;
}
