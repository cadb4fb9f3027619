import { Lang, normalizeDigits, toPersianDigits } from '../../../core/i18n/locale-format';
import { Agreement, AgreementChange } from './agreements-api.service';

/** Codes typed in one box, separated by commas (Latin or Persian) or spaces. */
export function codesFrom(text: string): string[] {
  return text
    .split(/[,،\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** What the edit form shows and edits (the rest of the terms is kept as stored). */
export interface AgreementFormValues {
  title: string;
  validFrom: string;
  validTo: string;
  signedBy: string;
  signedOn: string;
  psps: string;
  models: string;
}

/** The form filled from an agreement; in Persian the Jalali days read in Persian digits, as typed. */
export function agreementFormValues(a: Agreement, lang: Lang = 'en'): AgreementFormValues {
  const day = (d: string | null) => (d === null ? '' : lang === 'fa' ? toPersianDigits(d) : d);
  return {
    title: a.title,
    validFrom: day(a.validFromJalali),
    validTo: day(a.validToJalali),
    signedBy: a.signedBy ?? '',
    signedOn: day(a.signedOnJalali),
    psps: a.terms.allowedPsps.join(', '),
    models: a.terms.allowedDeviceModels.join(', '),
  };
}

/**
 * The `PUT` body: the typed fields (dates as typed, any digits; the API reads Jalali), the stored terms with the
 * edited PSP and model lists, and the version the form was filled from so that a newer save answers 409.
 */
export function agreementChange(stored: Agreement, v: AgreementFormValues): AgreementChange {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    title: v.title.trim(),
    validFrom: normalizeDigits(v.validFrom.trim()),
    validTo: normalizeDigits(v.validTo.trim()),
    signedBy: orNull(v.signedBy),
    signedOn: orNull(normalizeDigits(v.signedOn)),
    terms: { ...stored.terms, allowedPsps: codesFrom(v.psps), allowedDeviceModels: codesFrom(v.models) },
    version: stored.version,
  };
}
