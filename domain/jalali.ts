const TEHRAN = 'Asia/Tehran';

/** Jalali (Solar Hijri) year, month and day of an instant, as a calendar day in Tehran. */
export function jalaliDate(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: TEHRAN,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value.replace(/\D/g, ''));
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** A ticket's tracking number, e.g. `TK-1405-000042`. */
export function ticketNumber(instant: Date, sequence: number): string {
  return `TK-${jalaliDate(instant).year}-${String(sequence).padStart(6, '0')}`;
}
