import type { components } from '../../lib/api/schema';

export type PeriodPreset =
  'THIS_MONTH' | 'LAST_MONTH' | 'THIS_QUARTER' | 'LAST_QUARTER' | 'THIS_YEAR' | 'LAST_YEAR' | 'CUSTOM';
export type Region = components['schemas']['Region'];
export type Tier = 'A' | 'B' | 'C' | 'INACTIVE';

export const PRESETS: PeriodPreset[] = [
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'THIS_YEAR',
  'LAST_YEAR',
  'CUSTOM',
];
export const TIERS: Tier[] = ['A', 'B', 'C', 'INACTIVE'];

/** The period and filters of the dashboard, kept in the address so a view can be shared and a drill keeps them. */
export type AnalyticsParams = {
  period?: PeriodPreset;
  from?: string;
  to?: string;
  ownerId?: string;
  region?: Region;
  tier?: Tier;
};

const KEYS = ['period', 'from', 'to', 'ownerId', 'region', 'tier'] as const;

export function readParams(search: URLSearchParams): AnalyticsParams {
  const params: Record<string, string> = {};
  for (const key of KEYS) {
    const value = search.get(key);
    if (value) params[key] = value;
  }
  const period = PRESETS.find((p) => p === params.period);
  const custom = period === 'CUSTOM' && params.from && params.to;
  return {
    period: period === 'CUSTOM' && !custom ? undefined : period,
    from: custom ? params.from : undefined,
    to: custom ? params.to : undefined,
    ownerId: params.ownerId,
    region: params.region as Region | undefined,
    tier: TIERS.find((t) => t === params.tier),
  };
}

/** The query string of these parameters (empty ones left out), to carry them to a drill page and back. */
export function writeParams(params: AnalyticsParams, extra: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...extra })) {
    if (value) search.set(key, value);
  }
  return search.toString();
}
