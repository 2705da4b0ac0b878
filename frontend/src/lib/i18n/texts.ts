// No imports here: loadOpenedPage.ts (the first, tiny entry) starts the texts' download from this module,
// before i18next and the app's code have arrived.
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'guanxi.language';

/** The language the user picked last on this device, else Chinese. */
export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** Each language's texts are a chunk of their own: a page downloads and parses only the language it shows. */
export function loadTexts(language: Language): Promise<{ default: Record<string, unknown> }> {
  return language === 'en' ? import('./locales/en.json') : import('./locales/zh-CN.json');
}
