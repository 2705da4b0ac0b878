import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type TierReport = components['schemas']['TierReport'];
export type TierShare = components['schemas']['TierShare'];
export type Job = components['schemas']['Job'];
export type TierPolicy = components['schemas']['TierPolicy'];
export type TierPolicyRequest = components['schemas']['TierPolicyRequest'];

export const tierQueries = {
  all: ['tiers'] as const,
  report: () =>
    queryOptions({
      queryKey: [...tierQueries.all, 'report'],
      queryFn: () => unwrap(api.GET('/api/v1/tiers/report')),
      retry: false,
    }),
  policy: () =>
    queryOptions({
      queryKey: [...tierQueries.all, 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/tiers/policy')),
    }),
  job: (id: string) =>
    queryOptions({
      queryKey: ['jobs', id],
      queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } })),
      // Poll while the job runs.
      refetchInterval: (query) => (query.state.data?.state === 'RUNNING' || !query.state.data ? 500 : false),
    }),
};
