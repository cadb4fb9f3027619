import { Lang, toPersianDigits } from '../../../core/i18n/locale-format';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { LiveCheck, liveJalaliDate, liveLegalId, liveMobile, liveNationalCode, livePostalCode, liveSheba } from './live-checks';
import { MerchantDetail, MerchantDraft, MerchantKind } from './merchants.models';

/** One input of the form; `path` is the API's field path (also the key of its error messages). */
export interface FieldDef {
  readonly path: string;
  readonly label: MessageKey;
  readonly ltr?: boolean;
  readonly optional?: boolean;
  readonly placeholder?: string;
  readonly live?: (value: string) => LiveCheck;
  /** A base-data list offered as suggestions (the value is still the item's code). */
  readonly suggest?: 'guild';
}

export type SectionKey = 'natural' | 'legal' | 'ceo' | 'contact' | 'address' | 'shop' | 'account';

export const MERCHANT_FORM_SECTIONS: Readonly<Record<SectionKey, readonly FieldDef[]>> = {
  natural: [
    { path: 'nationalCode', label: 'merchants.nationalCode', ltr: true, placeholder: '0013542419', live: liveNationalCode },
    { path: 'firstNameFa', label: 'merchants.firstNameFa' },
    { path: 'lastNameFa', label: 'merchants.lastNameFa' },
    { path: 'firstNameEn', label: 'merchants.firstNameEn', ltr: true },
    { path: 'lastNameEn', label: 'merchants.lastNameEn', ltr: true },
    { path: 'fatherNameFa', label: 'merchants.fatherNameFa' },
    { path: 'birthDate', label: 'merchants.birthDate', ltr: true, placeholder: '۱۳۷۰/۰۵/۱۲', live: liveJalaliDate },
    { path: 'idCardNumber', label: 'merchants.idCardNumber', ltr: true, optional: true },
  ],
  legal: [
    { path: 'legalId', label: 'merchants.legalId', ltr: true, placeholder: '10380284790', live: liveLegalId },
    { path: 'companyNameFa', label: 'merchants.companyNameFa' },
    { path: 'companyNameEn', label: 'merchants.companyNameEn', ltr: true },
    { path: 'registrationNumber', label: 'merchants.registrationNumber', ltr: true },
    { path: 'registrationDate', label: 'merchants.registrationDate', ltr: true, placeholder: '۱۳۸۵/۰۳/۲۰', live: liveJalaliDate },
  ],
  ceo: [
    { path: 'representatives.0.nationalCode', label: 'merchants.nationalCode', ltr: true, live: liveNationalCode },
    { path: 'representatives.0.firstNameFa', label: 'merchants.firstNameFa' },
    { path: 'representatives.0.lastNameFa', label: 'merchants.lastNameFa' },
    { path: 'representatives.0.firstNameEn', label: 'merchants.firstNameEn', ltr: true },
    { path: 'representatives.0.lastNameEn', label: 'merchants.lastNameEn', ltr: true },
  ],
  contact: [
    { path: 'mobile', label: 'merchants.mobile', ltr: true, placeholder: '09123456789', live: liveMobile },
    { path: 'taxTrackingCode', label: 'merchants.taxTrackingCode', ltr: true, optional: true },
  ],
  address: [
    { path: 'addresses.0.addressFa', label: 'merchants.addressFa' },
    { path: 'addresses.0.addressEn', label: 'merchants.addressEn', ltr: true },
    { path: 'addresses.0.postalCode', label: 'merchants.postalCode', ltr: true, live: livePostalCode },
  ],
  shop: [
    { path: 'shops.0.nameFa', label: 'merchants.shop.nameFa' },
    { path: 'shops.0.nameEn', label: 'merchants.shop.nameEn', ltr: true },
    { path: 'shops.0.guildCode', label: 'merchants.shop.guildCode', ltr: true, placeholder: 'supermarket', suggest: 'guild' },
    { path: 'shops.0.addressFa', label: 'merchants.addressFa' },
    { path: 'shops.0.addressEn', label: 'merchants.addressEn', ltr: true },
    { path: 'shops.0.postalCode', label: 'merchants.postalCode', ltr: true, live: livePostalCode },
    { path: 'shops.0.phone', label: 'merchants.phone', ltr: true, optional: true },
  ],
  account: [
    { path: 'accounts.0.sheba', label: 'merchants.account.sheba', ltr: true, placeholder: 'IR…', live: liveSheba },
    { path: 'accounts.0.ownerNameFa', label: 'merchants.account.ownerNameFa' },
  ],
};

