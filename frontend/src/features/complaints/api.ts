import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, etagOf, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type Complaint = components['schemas']['Complaint'];
/** A complaint read for working it: with its ETag, which every step sends as If-Match. */
export type WorkedComplaint = Complaint & { etag: string };
export type SlaStatus = Complaint['sla']['status'];
export type ComplaintRequest = components['schemas']['ComplaintRequest'];
export type ComplaintCategory = components['schemas']['ComplaintCategory'];
export type ComplaintListParams = NonNullable<operations['listComplaints']['parameters']['query']>;

export const STATES = [
  'RECEIVED',
  'ACKNOWLEDGED',
  'CAUSE_IDENTIFIED',
  'SOLUTIONS_OFFERED',
  'RESOLVED',
  'FOLLOWED_UP',
  'CLOSED',
] as const;
export const SEVERITY_COLORS: Record<string, string> = {
  LOW: 'default',
  MEDIUM: 'blue',
  HIGH: 'orange',
  CRITICAL: 'red',
};

export const complaintQueries = {
  all: ['complaints'] as const,
  list: (params: ComplaintListParams) =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'list', params],
      queryFn: () => unwrap(api.GET('/api/v1/complaints', { params: { query: params } })),
      placeholderData: keepPreviousData,
      refetchInterval: 60_000,
    }),
  one: (id: string) =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'one', id],
      queryFn: async (): Promise<WorkedComplaint> => {
        const result = await api.GET('/api/v1/complaints/{id}', { params: { path: { id } } });
        const complaint = await unwrap(Promise.resolve(result));
        return { ...complaint, etag: etagOf(result.response) };
      },
    }),
  stats: () =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'stats'],
      queryFn: () => unwrap(api.GET('/api/v1/complaints/stats')),
    }),
  /** The customers a new complaint can be about, searched by name or mobile. */
  contactPick: (q: string, enabled: boolean) =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'contact-pick', { q }],
      queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: q || undefined, size: 20 } } })),
      enabled,
    }),
};

export function useCreateComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintRequest) => unwrap(api.POST('/api/v1/complaints', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintQueries.all }),
  });
}

/** One step of the complaint process with the body its endpoint takes (close takes none). */
export type ComplaintStep =
  | { action: 'acknowledge'; body: components['schemas']['AcknowledgeRequest'] }
  | { action: 'cause'; body: components['schemas']['IdentifyCauseRequest'] }
  | { action: 'solutions'; body: components['schemas']['OfferSolutionsRequest'] }
  | { action: 'resolve'; body: components['schemas']['ResolveRequest'] }
  | { action: 'follow-up'; body: components['schemas']['FollowUpRequest'] }
  | { action: 'reopen'; body: components['schemas']['ReopenRequest'] }
  | { action: 'close' };

/** A step names the version it was based on: the ETag read with the complaint (428 without, 412 when stale). */
const takeStep = (step: ComplaintStep & { id: string; etag: string }) => {
  const params = { path: { id: step.id }, header: { 'If-Match': step.etag } };
  switch (step.action) {
    case 'acknowledge':
      return unwrap(api.POST('/api/v1/complaints/{id}/acknowledge', { params, body: step.body }));
    case 'cause':
      return unwrap(api.POST('/api/v1/complaints/{id}/cause', { params, body: step.body }));
    case 'solutions':
      return unwrap(api.POST('/api/v1/complaints/{id}/solutions', { params, body: step.body }));
    case 'resolve':
      return unwrap(api.POST('/api/v1/complaints/{id}/resolve', { params, body: step.body }));
    case 'follow-up':
      return unwrap(api.POST('/api/v1/complaints/{id}/follow-up', { params, body: step.body }));
    case 'reopen':
      return unwrap(api.POST('/api/v1/complaints/{id}/reopen', { params, body: step.body }));
    case 'close':
      return unwrap(api.POST('/api/v1/complaints/{id}/close', { params }));
  }
};

/** Moves a complaint one step (acknowledge, cause, solutions, resolve, follow-up, reopen, close). */
export function useComplaintStep(config: MutationConfig<typeof takeStep> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: takeStep,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: complaintQueries.all });
    },
  });
}

/** The colour of each SLA status the server computes (the SPA does not work the status out itself). */
export const SLA_COLORS: Record<SlaStatus, string> = {
  ON_TRACK: 'green',
  DUE_SOON: 'orange',
  OVERDUE: 'red',
  MET: 'default',
  MISSED: 'red',
};

/**
 * A step the complaint's state no longer allows (someone moved it on meanwhile) says so in the reader's language,
 * from the state the server names; null for any other error.
 */
export function describeStepError(
  error: unknown,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  if (error instanceof ApiError && error.status === 409 && error.problem.state) {
    return t('complaints.errors.illegalTransition', { state: t(`complaints.state.${error.problem.state}`) });
  }
  return null;
}
