import type { TFunction } from 'i18next';
import type { ChurnRiskSignal } from './api';

/**
 * A reason in words: its code and params (what the server sends) through the locale's
 * churnRisk.reason.* texts; a complaint's severity and a level go through their own translations.
 */
export function reasonText(reason: ChurnRiskSignal, t: TFunction): string {
  const p = reason.params;
  switch (reason.code) {
    case 'QUIET':
      return t(p.usualDefault === 'true' ? 'churnRisk.reason.QUIET_default' : 'churnRisk.reason.QUIET', {
        days: p.days,
        usualDays: p.usualDays,
      });
    case 'PURCHASE_DROP':
      return t('churnRisk.reason.PURCHASE_DROP', { recent: p.recent, earlier: p.earlier });
    case 'COMPLAINT':
      return t(p.open === 'true' ? 'churnRisk.reason.COMPLAINT_open' : 'churnRisk.reason.COMPLAINT_recent', {
        severity: t(`complaints.severity.${p.severity}`),
      });
    case 'DETRACTOR':
      return t('churnRisk.reason.DETRACTOR', { score: p.score });
    case 'LEVEL_DOWN':
      return t('churnRisk.reason.LEVEL_DOWN', { from: t(`tiers.level.${p.from}`), to: t(`tiers.level.${p.to}`) });
    case 'EXPIRING_POINTS':
      return t('churnRisk.reason.EXPIRING_POINTS', { points: p.points, days: p.days });
  }
}

export const LEVEL_COLORS: Record<string, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'green' };
