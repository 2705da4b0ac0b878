import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

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
      queryFn: () =>
        unwrap(api.GET('/api/v1/leads/{id}/score-history', { params: { path: { id }, query: { size: 100 } } })),
    }),
  policy: () =>
    queryOptions({
      queryKey: [...leadQueries.all, 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/lead-scoring/policy')),
    }),
  rules: () =>
    queryOptions({
      queryKey: [...leadQueries.all, 'rules'],
      queryFn: () => unwrap(api.GET('/api/v1/lead-assignment/rules')),
    }),
  /** The reps a rule can assign to. */
  salesReps: () =>
    queryOptions({
      queryKey: [...leadQueries.all, 'sales-reps'],
      queryFn: () =>
        unwrap(api.GET('/api/v1/users', { params: { query: { role: 'SALES_REP', active: true, size: 200 } } })),
    }),
};

const claimLead = (id: string) => unwrap(api.POST('/api/v1/leads/{id}/claim', { params: { path: { id } } }));

/** Claims a lead; the queues are refreshed either way (a refused claim means someone else was first). */
export function useClaimLead(config: MutationConfig<typeof claimLead> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: claimLead,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: leadQueries.all });
    },
    onError: async (...args) => {
      await config.onError?.(...args);
      await queryClient.invalidateQueries({ queryKey: leadQueries.all });
    },
  });
}

/** Reads an assignment rule with its ETag, for editing. */
export async function fetchAssignmentRuleForEdit(id: string): Promise<{ rule: AssignmentRule; etag: string }> {
  const result = await api.GET('/api/v1/lead-assignment/rules/{id}', { params: { path: { id } } });
  const rule = await unwrap(Promise.resolve(result));
  return { rule, etag: etagOf(result.response) };
}

/** Creates an assignment rule, or updates one when it comes with the ETag it was read with. */
export function useSaveAssignmentRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ editing, body }: { editing?: { id: string; etag?: string }; body: AssignmentRuleRequest }) =>
      editing
        ? unwrap(
            api.PUT('/api/v1/lead-assignment/rules/{id}', {
              params: { path: { id: editing.id }, header: { 'If-Match': editing.etag ?? '' } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/lead-assignment/rules', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadQueries.rules().queryKey }),
  });
}

const deleteAssignmentRule = (id: string) =>
  unwrap(api.DELETE('/api/v1/lead-assignment/rules/{id}', { params: { path: { id } } }));

export function useDeleteAssignmentRule(config: MutationConfig<typeof deleteAssignmentRule> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: deleteAssignmentRule,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: leadQueries.rules().queryKey });
      await config.onSuccess?.(...args);
    },
  });
}

const previewScoringPolicy = (body: ScoringPolicyRequest) =>
  unwrap(api.POST('/api/v1/lead-scoring/policy/preview', { body }));

/** What a policy would do to today's leads, before it is saved. */
export function usePreviewScoringPolicy(config: MutationConfig<typeof previewScoringPolicy> = {}) {
  return useMutation({ ...config, mutationFn: previewScoringPolicy });
}

// If-Match names the version the form was loaded from: another admin's change in between is a 412, not overwritten.
const saveScoringPolicy = ({ version, body }: { version?: number; body: ScoringPolicyRequest }) =>
  unwrap(api.PUT('/api/v1/lead-scoring/policy', { params: { header: { 'If-Match': `"${version ?? ''}"` } }, body }));

/** Saves a new policy version; the service rescores every lead, so every lead query is refreshed. */
export function useSaveScoringPolicy(config: MutationConfig<typeof saveScoringPolicy> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: saveScoringPolicy,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: leadQueries.all });
    },
  });
}

export type LostReason = NonNullable<Lead['lostReasonCode']>;
export const LOST_REASONS: LostReason[] = [
  'PRICE',
  'COMPETITOR',
  'NO_NEED',
  'NO_BUDGET',
  'NO_RESPONSE',
  'TIMING',
  'PRODUCT_FIT',
  'OTHER',
];

/** One lead (a notification opens it by id). */
export const leadQuery = (id: string) =>
  queryOptions({
    queryKey: [...leadQueries.all, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/leads/{id}', { params: { path: { id } } })),
  });

/** Moves a lead on in its pipeline, at the version it was read (If-Match). */
export function useMoveLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      lead,
      status,
      lostReason,
      lostNote,
    }: {
      lead: Lead;
      status: Lead['status'];
      lostReason?: LostReason;
      lostNote?: string;
    }) =>
      unwrap(
        api.POST('/api/v1/leads/{id}/move', {
          params: { path: { id: lead.id }, header: { 'If-Match': `"${lead.version}"` } },
          body: { status, lostReason, lostNote },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadQueries.all }),
  });
}

export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/leads/{id}/convert', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadQueries.all }),
  });
}

/** A manager hands leads, with their customers and open work, to a rep. */
export function useReassignLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { leadIds: string[]; ownerId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/leads/reassign', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadQueries.all }),
  });
}
