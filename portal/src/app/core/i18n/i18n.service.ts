import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';

import { LocalizedText } from '../api/api.models';
import { Lang, localizeDigits } from './locale-format';
import { EN_MESSAGES } from './messages.en';
import { FA_MESSAGES, MessageKey } from './messages.fa';

export const LANG_STORAGE_KEY = 'kartabl.lang';

const DICTIONARIES: Record<Lang, Readonly<Record<MessageKey, string>>> = { fa: FA_MESSAGES, en: EN_MESSAGES };

export type MessageParams = Readonly<Record<string, string | number>>;

function readStoredLang(storage: Storage | undefined): Lang {
  try {
    return storage?.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'fa';
  } catch {
    return 'fa';
  }
}

/**
 * The portal's language: Persian first, English as the switch. The choice is kept in
 * localStorage and reflected on `<html lang dir>`.
 */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage;

  private readonly current = signal<Lang>(readStoredLang(this.storage));
  readonly lang = this.current.asReadonly();
  readonly dir = computed(() => (this.current() === 'fa' ? 'rtl' : 'ltr'));

  constructor() {
    effect(() => {
      const lang = this.current();
      const root = this.document.documentElement;
      root.lang = lang;
      root.dir = this.dir();
      this.document.title = this.t('app.name');
      try {
        this.storage?.setItem(LANG_STORAGE_KEY, lang);
      } catch {
        /* storage may be unavailable (private mode); the choice then lasts for this page only */
      }
    });
  }

  setLang(lang: Lang): void {
    this.current.set(lang);
  }

  toggle(): void {
    this.current.update((lang) => (lang === 'fa' ? 'en' : 'fa'));
  }

  /** The label of a key in the current language, with `{name}` parameters (digits localised). */
  t(key: MessageKey, params?: MessageParams): string {
    return this.tIn(this.current(), key, params);
  }

  /** The label of a key in a given language. */
  tIn(lang: Lang, key: MessageKey, params?: MessageParams): string {
    const template = DICTIONARIES[lang][key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? localizeDigits(params[name], lang) : whole));
  }

  /** Picks the current language's text of an API message `{ fa, en }`. */
  text(message: LocalizedText | null | undefined): string {
    if (!message) return '';
    return this.current() === 'fa' ? message.fa || message.en : message.en || message.fa;
  }

  /** Picks the current language's one of two API values (`nameFa`/`nameEn`, `labelFa`/`labelEn`). */
  pick(fa: string | null | undefined, en: string | null | undefined): string {
    return (this.current() === 'fa' ? fa || en : en || fa) ?? '';
  }
}
