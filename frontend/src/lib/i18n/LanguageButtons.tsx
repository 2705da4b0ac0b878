import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '.';

const LANGUAGE_LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'EN' };

/** The language switch of the pages drawn without antd (login, the light today page): one pressed button per language. */
export function LanguageButtons({ className }: { className: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('nav.language')} className={className}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          aria-pressed={i18n.language === language}
          onClick={() => changeLanguage(language)}
        >
          {LANGUAGE_LABELS[language]}
        </button>
      ))}
    </div>
  );
}
