import type { Unit } from './api';

/** A figure as the reader reads it: ratios as percentages, money in CNY, hours and days with one decimal. */
export function formatValue(value: number | null | undefined, unit: Unit, language: string): string {
  if (value === null || value === undefined) return '—';
  const locale = language.startsWith('en') ? 'en-US' : 'zh-CN';
  switch (unit) {
    case 'RATIO':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'MONEY':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(
        value,
      );
    case 'HOURS':
    case 'DAYS':
    case 'SCORE':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

/** The change from the previous period: relative for counts and money, in points for ratios; null when not comparable. */
export function change(
  value: number | null | undefined,
  previous: number | null | undefined,
  unit: Unit,
): { delta: number; relative: boolean } | null {
  if (value === null || value === undefined || previous === null || previous === undefined) return null;
  if (unit === 'RATIO' || unit === 'SCORE') return { delta: value - previous, relative: false };
  if (previous === 0) return null;
  return { delta: (value - previous) / previous, relative: true };
}
