import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Reward = components['schemas']['Reward'];
export type RewardRequest = components['schemas']['RewardRequest'];
export type LoyaltyPolicy = components['schemas']['LoyaltyPolicy'];
export type LoyaltyPolicyRequest = components['schemas']['LoyaltyPolicyRequest'];
export type LiabilityRow = components['schemas']['PointsLiabilityRow'];

export const loyaltyQueries = {
  rewards: (page: number, archived: boolean) =>
    queryOptions({
      queryKey: ['rewards', 'catalog', page, archived],
      queryFn: () => unwrap(api.GET('/api/v1/rewards', { params: { query: { page, size: 20, archived } } })),
      placeholderData: keepPreviousData,
    }),
  liability: () =>
    queryOptions({
      queryKey: ['loyalty', 'liability'],
      queryFn: () => unwrap(api.GET('/api/v1/loyalty/liability')),
    }),
  policy: () =>
    queryOptions({
      queryKey: ['loyalty', 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/loyalty/policy')),
    }),
};
