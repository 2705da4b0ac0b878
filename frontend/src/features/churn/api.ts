import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type ChurnRecord = components['schemas']['ChurnRecord'];
export type ChurnReview = components['schemas']['ChurnReview'];
export type ChurnReviewSummary = components['schemas']['ChurnReviewSummary'];
export type ChurnCause = components['schemas']['ChurnCause'];

/** The taxonomy in its order: normal causes first (beyond our reach), then the abnormal ones a win-back works on. */
export const NORMAL_CAUSES: ChurnCause[] = ['MOVED', 'BUSINESS_CLOSED', 'NEED_ENDED'];
export const ABNORMAL_CAUSES: ChurnCause[] = [
  'SERVICE',
  'QUALITY',
  'PRICE',
  'COMPETITOR',
  'COMPLAINT_UNRESOLVED',
  'OTHER',
];

export const churnQueries = {
  all: ['churn'] as const,
  ofContact: (contactId: string) =>
    queryOptions({
      queryKey: [...churnQueries.all, 'contact', contactId],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/churn', { params: { path: { id: contactId } } })),
    }),
  reviews: () =>
    queryOptions({
      queryKey: [...churnQueries.all, 'reviews'],
      queryFn: () => unwrap(api.GET('/api/v1/churn/reviews', { params: { query: { size: 24 } } })),
    }),
  review: (month: string) =>
    queryOptions({
      queryKey: [...churnQueries.all, 'reviews', month],
      queryFn: () => unwrap(api.GET('/api/v1/churn/reviews/{month}', { params: { path: { month } } })),
    }),
};

const churnContact = ({ contactId, cause, note }: { contactId: string; cause?: ChurnCause; note?: string }) =>
  unwrap(api.POST('/api/v1/contacts/{id}/churn', { params: { path: { id: contactId } }, body: { cause, note } }));

export function useChurnContact(config: MutationConfig<typeof churnContact> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: churnContact,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: churnQueries.all });
    },
  });
}

// If-Match names the version the entry was read at: someone else's change in between is a 412, not overwritten.
const investigate = ({ record, cause, analysis }: { record: ChurnRecord; cause: ChurnCause; analysis: string }) =>
  unwrap(
    api.PUT('/api/v1/churn/records/{id}/investigation', {
      params: { path: { id: record.id }, header: { 'If-Match': `"${record.version}"` } },
      body: { cause, analysis },
    }),
  );

export function useInvestigateChurn(config: MutationConfig<typeof investigate> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: investigate,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: churnQueries.all });
    },
  });
}

const closeReview = (review: ChurnReview) =>
  unwrap(
    api.POST('/api/v1/churn/reviews/{month}/close', {
      params: { path: { month: review.month }, header: { 'If-Match': `"${review.version}"` } },
    }),
  );

export function useCloseChurnReview(config: MutationConfig<typeof closeReview> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: closeReview,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: churnQueries.all });
    },
  });
}
