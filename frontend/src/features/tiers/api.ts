import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type TierReport = components['schemas']['TierReport'];
export type TierShare = components['schemas']['TierShare'];
export type TierMovement = components['schemas']['TierMovement'];
export type Job = components['schemas']['Job'];
export type TierPolicy = components['schemas']['TierPolicy'];
export type TierPolicyRequest = components['schemas']['TierPolicyRequest'];
export type Purchase = components['schemas']['Purchase'];
export type PurchaseRequest = components['schemas']['PurchaseRequest'];
export type RefundRequest = components['schemas']['RefundRequest'];
export type CustomerValue = components['schemas']['CustomerValue'];
export type PurchaseChannel = components['schemas']['PurchaseChannel'];

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
      queryKey: [...tierQueries.all, 'jobs', id],
      queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } })),
      // Poll while the job runs.
      refetchInterval: (query) => (query.state.data?.state === 'RUNNING' || !query.state.data ? 500 : false),
    }),
};

/** Records a sale; one Idempotency-Key per dialog, so a retry after a network error never records twice. */
export function useRecordSale() {
  return useMutation({
    mutationFn: ({ idempotencyKey, body }: { idempotencyKey?: string; body: PurchaseRequest }) =>
      unwrap(api.POST('/api/v1/purchases', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
  });
}

export function useRefundPurchase() {
  return useMutation({
    mutationFn: ({
      purchaseId,
      idempotencyKey,
      body,
    }: {
      purchaseId: string;
      idempotencyKey?: string;
      body: RefundRequest;
    }) =>
      unwrap(
        api.POST('/api/v1/purchases/{id}/refunds', {
          params: { path: { id: purchaseId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
  });
}

const startRecompute = () => unwrap(api.POST('/api/v1/tiers/recompute'));

/** Starts the set-based recompute; the job is then polled with tierQueries.job. */
export function useStartRecompute(config: MutationConfig<typeof startRecompute> = {}) {
  return useMutation({ ...config, mutationFn: startRecompute });
}

// If-Match names the version the form was loaded from: another admin's change in between is a 412, not overwritten.
const saveTierPolicy = ({ version, body }: { version?: number; body: TierPolicyRequest }) =>
  unwrap(api.PUT('/api/v1/tiers/policy', { params: { header: { 'If-Match': `"${version ?? ''}"` } }, body }));

export function useSaveTierPolicy(config: MutationConfig<typeof saveTierPolicy> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: saveTierPolicy,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: tierQueries.policy().queryKey });
    },
  });
}
