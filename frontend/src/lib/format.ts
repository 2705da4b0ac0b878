import { useTranslation } from 'react-i18next';

// One formatter per language and style: building an Intl formatter costs far more than using one, and a list
// formats a date per row (on a phone's CPU this was a visible part of rendering the today page).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = make()));
  return made as T;
}

/** Dates, times and money in the user's language (zh-CN: 2026年11月23日, en: Nov 23, 2026). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  const date = () =>
    formatter(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const dateTime = () =>
    formatter(`dateTime:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const money = () =>
    formatter(`money:${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }));
  return {
    date: (value?: string) => (value ? date().format(new Date(value)) : '—'),
    dateTime: (value?: string) => (value ? dateTime().format(new Date(value)) : '—'),
    money: (value?: number) => (value === undefined ? '—' : money().format(value)),
  };
}

/** Hours since a time, for "waiting 5 h" (a new lead should be reached within 24 h). */
export function hoursSince(iso: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 3_600_000));
}
