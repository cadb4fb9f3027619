/** A text shown to people, in Persian (first) and English. */
export interface Bilingual {
  fa: string;
  en: string;
}

export const bi = (fa: string, en: string): Bilingual => ({ fa, en });
