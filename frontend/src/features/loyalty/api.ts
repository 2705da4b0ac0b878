import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Reward = components['schemas']['Reward'];
export type RewardRequest = components['schemas']['RewardRequest'];
export type LoyaltyPolicy = components['schemas']['LoyaltyPolicy'];
export type LoyaltyPolicyRequest = components['schemas']['LoyaltyPolicyRequest'];
export type LiabilityRow = components['schemas']['PointsLiabilityRow'];
export type PointsEntry = components['schemas']['PointsEntry'];
export type MembershipLevel = NonNullable<components['schemas']['PointsAccount']['level']>;

export const loyaltyQueries = {
  all: ['loyalty'] as const,
  rewards: (page: number, archived: boolean) =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'rewards', 'catalog', { page, archived }],
      queryFn: () => unwrap(api.GET('/api/v1/rewards', { params: { query: { page, size: 20, archived } } })),
      placeholderData: keepPreviousData,
    }),
  liability: () =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'liability'],
      queryFn: () => unwrap(api.GET('/api/v1/loyalty/liability')),
    }),
  policy: () =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/loyalty/policy')),
    }),
  availableRewards: () =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'rewards', 'available'],
      queryFn: () => unwrap(api.GET('/api/v1/rewards', { params: { query: { available: true, size: 200 } } })),
    }),
  account: (contactId: string) =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'accounts', contactId],
      queryFn: () => unwrap(api.GET('/api/v1/loyalty/accounts/{contactId}', { params: { path: { contactId } } })),
    }),
  entries: (contactId: string, page: number) =>
    queryOptions({
      queryKey: [...loyaltyQueries.all, 'accounts', contactId, 'entries', { page }],
      queryFn: () =>
        unwrap(api.GET('/api/v1/loyalty/accounts/{contactId}/entries', { params: { path: { contactId }, query: { page, size: 5 } } })),
      placeholderData: keepPreviousData,
    }),
};

/** Redeems a reward for a customer; one Idempotency-Key per dialog, so a retry never spends twice. */
export function useRedeem(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, rewardId, quantity }: { idempotencyKey?: string; rewardId: string; quantity: number }) =>
      unwrap(api.POST('/api/v1/redemptions', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body: { contactId, rewardId, quantity } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: loyaltyQueries.account(contactId).queryKey }),
        queryClient.invalidateQueries({ queryKey: [...loyaltyQueries.all, 'rewards'] }),
      ]),
  });
}

export function useAdjustPoints(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, points, reason }: { idempotencyKey?: string; points: number; reason: string }) =>
      unwrap(api.POST('/api/v1/loyalty/accounts/{contactId}/adjustments', {
        params: { path: { contactId }, header: { 'Idempotency-Key': idempotencyKey } },
        body: { points, reason },
      })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueries.account(contactId).queryKey }),
  });
}

export function useCancelRedemption(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/v1/redemptions/{id}/cancel', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueries.account(contactId).queryKey }),
  });
}
