/** Pure helpers for Persian digits and Jalali (Solar Hijri) dates. No Angular, no side effects. */

export type Lang = 'fa' | 'en';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/** ASCII digits → Persian digits (۰–۹); everything else unchanged. */
export function toPersianDigits(value: string): string {
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + d.charCodeAt(0) - 48));
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → ASCII digits, for anything a person types. */
export function normalizeDigits(value: string): string {
  return value
    .replace(/[\u06F0-\u06F9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - PERSIAN_ZERO + 48))
    .replace(/[\u0660-\u0669]/g, (d) => String.fromCharCode(d.charCodeAt(0) - ARABIC_ZERO + 48));
}

/** Digits of a value in the script of the language (no grouping: ticket numbers, scores, pages). */
export function localizeDigits(value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (lang !== 'fa') return text;
  return toPersianDigits(typeof value === 'number' ? text.replace('.', '\u066B') : text);
}

/**
 * Like {@link localizeDigits}, but a word that mixes Latin letters and digits is a code (`e2e-bookshop`,
 * `IR12…`, `psp-a2`) and keeps its digits: only stand-alone numbers (`1404-0123`, `۵۹۴۲`, the number parts of
 * `TK-1405-000042`) change script.
 */
export function localizeDigitsOutsideCodes(value: string | number | null | undefined, lang: Lang): string {
  if (typeof value !== 'string' || lang !== 'fa') return localizeDigits(value, lang);
  // A run of Latin letters and digits with a letter in it is a code; `TK-1405-000042`'s number parts are not.
  return value.replace(/[A-Za-z0-9]+/g, (run) => (/[A-Za-z]/.test(run) ? run : toPersianDigits(run)));
}

/** A grouped number: `۱٬۲۳۴` in Persian, `1,234` in English. */
export function formatNumber(value: number, lang: Lang): string {
  return numberFormat(lang).format(value);
}

/** `date`/`datetime` spell the month out; `short` is numeric (`۱۴۰۴/۰۹/۰۲ ۱۳:۳۰`, `1404/09/02 13:30`) for tables. */
export type DateStyle = 'date' | 'datetime' | 'short' | 'time';

/** Business time zone: calendar days are counted in Tehran (SPEC, DOMAIN.md). */
export const BUSINESS_TIME_ZONE = 'Asia/Tehran';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { year: 'numeric', month: 'long', day: 'numeric' },
  datetime: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  short: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR-u-nu-arabext' : 'en-US-u-nu-latn');
    numberFormats.set(lang, format);
  }
  return format;
}

function dateFormat(lang: Lang, style: DateStyle): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Explicit numbering systems: some ICU builds would otherwise pick Persian digits for English too.
    const locale = lang === 'fa' ? 'fa-IR-u-ca-persian-nu-arabext' : 'en-US-u-ca-persian-nu-latn';
    format = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone: BUSINESS_TIME_ZONE });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * An instant as a Jalali date (and time) in Tehran time: `۲ آذر ۱۴۰۴ ساعت ۱۳:۳۰` in Persian,
 * `Azar 2, 1404 AP at 13:30` in English (the glue words come from ICU). Empty for a missing or unparsable value.
 */
export function formatJalali(
  value: string | number | Date | null | undefined,
  lang: Lang,
  style: DateStyle = 'datetime',
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const format = dateFormat(lang, style);
  if (style !== 'short') return format.format(date);
  // Year first in both languages, without ICU's era ("AP") and comma.
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}/${part('month')}/${part('day')} ${part('hour')}:${part('minute')}`;
}

/** A byte count for people: `۱۲ کیلوبایت` / `12 KB`. Returns the unit key and the number. */
export function fileSizeParts(bytes: number): { unit: 'bytes' | 'kb' | 'mb'; n: number } {
  if (bytes < 1024) return { unit: 'bytes', n: bytes };
  if (bytes < 1024 * 1024) return { unit: 'kb', n: Math.round(bytes / 102.4) / 10 };
  return { unit: 'mb', n: Math.round(bytes / (1024 * 102.4)) / 10 };
}
