import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

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
        unwrap(
          api.GET('/api/v1/loyalty/accounts/{contactId}/entries', {
            params: { path: { contactId }, query: { page, size: 5 } },
          }),
        ),
      placeholderData: keepPreviousData,
    }),
};

/** Redeems a reward for a customer; one Idempotency-Key per dialog, so a retry never spends twice. */
export function useRedeem(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      idempotencyKey,
      rewardId,
      quantity,
    }: {
      idempotencyKey?: string;
      rewardId: string;
      quantity: number;
    }) =>
      unwrap(
        api.POST('/api/v1/redemptions', {
          params: { header: { 'Idempotency-Key': idempotencyKey } },
          body: { contactId, rewardId, quantity },
        }),
      ),
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
      unwrap(
        api.POST('/api/v1/loyalty/accounts/{contactId}/adjustments', {
          params: { path: { contactId }, header: { 'Idempotency-Key': idempotencyKey } },
          body: { points, reason },
        }),
      ),
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

/** Reads a reward with its ETag, for editing. */
export async function fetchRewardForEdit(id: string): Promise<{ reward: Reward; etag: string }> {
  const result = await api.GET('/api/v1/rewards/{id}', { params: { path: { id } } });
  const reward = await unwrap(Promise.resolve(result));
  return { reward, etag: etagOf(result.response) };
}

/** Creates a reward, or updates one when it comes with the ETag it was read with. */
export function useSaveReward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, body }: { editing?: { id: string; etag?: string }; body: RewardRequest }) =>
      editing
        ? unwrap(
            api.PUT('/api/v1/rewards/{id}', {
              params: { path: { id: editing.id }, header: { 'If-Match': editing.etag ?? '' } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/rewards', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...loyaltyQueries.all, 'rewards'] }),
  });
}

const toggleRewardArchived = (reward: Reward) =>
  reward.archived
    ? unwrap(api.POST('/api/v1/rewards/{id}/restore', { params: { path: { id: reward.id } } }))
    : unwrap(api.DELETE('/api/v1/rewards/{id}', { params: { path: { id: reward.id } } }));

/** Archives a reward, or restores an archived one. */
export function useToggleRewardArchived(config: MutationConfig<typeof toggleRewardArchived> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: toggleRewardArchived,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: [...loyaltyQueries.all, 'rewards'] });
      await config.onSuccess?.(...args);
    },
  });
}

// If-Match names the version the form was loaded from: another admin's change in between is a 412, not overwritten.
const saveLoyaltyPolicy = ({ version, body }: { version?: number; body: LoyaltyPolicyRequest }) =>
  unwrap(api.PUT('/api/v1/loyalty/policy', { params: { header: { 'If-Match': `"${version ?? ''}"` } }, body }));

export function useSaveLoyaltyPolicy(config: MutationConfig<typeof saveLoyaltyPolicy> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: saveLoyaltyPolicy,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: loyaltyQueries.policy().queryKey });
    },
  });
}
