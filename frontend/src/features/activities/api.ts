import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type Activity = components['schemas']['Activity'];
export type ActivityKind = Activity['kind'];
export type ActivityRequest = components['schemas']['ActivityRequest'];
export type CompleteActivityRequest = components['schemas']['CompleteActivityRequest'];
export type ActivityListParams = NonNullable<operations['listActivities']['parameters']['query']>;

export const ACTIVITY_KINDS: ActivityKind[] = [
  'CALL',
  'VISIT',
  'WECHAT',
  'SMS',
  'EMAIL',
  'MEETING',
  'CARE',
  'FOLLOW_UP',
  'COMPLAINT_FOLLOW_UP',
  'ESCALATION',
  'OTHER',
];

/** An activity's ETag is its version; a list row carries it, so acting on a row needs no extra read. */
const ifMatch = (activity: Activity) => ({ 'If-Match': `"${activity.version}"` });

export const activityQueries = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) =>
    queryOptions({
      queryKey: [...activityQueries.all, 'list', params],
      queryFn: () => unwrap(api.GET('/api/v1/activities', { params: { query: params } })),
      refetchInterval: 60_000,
    }),
};

function useInvalidateActivities() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: activityQueries.all });
}

export function useCreateActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (body: ActivityRequest) => unwrap(api.POST('/api/v1/activities', { body })),
    onSuccess: invalidate,
  });
}

export function useCompleteActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ activity, body }: { activity: Activity; body: CompleteActivityRequest }) =>
      unwrap(
        api.POST('/api/v1/activities/{id}/complete', {
          params: { path: { id: activity.id }, header: ifMatch(activity) },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRescheduleActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ activity, dueDate }: { activity: Activity; dueDate: string }) =>
      unwrap(
        api.POST('/api/v1/activities/{id}/reschedule', {
          params: { path: { id: activity.id }, header: ifMatch(activity) },
          body: { dueDate },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCancelActivity() {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: ({ activity, reason }: { activity: Activity; reason?: string }) =>
      unwrap(
        api.POST('/api/v1/activities/{id}/cancel', {
          params: { path: { id: activity.id }, header: ifMatch(activity) },
          body: { reason },
        }),
      ),
    onSuccess: invalidate,
  });
}
