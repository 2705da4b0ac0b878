import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type ChurnRisk = components['schemas']['ChurnRisk'];
export type ChurnRiskLevel = components['schemas']['ChurnRiskLevel'];
export type ChurnRiskSignal = components['schemas']['ChurnRiskSignal'];
export type AtRiskCustomer = components['schemas']['AtRiskCustomer'];

export type AtRiskParams = { level?: ChurnRiskLevel; ownerId?: string; page?: number; size?: number };

export const churnRiskQueries = {
  all: ['churnRisk'] as const,
  /** A customer's score; null when they have none (not a customer yet, or not scored yet: the API's 404). */
  contact: (contactId: string) =>
    queryOptions({
      queryKey: [...churnRiskQueries.all, 'contact', contactId],
      queryFn: async (): Promise<ChurnRisk | null> => {
        try {
          return await unwrap(api.GET('/api/v1/contacts/{id}/churn-risk', { params: { path: { id: contactId } } }));
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
    }),
  atRisk: (params: AtRiskParams) =>
    queryOptions({
      queryKey: [...churnRiskQueries.all, 'atRisk', params],
      queryFn: () => unwrap(api.GET('/api/v1/churn/at-risk', { params: { query: { ...params, sort: 'score,desc' } } })),
      placeholderData: keepPreviousData,
    }),
};
