/**
 * White label (SPEC R-BRAND): an agent's colours must stay readable. The portal puts white text
 * on the primary colour (buttons, active menu) and uses it for links on white; WCAG 2 asks 4.5:1
 * for body text and 3:1 for large text and controls. Below 3:1 a colour is refused; between 3 and
 * 4.5 it is accepted with a warning.
 */

export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/** `#ABC`, `abc`, `#AABBCC` → `#aabbcc`; null when not a hex colour. */
export function normalizeHex(input: string): string | null {
  let v = input.trim().toLowerCase();
  if (!v.startsWith('#')) v = `#${v}`;
  if (/^#[0-9a-f]{3}$/.test(v)) v = `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`;
  return HEX_COLOUR.test(v) ? v : null;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const MIN_CONTRAST = 3;
export const GOOD_CONTRAST = 4.5;

export type ContrastVerdict = 'good' | 'weak' | 'unreadable';

export function contrastVerdict(colour: string, against = '#ffffff'): { ratio: number; verdict: ContrastVerdict } {
  const ratio = Math.round(contrastRatio(colour, against) * 100) / 100;
  return { ratio, verdict: ratio >= GOOD_CONTRAST ? 'good' : ratio >= MIN_CONTRAST ? 'weak' : 'unreadable' };
}

/** The defaults of the portal (portal/src/styles.css) when an agent has set nothing. */
export const DEFAULT_BRANDING = {
  titleFa: 'کارتابل',
  titleEn: 'Kartabl',
  primaryColor: '#0f766e',
  accentColor: '#0f1f2e',
} as const;

/** Lower-case host name (no port, no trailing dot); null when it is not one. */
export function normalizeDomain(input: string): string | null {
  const v = input.trim().toLowerCase().replace(/\.$/, '');
  if (v.length > 253) return null;
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = v.split('.');
  return labels.every((l) => label.test(l)) && (labels.length > 1 || v === 'localhost') ? v : null;
}
