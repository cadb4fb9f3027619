/**
 * The new-request form as plain data: what each type asks for, the payload it sends
 * (domain/requests/model.ts), the checks that keep a step from moving on, and the way back from a
 * stored payload (a draft reopened, a returned request resubmitted). Pure; the API stays the judge.
 */
import { checkMobile, checkPostalCode } from '../../../../../../domain/iran';
import { checkPhone } from '../../../../../../domain/merchants';
import { LocalizedText } from '../../../core/api/api.models';
import { ApiError } from '../../../core/api/api-error';
import { RequestPayload, RequestType } from './requests.models';

export const FORM_STEPS = ['type', 'details', 'review'] as const;
export type FormStep = (typeof FORM_STEPS)[number];

export const CHANGE_FIELDS = ['shopNameFa', 'shopNameEn', 'addressFa', 'postalCode', 'phone', 'mobile'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

export interface RequestFormValue {
  readonly type: RequestType | '';
  readonly pspCode: string;
  // install
  readonly merchantId: string;
  readonly shopId: string;
  readonly accountId: string;
  // install, define, swap
  readonly deviceModel: string;
  readonly serial: string;
  // every type but install
  readonly terminalId: string;
  // swap, collect
  readonly reason: string;
  // reactivate
  readonly note: string;
  // merchant
  readonly changes: Readonly<Record<ChangeField, string>>;
}

export const emptyForm = (): RequestFormValue => ({
  type: '',
  pspCode: '',
  merchantId: '',
  shopId: '',
  accountId: '',
  deviceModel: '',
  serial: '',
  terminalId: '',
  reason: '',
  note: '',
  changes: { shopNameFa: '', shopNameEn: '', addressFa: '', postalCode: '', phone: '', mobile: '' },
});

/** Whether a type starts from a merchant (install) or from one of our terminals (the others). */
export const startsFromTerminal = (type: RequestType | ''): boolean => type !== '' && type !== 'install';

/** The fields the details step shows for a type. */
export function fieldsOf(type: RequestType | ''): readonly string[] {
  switch (type) {
    case 'install':
      return ['merchantId', 'shopId', 'accountId', 'deviceModel'];
    case 'define':
      return ['terminalId', 'deviceModel', 'serial'];
    case 'swap':
      return ['terminalId', 'reason', 'deviceModel', 'serial'];
    case 'account':
      return ['terminalId', 'accountId'];
    case 'merchant':
      return ['terminalId', 'changes'];
    case 'collect':
      return ['terminalId', 'reason'];
    case 'reactivate':
      return ['terminalId', 'note'];
    default:
      return [];
  }
}

const opt = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The payload of the form's type (what `POST /requests` and resubmit send). */
export function payloadOf(form: RequestFormValue): RequestPayload | null {
  const terminalId = form.terminalId.trim();
  switch (form.type) {
    case 'install':
      return {
        merchantId: form.merchantId,
        shopId: form.shopId,
        accountId: form.accountId,
        deviceModel: form.deviceModel,
      };
    case 'define':
      return clean({ terminalId, deviceModel: form.deviceModel, serial: opt(form.serial) });
    case 'swap':
      return clean({ terminalId, reason: form.reason, deviceModel: opt(form.deviceModel), serial: opt(form.serial) });
    case 'account':
      return { terminalId, accountId: form.accountId };
    case 'merchant':
      return { terminalId, changes: changesOf(form.changes) };
    case 'collect':
      return { terminalId, reason: form.reason };
    case 'reactivate':
      return clean({ terminalId, note: opt(form.note) });
    default:
      return null;
  }
}

/** The filled-in changes, with postal code / mobile / phone in their canonical form when valid. */
export function changesOf(changes: Readonly<Record<ChangeField, string>>): Partial<Record<ChangeField, string>> {
  const out: Partial<Record<ChangeField, string>> = {};
  for (const field of CHANGE_FIELDS) {
    const raw = changes[field].trim();
    if (!raw) continue;
    const check = checkChange(field, raw);
    out[field] = check.ok ? check.value : raw;
  }
  return out;
}

type Check = { ok: true; value: string } | { ok: false; code: string; message: LocalizedText };

function checkChange(field: ChangeField, value: string): Check {
  if (field === 'postalCode') return checkPostalCode(value);
  if (field === 'mobile') return checkMobile(value);
  if (field === 'phone') {
    const check = checkPhone(value);
    // A shop's landline goes to the PSP with its area code: 11 digits starting with 0.
    if (check.ok && !/^0\d{10}$/.test(check.value)) {
      return {
        ok: false,
        code: 'phone_area_code',
        message: {
          fa: 'تلفن فروشگاه را با پیش‌شماره و ۱۱ رقم بنویسید، مانند ۰۲۱۸۸۷۷۶۶۵۵.',
          en: "Write the shop's phone with its area code, 11 digits, e.g. 02188776655.",
        },
      };
    }
    return check;
  }
  return { ok: true, value };
}

/** Live check of one change field (empty fields are not judged). */
export function liveChangeError(field: ChangeField, value: string): { code: string; message: LocalizedText } | null {
  if (!value.trim()) return null;
  const check = checkChange(field, value);
  return check.ok ? null : { code: check.code, message: check.message };
}

const REQUIRED: LocalizedText = { fa: 'این مورد را انتخاب یا وارد کنید.', en: 'Choose or fill in this field.' };

/** What keeps a step from moving on: field → message (empty when the step is complete). */
export function stepProblems(form: RequestFormValue, step: FormStep): Readonly<Record<string, LocalizedText>> {
  const problems: Record<string, LocalizedText> = {};
  const need = (field: string, value: string): void => {
    if (!value.trim()) problems[field] = REQUIRED;
  };
  if (step === 'type' || step === 'review') {
    need('type', form.type);
    need('pspCode', form.pspCode);
  }
  if (step === 'details' || step === 'review') {
    switch (form.type) {
      case 'install':
        need('merchantId', form.merchantId);
        need('shopId', form.shopId);
        need('accountId', form.accountId);
        need('deviceModel', form.deviceModel);
        break;
      case 'define':
        need('terminalId', form.terminalId);
        need('deviceModel', form.deviceModel);
        break;
      case 'swap':
      case 'collect':
        need('terminalId', form.terminalId);
        need('reason', form.reason);
        break;
      case 'account':
        need('terminalId', form.terminalId);
        need('accountId', form.accountId);
        break;
      case 'merchant': {
        need('terminalId', form.terminalId);
        const filled = CHANGE_FIELDS.filter((f) => form.changes[f].trim());
        if (filled.length === 0) {
          problems['changes'] = { fa: 'دست‌کم یک مورد را تغییر دهید.', en: 'Change at least one field.' };
        }
        for (const field of filled) {
          const error = liveChangeError(field, form.changes[field]);
          if (error) problems[`changes.${field}`] = error.message;
        }
        break;
      }
      case 'reactivate':
        need('terminalId', form.terminalId);
        break;
      default:
        break;
    }
  }
  return problems;
}

/** The form of a stored request (a draft reopened, or a returned request to correct). */
export function formFromRequest(type: RequestType, pspCode: string, payload: RequestPayload | Record<string, unknown>): RequestFormValue {
  const p = payload as Record<string, unknown>;
  const text = (key: string): string => (typeof p[key] === 'string' ? (p[key]) : '');
  const base = emptyForm();
  const changes = (p['changes'] ?? {}) as Record<string, unknown>;
  return {
    ...base,
    type,
    pspCode,
    merchantId: text('merchantId'),
    shopId: text('shopId'),
    accountId: text('accountId'),
    deviceModel: text('deviceModel'),
    serial: text('serial'),
    terminalId: text('terminalId'),
    reason: text('reason'),
    note: text('note'),
    changes: Object.fromEntries(
      CHANGE_FIELDS.map((f) => [f, typeof changes[f] === 'string' ? (changes[f]) : '']),
    ) as Record<ChangeField, string>,
  };
}

/** A type change keeps the PSP and starts the details over. */
export function withType(form: RequestFormValue, type: RequestType | ''): RequestFormValue {
  return type === form.type ? form : { ...emptyForm(), type, pspCode: form.pspCode };
}

/**
 * The API names payload fields `payload.changes.postalCode` (or without the prefix); the form shows
 * them under `changes.postalCode`.
 */
export function formFieldErrors(error: ApiError | null): ApiError | null {
  if (!error) return null;
  return { ...error, fields: error.fields.map((f) => ({ ...f, field: f.field.replace(/^payload\./, '') })) };
}

/** A fresh idempotency key for one form (a double click or a retried POST creates one request). */
export function newClientKey(random: () => string = () => crypto.randomUUID()): string {
  return random();
}
