/**
 * Services the broker can switch off (SPEC R-SYSTEM). A switch is a key: a fixed service
 * (`online-purchase`, …) or a PSP by code (`psp:<code>`). Anything not switched off is on.
 */
import type { Bilingual } from './i18n';

export const SERVICES_SETTING_KEY = 'services';

export const FIXED_SERVICES: { key: string; label: Bilingual }[] = [
  { key: 'online-purchase', label: { fa: 'خرید آنلاین دستگاه', en: 'Online device purchase' } },
  { key: 'terminal-requests', label: { fa: 'ثبت درخواست پایانه', en: 'Terminal requests' } },
  { key: 'merchant-registration', label: { fa: 'ثبت پذیرنده', en: 'Merchant registration' } },
  { key: 'tickets', label: { fa: 'تیکت پشتیبانی', en: 'Support tickets' } },
];

const PSP_KEY = /^psp:[a-z0-9][a-z0-9_-]{0,59}$/;

export const isServiceKey = (key: string): boolean => PSP_KEY.test(key) || FIXED_SERVICES.some((s) => s.key === key);

export function serviceLabel(key: string): Bilingual {
  const fixed = FIXED_SERVICES.find((s) => s.key === key);
  if (fixed) return fixed.label;
  const code = key.slice('psp:'.length);
  return { fa: `ارائه‌دهندهٔ خدمات پرداخت ${code}`, en: `PSP ${code}` };
}
