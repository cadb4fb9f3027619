import { z } from 'zod';
import {
  type IranIssueParams,
  legalIdSchema,
  mobileSchema,
  nationalCodeSchema,
  postalCodeSchema,
  shebaSchema,
  taxTrackingCodeSchema,
} from '../../../domain/iran-schemas';
import { parseJalali, tehranToday } from '../../../domain/jalali';
import {
  checkIdCardNumber,
  checkLatinText,
  checkPersianText,
  checkPhone,
  checkRegistrationNumber,
  DOCUMENT_STATUSES,
  type FieldCheck,
  GUILD_CODE,
  MERCHANT_KINDS,
  REPRESENTATIVE_ROLES,
} from '../../../domain/merchants';
import { bi } from '../../../domain/i18n';
import { PageQuery, pageOf, text } from '../../lib/schemas';

/** A zod step that refuses with a bilingual `params` issue (turned into a field error by the route table). */
function refuse(ctx: z.RefinementCtx, input: unknown, code: string, message: { fa: string; en: string }): typeof z.NEVER {
  const params: IranIssueParams = { code, fa: message.fa, en: message.en };
  ctx.addIssue({ code: 'custom', message: message.en, input, params });
  return z.NEVER;
}

const checked = (check: (v: string) => FieldCheck) => (input: string, ctx: z.RefinementCtx) => {
  const r = check(input);
  return r.ok ? r.value : refuse(ctx, input, r.code, r.message);
};

/** Persian text (Arabic ي/ك normalised, digits to ASCII, spaces collapsed) that contains Persian letters. */
export const faText = (min: number, max: number) => text(min, max).transform(checked(checkPersianText));
/** English text in Latin letters. */
export const enText = (min: number, max: number) => text(min, max).transform(checked(checkLatinText));

export const phoneSchema = z
  .string()
  .transform(checked(checkPhone))
  .meta({ description: 'Phone, 8–11 digits', example: '02188776655' });

/** A Jalali date as typed (`1370/05/12`, any digits) → the Gregorian `YYYY-MM-DD` calendar day; not in the future. */
export const jalaliPastDate = z
  .string()
  .transform((input, ctx) => {
    const r = parseJalali(input);
    if (!r.ok) return refuse(ctx, input, r.code, r.message);
    if (r.iso > tehranToday())
      return refuse(ctx, input, 'date_in_future', bi('این تاریخ هنوز نرسیده است.', 'This date is in the future.'));
    return r.iso;
  })
  .meta({ description: 'Jalali date YYYY/MM/DD (any digits); stored and returned as a Gregorian day', example: '1370/05/12' });

const guildCode = z
  .string()
  .transform((v, ctx) =>
    GUILD_CODE.test(v.trim())
      ? v.trim()
      : refuse(
          ctx,
          v,
          'guild_code_format',
          bi('کد صنف معتبر نیست (حروف کوچک لاتین، رقم، - و _).', 'Not a valid guild code (lower-case letters, digits, - and _).'),
        ),
  )
  .meta({ description: 'Guild code of the base data (Shaparak category and guild)', example: '5411' });

const optional = <T extends z.ZodType>(s: T) => s.optional().nullable();

export const AddressInput = z
  .strictObject({
    addressFa: faText(5, 500),
    addressEn: enText(5, 500),
    postalCode: postalCodeSchema,
    phone: optional(phoneSchema),
  })
  .meta({ id: 'MerchantAddressInput' });

export const ShopInput = z
  .strictObject({
    nameFa: faText(2, 200),
    nameEn: enText(2, 200),
    guildCode,
    addressFa: faText(5, 500),
    addressEn: enText(5, 500),
    postalCode: postalCodeSchema,
    phone: optional(phoneSchema),
    latitude: optional(z.number().min(24).max(40)),
    longitude: optional(z.number().min(44).max(64)),
  })
  .meta({ id: 'MerchantShopInput' });

export const ShopPatch = ShopInput.partial().meta({ id: 'MerchantShopPatch' });

export const AccountInput = z
  .strictObject({
    sheba: shebaSchema,
    ownerNameFa: faText(2, 200),
    ownerNameEn: optional(enText(2, 200)),
    isPrimary: z.boolean().optional(),
  })
  .meta({ id: 'MerchantAccountInput' });

