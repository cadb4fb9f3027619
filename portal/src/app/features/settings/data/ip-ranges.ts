import { normalizeDigits } from '../../../core/i18n/locale-format';

/** What is typed in a ranges box: one per line (or separated by commas, Latin or Persian), digits in ASCII. */
export function parseRanges(text: string): string[] {
  return normalizeDigits(text)
    .split(/[\n,،]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A list of ranges back in the box, one per line. */
export function rangesText(ranges: readonly string[] | undefined): string {
  return (ranges ?? []).join('\n');
}
