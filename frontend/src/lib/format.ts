import { useTranslation } from 'react-i18next';

/** Dates, times and money in the user's language (zh-CN: 2026年11月23日, en: Nov 23, 2026). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (value?: string) =>
      value ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(value)) : '—',
    dateTime: (value?: string) =>
      value
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value))
        : '—',
    money: (value?: number) =>
      value === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(value),
  };
}

/** Hours since a time, for "waiting 5 h" (a new lead should be reached within 24 h). */
export function hoursSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 3_600_000));
}
