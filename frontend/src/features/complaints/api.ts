import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type Complaint = components['schemas']['Complaint'];
export type ComplaintRequest = components['schemas']['ComplaintRequest'];
export type ComplaintListParams = NonNullable<operations['listComplaints']['parameters']['query']>;

export const STATES = ['RECEIVED', 'ACKNOWLEDGED', 'CAUSE_IDENTIFIED', 'SOLUTIONS_OFFERED', 'RESOLVED', 'FOLLOWED_UP', 'CLOSED'] as const;
export const SEVERITY_COLORS: Record<string, string> = { LOW: 'default', MEDIUM: 'blue', HIGH: 'orange', CRITICAL: 'red' };

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
      queryFn: () => unwrap(api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })),
    }),
  stats: () =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'stats'],
      queryFn: () => unwrap(api.GET('/api/v1/complaints/stats')),
    }),
  followUps: () =>
    queryOptions({
      queryKey: [...complaintQueries.all, 'follow-ups'],
      queryFn: () => unwrap(api.GET('/api/v1/reminders', { params: { query: { size: 100 } } })),
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

const takeStep = async ({ id, action, body }: { id: string; action: string; body?: Record<string, unknown> }) => {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'acknowledge': return unwrap(api.POST('/api/v1/complaints/{id}/acknowledge', { ...path, body: body as { message: string } }));
    case 'cause': return unwrap(api.POST('/api/v1/complaints/{id}/cause', { ...path, body: body as never }));
    case 'solutions': return unwrap(api.POST('/api/v1/complaints/{id}/solutions', { ...path, body: body as never }));
    case 'resolve': return unwrap(api.POST('/api/v1/complaints/{id}/resolve', { ...path, body: body as never }));
    case 'follow-up': return unwrap(api.POST('/api/v1/complaints/{id}/follow-up', { ...path, body: body as never }));
    case 'reopen': return unwrap(api.POST('/api/v1/complaints/{id}/reopen', { ...path, body: body as never }));
    default: return unwrap(api.POST('/api/v1/complaints/{id}/close', path));
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

/** The SLA clock of a complaint: overdue (or breached), close to its deadline, or in time. */
export function slaStatus(complaint: Complaint, now: number): 'breached' | 'soon' | 'ok' | 'done' {
  if (complaint.sla.breached.length > 0 && complaint.state !== 'FOLLOWED_UP' && complaint.state !== 'CLOSED') return 'breached';
  const due = complaint.sla.nextDueAt ? Date.parse(complaint.sla.nextDueAt) : null;
  if (due === null) return 'done';
  if (due <= now) return 'breached';
  return due - now < 2 * 3600_000 ? 'soon' : 'ok';
}

export const SLA_COLORS = { breached: 'red', soon: 'orange', ok: 'green', done: 'default' } as const;