export const RepresentativeInput = z
  .strictObject({
    role: z.enum(REPRESENTATIVE_ROLES),
    nationalCode: nationalCodeSchema,
    firstNameFa: faText(2, 100),
    lastNameFa: faText(2, 100),
    firstNameEn: enText(2, 100),
    lastNameEn: enText(2, 100),
    mobile: optional(mobileSchema),
  })
  .meta({ id: 'MerchantRepresentativeInput' });

type AccountIn = z.output<typeof AccountInput>;

/** At most one primary account, and no Sheba twice. */
function checkAccounts(accounts: AccountIn[] | undefined, ctx: z.RefinementCtx): void {
  if (!accounts) return;
  const seen = new Set<string>();
  let primaries = 0;
  accounts.forEach((a, i) => {
    if (seen.has(a.sheba)) {
      ctx.addIssue({
        code: 'custom',
        path: ['accounts', i, 'sheba'],
        message: 'duplicate',
        params: { code: 'duplicate', fa: 'این شبا دو بار وارد شده است.', en: 'This Sheba is listed twice.' },
      });
    }
    seen.add(a.sheba);
    if (a.isPrimary && ++primaries > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['accounts', i, 'isPrimary'],
        message: 'two primaries',
        params: {
          code: 'primary_twice',
          fa: 'تنها یک حساب می‌تواند حساب اصلی باشد.',
          en: 'Only one account can be the primary one.',
        },
      });
    }
  });
}

function checkRepresentatives(reps: { role: string }[] | undefined, ctx: z.RefinementCtx): void {
  if (reps && !reps.some((r) => r.role === 'ceo')) {
    ctx.addIssue({
      code: 'custom',
      path: ['representatives'],
      message: 'no CEO',
      params: {
        code: 'ceo_required',
        fa: 'مدیرعامل شرکت (با کد ملی) باید در میان نمایندگان باشد.',
        en: "The company's CEO (with national code) must be among the representatives.",
      },
    });
  }
}

const contact = {
  mobile: mobileSchema,
  phone: optional(phoneSchema),
  email: optional(z.email().max(254)),
  taxTrackingCode: optional(taxTrackingCodeSchema),
};

const nested = {
  addresses: z.array(AddressInput).min(1).max(5),
  shops: z.array(ShopInput).max(20).optional(),
  accounts: z.array(AccountInput).max(10).optional(),
};

const naturalFields = {
  nationalCode: nationalCodeSchema,
  firstNameFa: faText(2, 100),
  lastNameFa: faText(2, 100),
  firstNameEn: enText(2, 100),
  lastNameEn: enText(2, 100),
  fatherNameFa: faText(2, 100),
  fatherNameEn: optional(enText(2, 100)),
  birthDate: jalaliPastDate,
  idCardNumber: optional(z.string().transform(checked(checkIdCardNumber))),
};

const legalFields = {
  legalId: legalIdSchema,
  companyNameFa: faText(2, 200),
  companyNameEn: enText(2, 200),
  registrationNumber: z.string().transform(checked(checkRegistrationNumber)),
  registrationDate: jalaliPastDate,
  representatives: z.array(RepresentativeInput).min(1).max(10),
};

const NaturalCreate = z.strictObject({ kind: z.literal('natural'), ...naturalFields, ...contact, ...nested });
const LegalCreate = z.strictObject({ kind: z.literal('legal'), ...legalFields, ...contact, ...nested });

export const CreateMerchantBody = z
  .discriminatedUnion('kind', [NaturalCreate, LegalCreate])
  .superRefine((b, ctx) => {
    checkAccounts(b.accounts, ctx);
    if (b.kind === 'legal') checkRepresentatives(b.representatives, ctx);
  })
  .meta({ id: 'CreateMerchant' });
export type CreateMerchantInput = z.output<typeof CreateMerchantBody>;

/** Editable fields (the kind and the national code / legal ID are fixed); lists replace the stored ones. */
const { nationalCode: _n, ...naturalEditable } = naturalFields;
const { legalId: _l, ...legalEditable } = legalFields;
void _n;
void _l;
export const UpdateMerchantBody = z
  .strictObject({ ...naturalEditable, ...legalEditable, ...contact, addresses: nested.addresses })
  .partial()
  .superRefine((b, ctx) => checkRepresentatives(b.representatives, ctx))
  .meta({ id: 'UpdateMerchant' });
