import type { TFunction } from 'i18next';
import type { AnalyticsTable } from './api';

type Dimension = AnalyticsTable['dimension'];

/** Where a dimension's keys are named in the texts: the same table as the service's Dimension.texts(). */
const DIMENSION_TEXTS: Record<Dimension, string | null> = {
  STEP: 'analytics.step',
  STAGE: 'enum.LifecycleStage',
  SOURCE: 'enum.SourceChannel',
  REGION: 'enum.Region',
  REP: null,
  LOST_REASON: 'leads.lostReason',
  TIER: 'analytics.tier',
  ABCD_TIER: 'analytics.abcd',
  LEVEL: 'tiers.level',
  MONTH: null,
  BUCKET: null,
  CATEGORY: 'complaints.category',
  SEVERITY: 'complaints.severity',
  CAUSE: 'churn.cause',
  CAUSE_KIND: 'analytics.causeKind',
  NPS_GROUP: 'analytics.npsGroup',
  RISK_LEVEL: 'churnRisk.level',
  CHANNEL: 'enum.InteractionChannel',
  PLAN_OUTCOME: 'analytics.planOutcome',
};

/** A row's name: the label the service gave (a rep's name), else the key's text, else the key (a month, a range). */
export function rowLabel(t: TFunction, dimension: Dimension, key: string, label?: string | null): string {
  if (label) return label;
  // NONE: the service's key for records without a value (no owner, no region), unless the dimension names it.
  const fallback = key === 'NEW' ? t('analytics.newCustomer') : key === 'NONE' ? t('analytics.notSet') : key;
  const texts = DIMENSION_TEXTS[dimension];
  return texts ? t(`${texts}.${key}`, { defaultValue: fallback }) : fallback;
}

/** A code's text under analytics.<kind> (nested by its dots), or the code itself. */
export function codeLabel(t: TFunction, kind: 'card' | 'table' | 'column' | 'hint', code: string): string {
  return t(`analytics.${kind}.${code}`, { defaultValue: kind === 'hint' ? '' : code });
}
