import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type Holiday = components['schemas']['Holiday'];
export type CarePolicy = components['schemas']['CarePolicy'];
export type CarePolicyRequest = components['schemas']['CarePolicyRequest'];
export type Occasion = Holiday['code'] | 'BIRTHDAY' | 'PURCHASE_ANNIVERSARY';

export const careQueries = {
  all: ['care'] as const,
  holidays: (year: number) =>
    queryOptions({
      queryKey: [...careQueries.all, 'holidays', year],
      queryFn: () => unwrap(api.GET('/api/v1/care/holidays', { params: { query: { year } } })),
      // A year's holidays never change.
      staleTime: Infinity,
    }),
  policy: () =>
    queryOptions({
      queryKey: [...careQueries.all, 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/care/policy')),
    }),
};

// If-Match names the version the form was loaded from: another admin's change in between is a 412, not overwritten.
const saveCarePolicy = ({ version, body }: { version?: number; body: CarePolicyRequest }) =>
  unwrap(api.PUT('/api/v1/care/policy', { params: { header: { 'If-Match': `"${version ?? ''}"` } }, body }));

export function useSaveCarePolicy(config: MutationConfig<typeof saveCarePolicy> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: saveCarePolicy,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: careQueries.policy().queryKey });
    },
  });
}
