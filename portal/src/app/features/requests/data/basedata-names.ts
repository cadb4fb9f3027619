import { LocalizedText } from '../../../core/api/api.models';
import { Option } from './requests.models';

/**
 * The base-data lists the request area names codes with (the form's choices, state `requests`): a
 * payload field, a timeline detail or a terminal fact holding one of their codes shows the item's name.
 */
export interface BaseDataLists {
  readonly psps: readonly Option[];
  readonly deviceModels: readonly Option[];
  readonly swapReasons: readonly Option[];
  readonly collectReasons: readonly Option[];
}

export const NO_BASE_DATA: BaseDataLists = { psps: [], deviceModels: [], swapReasons: [], collectReasons: [] };

/**
 * The fields whose values are base-data codes, in request payloads (domain/requests/model.ts), the
 * workflow's events (`reason` of `serial_returned`, `pspCode` of `submitted`) and terminals. A `reason`
 * may also be free text (a rejection's reason): it is named only when it is a reason's code.
 */
const FIELD_LISTS: Readonly<Record<string, (lists: BaseDataLists) => readonly (readonly Option[])[]>> = {
  deviceModel: (l) => [l.deviceModels],
  reason: (l) => [l.swapReasons, l.collectReasons],
  pspCode: (l) => [l.psps],
};

/** Whether a field's values are base-data codes. */
export const isBaseDataField = (key: string): boolean => key in FIELD_LISTS;

/** The base-data name of a field's code (`{fa, en}`), or null when the field is not base data or the code is unknown. */
export function baseDataName(key: string, code: unknown, lists: BaseDataLists): LocalizedText | null {
  const of = FIELD_LISTS[key];
  if (!of || typeof code !== 'string' || code === '') return null;
  for (const list of of(lists)) {
    const o = list.find((x) => x.code === code);
    if (o) return { fa: o.nameFa, en: o.nameEn };
  }
  return null;
}

/**
 * The base-data codes among some fields (a request's payload and PSP, a terminal's model) that the
 * lists cannot name yet — an item created after the lists were read — as `field:code`.
 */
export function unnamedCodes(fields: Readonly<Record<string, unknown>>, lists: BaseDataLists): readonly string[] {
  return Object.entries(fields)
    .filter(([key, value]) => isBaseDataField(key) && typeof value === 'string' && value !== '' && !baseDataName(key, value, lists))
    .map(([key, value]) => `${key}:${String(value)}`);
}

/**
 * A freshly read list, or the one already held when nothing in it changed: a refresh that brings the
 * same items leaves the form's selects alone (no re-render, no flicker of a chosen value).
 */
export function refreshedList<T extends Option>(held: readonly T[], fresh: readonly T[]): readonly T[] {
  if (held.length !== fresh.length) return fresh;
  const same = held.every((h, i) => {
    const f = fresh[i];
    return f !== undefined && h.code === f.code && h.nameFa === f.nameFa && h.nameEn === f.nameEn;
  });
  return same ? held : fresh;
}
