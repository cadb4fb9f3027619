import { LocalizedText } from '../../../core/api/api.models';
import { PersonRef, PspCall, RequestEvent, RequestEventType } from './requests.models';

export type { RequestEventType };

/** One line of the auditors' timeline: a workflow event or a PSP call, in time order. */
export interface TimelineEntry {
  readonly key: string;
  readonly at: string;
  readonly source: 'event' | 'psp';
  /** The event type, or `psp_call` for a call of the PSP log. */
  readonly type: RequestEventType | 'psp_call';
  readonly actor: PersonRef | null;
  /** Plain details (reason, serial, codes…); bilingual texts are picked by language in the view. */
  readonly details: readonly { readonly key: string; readonly value: string | LocalizedText }[];
  readonly call: PspCall | null;
}

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && typeof (v as LocalizedText).fa === 'string' && typeof (v as LocalizedText).en === 'string';

/** The scalar and bilingual details of an event's data, nested one level (`problem.text`). */
export function detailsOf(data: Readonly<Record<string, unknown>>): TimelineEntry['details'] {
  const out: { key: string; value: string | LocalizedText }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push({ key, value: String(value) });
    else if (isText(value)) out.push({ key, value });
    else if (typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      if (typeof o['displayName'] === 'string') out.push({ key, value: o['displayName'] });
      else if (isText(o['text'])) out.push({ key, value: o['text'] });
      else if (typeof o['code'] === 'string') out.push({ key, value: o['code'] });
    }
  }
  return out;
}

/** Events and PSP calls merged by time (events first on a tie: the call follows its cause). */
export function mergeTimeline(events: readonly RequestEvent[], calls: readonly PspCall[]): readonly TimelineEntry[] {
  const entries: (TimelineEntry & { order: number })[] = [
    ...events.map((e) => ({
      key: `e${e.seq}`,
      at: e.at,
      source: 'event' as const,
      type: e.type,
      actor: e.actor,
      details: detailsOf(e.data ?? {}),
      call: null,
      order: 0,
    })),
    ...calls.map((c, i) => ({
      key: `p${i}`,
      at: c.at,
      source: 'psp' as const,
      type: 'psp_call' as const,
      actor: null,
      details: [],
      call: c,
      order: 1,
    })),
  ];
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  return entries.map(({ order: _order, ...e }) => e);
}