export type UpdateMerchantInput = z.output<typeof UpdateMerchantBody>;

export const NATURAL_ONLY = Object.keys(naturalEditable);
export const LEGAL_ONLY = Object.keys(legalEditable);

export const ReviewDocumentBody = z
  .discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('approve') }),
    z.strictObject({ decision: z.literal('reject'), reason: text(3, 500) }),
  ])
  .meta({ id: 'ReviewMerchantDocument' });

export const ListMerchantsQuery = PageQuery.extend({
  q: z.string().max(100).optional(),
  kind: z.enum(MERCHANT_KINDS).optional(),
  agentId: z.uuid().optional(),
});
export type ListMerchantsFilter = z.output<typeof ListMerchantsQuery>;

export const MerchantParams = z.object({ id: z.uuid() });
export const ShopParams = z.object({ id: z.uuid(), shopId: z.uuid() });
export const AccountParams = z.object({ id: z.uuid(), accountId: z.uuid() });
export const DocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

// ---------------------------------------------------------------------------------------------------
// Answers

const Bank = z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() });
const AgentRef = z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() });
const JalaliDay = z.string().nullable().meta({ description: 'Jalali YYYY/MM/DD' });

export const MerchantSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(MERCHANT_KINDS),
    identifier: z.string().meta({ description: 'National code (natural) or legal national ID (legal)' }),
    displayNameFa: z.string(),
    displayNameEn: z.string(),
    mobile: z.string(),
    agent: AgentRef,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MerchantSummary' });

export const ShopSchema = z
  .object({
    id: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    guildCode: z.string(),
    addressFa: z.string(),
    addressEn: z.string(),
    postalCode: z.string(),
    phone: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .meta({ id: 'MerchantShop' });

export const AccountSchema = z
  .object({
    id: z.string(),
    sheba: z.string(),
    bank: Bank,
    ownerNameFa: z.string(),
    ownerNameEn: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'MerchantAccount' });

export const DocumentSchema = z
  .object({
    id: z.string(),
    typeCode: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
    rejectReason: z.string().nullable(),
    file: z.object({ fileName: z.string(), contentType: z.string(), size: z.number() }),
    uploadedBy: z.object({ id: z.string(), displayName: z.string() }),
    reviewedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MerchantDocument' });

export const MerchantDetailSchema = MerchantSummarySchema.extend({
  nationalCode: z.string().nullable(),
  legalId: z.string().nullable(),
  firstNameFa: z.string().nullable(),
  lastNameFa: z.string().nullable(),
  firstNameEn: z.string().nullable(),
  lastNameEn: z.string().nullable(),
  fatherNameFa: z.string().nullable(),
  fatherNameEn: z.string().nullable(),
  birthDate: z.string().nullable().meta({ description: 'Gregorian YYYY-MM-DD' }),
  birthDateJalali: JalaliDay,
  idCardNumber: z.string().nullable(),
  companyNameFa: z.string().nullable(),
  companyNameEn: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registrationDate: z.string().nullable(),
  registrationDateJalali: JalaliDay,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  taxTrackingCode: z.string().nullable(),
  representatives: z.array(
    z.object({
      role: z.enum(REPRESENTATIVE_ROLES),
      nationalCode: z.string(),
      firstNameFa: z.string(),
      lastNameFa: z.string(),
      firstNameEn: z.string(),
      lastNameEn: z.string(),
      mobile: z.string().nullable(),
    }),
  ),
  addresses: z.array(
    z.object({ addressFa: z.string(), addressEn: z.string(), postalCode: z.string(), phone: z.string().nullable() }),
  ),
  shops: z.array(ShopSchema),
  accounts: z.array(AccountSchema),
  documents: z.array(DocumentSchema),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
}).meta({ id: 'MerchantDetail' });

export const MerchantListSchema = pageOf(MerchantSummarySchema).meta({ id: 'MerchantList' });
export const DocumentListSchema = z.object({ items: z.array(DocumentSchema) }).meta({ id: 'MerchantDocumentList' });
export const DocumentTypesSchema = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        nameFa: z.string(),
        nameEn: z.string(),
        /** For which persons (base-data attribute); `legalOnly` is `appliesTo === 'legal'`. */
        appliesTo: z.enum(['natural', 'legal', 'both']),
        legalOnly: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'MerchantDocumentTypes' });
