import { BrandingChange } from './branding-api.service';

const HEX = /^#[0-9a-f]{6}$/i;

/** A typed colour as the preview may use it: a full `#rrggbb`, or the default while it is half typed. */
export function previewColour(typed: string, fallback: string): string {
  const value = typed.trim();
  return HEX.test(value) ? value : fallback;
}

/** The form's values as the API takes them: blank means "use the default" (null). */
export function brandingChange(titleFa: string, titleEn: string, primary: string, accent: string): BrandingChange {
  const orNull = (v: string) => v.trim() || null;
  return {
    titleFa: orNull(titleFa),
    titleEn: orNull(titleEn),
    primaryColor: orNull(primary),
    accentColor: orNull(accent),
  };
}
