import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type Lead = components['schemas']['Lead'];
export type ScoreBreakdown = components['schemas']['ScoreBreakdown'];
export type LeadListParams = NonNullable<operations['listLeads']['parameters']['query']>;

export const leadQueries = {
  all: ['leads'] as const,
  list: (params: LeadListParams) =>
    queryOptions({
      queryKey: [...leadQueries.all, 'list', params],
      queryFn: () => unwrap(api.GET('/api/v1/leads', { params: { query: params } })),
      placeholderData: keepPreviousData,
    }),
  score: (id: string) =>
    queryOptions({
      queryKey: [...leadQueries.all, 'score', id],
      queryFn: () => unwrap(api.GET('/api/v1/leads/{id}/score', { params: { path: { id } } })),
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...leadQueries.all, 'history', id],
      queryFn: () => unwrap(api.GET('/api/v1/leads/{id}/score-history', { params: { path: { id }, query: { size: 50 } } })),
    }),
};
