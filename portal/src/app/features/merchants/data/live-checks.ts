/**
 * Live checks of what a person types in the merchant forms: the very rules the API applies
 * (`domain/iran.ts`, `domain/jalali.ts`), so the message under a field is the one the API
 * would send. Pure functions; the API stays the judge.
 */
import { checkLegalId, checkMobile, checkNationalCode, checkPostalCode, checkSheba } from '../../../../../../domain/iran';
import { parseJalali } from '../../../../../../domain/jalali';
import { LocalizedText } from '../../../core/api/api.models';

export interface LiveCheck {
  /** The refusal to show under the field, or null. */
  readonly error: { readonly code: string; readonly message: LocalizedText } | null;
  /** Advice that does not block (e.g. an unusual postal code). */
  readonly warning?: LocalizedText;
  /** The bank of a valid Sheba. */
  readonly bank?: { readonly code: string; readonly nameFa: string; readonly nameEn: string };
  /** The canonical value, when valid. */
  readonly value?: string;
}

const NONE: LiveCheck = { error: null };

type Result = { ok: true; value: string } | { ok: false; code: string; message: LocalizedText };

function asLive(result: Result): LiveCheck {
  return result.ok ? { error: null, value: result.value } : { error: { code: result.code, message: result.message } };
}

/** Empty fields are not judged live (the required check runs on submit). */
export function liveNationalCode(input: string): LiveCheck {
  return input.trim() ? asLive(checkNationalCode(input)) : NONE;
}

export function liveLegalId(input: string): LiveCheck {
  return input.trim() ? asLive(checkLegalId(input)) : NONE;
}

export function liveMobile(input: string): LiveCheck {
  return input.trim() ? asLive(checkMobile(input)) : NONE;
}

export function livePostalCode(input: string): LiveCheck {
  if (!input.trim()) return NONE;
  const r = checkPostalCode(input);
  return r.ok ? { error: null, value: r.value, warning: r.warning?.message } : asLive(r);
}

export function liveSheba(input: string): LiveCheck {
  if (!input.trim()) return NONE;
  const r = checkSheba(input);
  if (!r.ok) return asLive(r);
  return { error: null, value: r.value, bank: { code: r.bank.code, nameFa: r.bank.nameFa, nameEn: r.bank.nameEn } };
}

export function liveJalaliDate(input: string): LiveCheck {
  if (!input.trim()) return NONE;
  const r = parseJalali(input);
  return r.ok ? { error: null, value: r.iso } : { error: { code: r.code, message: r.message } };
}
