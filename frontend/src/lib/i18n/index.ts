import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, loadTexts, storedLanguage, storeLanguage } from './texts';

export { LANGUAGES, type Language } from './texts';

/** i18next asks for a language's texts when it first switches to it (the other language stays unloaded). */
const textChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    loadTexts(language as Language).then(
      (texts) => callback(null, texts.default),
      (error: Error) => callback(error, false),
    );
  },
};

const language = storedLanguage();
// Screen readers (and axe) read the page in the language it says it is in, from the first paint.
document.documentElement.lang = language;

/** Resolves once the shown language's texts are loaded: the app renders after it, never showing bare keys. */
export const i18nReady = i18n
  .use(textChunks)
  .use(initReactI18next)
  .init({
    lng: language,
    // Only the exact language: i18next would otherwise also ask for 'zh' and load the Chinese texts twice.
    load: 'currentOnly',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });

export function changeLanguage(language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
