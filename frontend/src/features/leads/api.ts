import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type Lead = components['schemas']['Lead'];
export type ScoreBreakdown = components['schemas']['ScoreBreakdown'];
export type ScoreChange = components['schemas']['ScoreChange'];
export type ScoringPolicy = components['schemas']['ScoringPolicy'];
export type ScoringPolicyRequest = components['schemas']['ScoringPolicyRequest'];
export type ScorePreview = components['schemas']['ScorePreview'];
export type AssignmentRule = components['schemas']['AssignmentRule'];
export type AssignmentRuleRequest = components['schemas']['AssignmentRuleRequest'];
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
      queryFn: () => unwrap(api.GET('/api/v1/leads/{id}/score-history', { params: { path: { id }, query: { size: 100 } } })),
    }),
  policy: () =>
    queryOptions({
      queryKey: ['lead-scoring', 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/lead-scoring/policy')),
    }),
  rules: () =>
    queryOptions({
      queryKey: ['lead-assignment', 'rules'],
      queryFn: () => unwrap(api.GET('/api/v1/lead-assignment/rules')),
    }),
};