/** Sets `a.0.b` in a plain object, creating arrays for numeric steps. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let node: Record<string, unknown> = target;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) {
      node[step] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(steps[i + 1]);
    node[step] ??= nextIsIndex ? [] : {};
    node = node[step] as Record<string, unknown>;
  });
}

/** Builds the API body from the visible fields (empty optional fields are left out). */
export function buildMerchantDraft(
  kind: MerchantKind,
  values: Readonly<Record<string, string>>,
  sections: readonly FieldDef[],
): MerchantDraft {
  const draft: Record<string, unknown> = { kind };
  for (const f of sections) {
    const v = (values[f.path] ?? '').trim();
    if (v === '' && f.optional) continue;
    setPath(draft, f.path, v);
  }
  if (kind === 'legal') setPath(draft, 'representatives.0.role', 'ceo');
  return draft as MerchantDraft;
}


/**
 * The form's fields filled from a stored merchant (dates in Jalali, the first address, the CEO). In Persian,
 * numbers read in Persian digits as a person would type them (Persian text and numeric fields only; Latin
 * names and addresses keep theirs). The API reads either.
 */
export function merchantFormValues(m: MerchantDetail, lang: Lang = 'en'): Record<string, string> {
  const values: Record<string, string> = {};
  const put = (path: string, v: string | null | undefined) => {
    if (v !== null && v !== undefined && v !== '') values[path] = v;
  };
  put('nationalCode', m.nationalCode);
  put('firstNameFa', m.firstNameFa);
  put('lastNameFa', m.lastNameFa);
  put('firstNameEn', m.firstNameEn);
  put('lastNameEn', m.lastNameEn);
  put('fatherNameFa', m.fatherNameFa);
  put('birthDate', m.birthDateJalali);
  put('idCardNumber', m.idCardNumber);
  put('legalId', m.legalId);
  put('companyNameFa', m.companyNameFa);
  put('companyNameEn', m.companyNameEn);
  put('registrationNumber', m.registrationNumber);
  put('registrationDate', m.registrationDateJalali);
  put('mobile', m.mobile);
  put('taxTrackingCode', m.taxTrackingCode);
  const ceo = m.representatives.find((r) => r.role === 'ceo');
  if (ceo) {
    put('representatives.0.nationalCode', ceo.nationalCode);
    put('representatives.0.firstNameFa', ceo.firstNameFa);
    put('representatives.0.lastNameFa', ceo.lastNameFa);
    put('representatives.0.firstNameEn', ceo.firstNameEn);
    put('representatives.0.lastNameEn', ceo.lastNameEn);
  }
  const address = m.addresses[0];
  if (address) {
    put('addresses.0.addressFa', address.addressFa);
    put('addresses.0.addressEn', address.addressEn);
    put('addresses.0.postalCode', address.postalCode);
  }
  if (lang === 'fa') {
    const latin = new Set(
      Object.values(MERCHANT_FORM_SECTIONS)
        .flat()
        .filter((f) => f.ltr)
        .map((f) => f.path),
    );
    for (const [path, v] of Object.entries(values)) {
      if (!latin.has(path) || /^[\d\s/+-]+$/.test(v)) values[path] = toPersianDigits(v);
    }
  }
  return values;
}

/** Fields an edit may not send: the kind and the identity (national code / legal ID) are fixed. */
export const FIXED_ON_EDIT: readonly string[] = ['nationalCode', 'legalId'];

/**
 * The body of `PATCH /api/merchants/:id`: the form's fields without the fixed ones. The API replaces the
 * address and representative lists, so the addresses and signatories this form does not show are sent back
 * unchanged (only the first address and the CEO are edited here).
 */
export function buildMerchantUpdate(
  stored: MerchantDetail,
  values: Readonly<Record<string, string>>,
  sections: readonly FieldDef[],
): Record<string, unknown> {
  const editable = sections.filter((f) => !FIXED_ON_EDIT.includes(f.path));
  const { kind: _kind, ...body } = buildMerchantDraft(stored.kind, values, editable) as Record<string, unknown>;
  void _kind;
  const addresses = body['addresses'] as Record<string, unknown>[] | undefined;
  if (addresses) {
    for (const a of stored.addresses.slice(1)) {
      addresses.push({ addressFa: a.addressFa, addressEn: a.addressEn, postalCode: a.postalCode, ...(a.phone ? { phone: a.phone } : {}) });
    }
  }
  const reps = body['representatives'] as Record<string, unknown>[] | undefined;
  if (reps) {
    for (const r of stored.representatives.filter((x) => x.role !== 'ceo')) {
      const { role, nationalCode, firstNameFa, lastNameFa, firstNameEn, lastNameEn } = r;
      reps.push({ role, nationalCode, firstNameFa, lastNameFa, firstNameEn, lastNameEn });
    }
  }
  return body;
}
