// The command line speaks Chinese by default and English with --lang en.
export type Lang = 'zh' | 'en';

export interface Texts {
  zh: string;
  en: string;
}

let lang: Lang = 'zh';

export function setLang(next: Lang): void {
  lang = next;
}

export const t = (texts: Texts): string => texts[lang];
