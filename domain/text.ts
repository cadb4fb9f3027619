const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII. */
export function toAsciiDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) out += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) out += String(code - ARABIC_INDIC_ZERO);
    else out += ch;
  }
  return out;
}

/** ASCII digits to Persian digits, for display. */
export function toPersianDigits(input: string | number): string {
  return String(input).replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}

/**
 * Normalises free text typed by a person: digits to ASCII, Arabic ي/ك/ى to Persian ی/ک,
 * spaces (not ZWNJ, which is legitimate inside Persian words) collapsed and trimmed per line.
 */
export function normalizeText(input: string, options: { multiline?: boolean } = {}): string {
  const mapped = toAsciiDigits(input)
    .replace(/\u064A|\u0649/g, '\u06CC')
    .replace(/\u0643/g, '\u06A9')
    .replace(/\r\n?/g, '\n');
  const collapse = (line: string): string => line.replace(/[ \t\u00A0\u2000-\u200B\u202F\u3000]+/g, ' ').trim();
  if (!options.multiline) return collapse(mapped.replace(/\n/g, ' '));
  return mapped
    .split('\n')
    .map(collapse)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
