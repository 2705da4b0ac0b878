import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';

export const authQueries = {
  all: ['auth'] as const,
  /** Where the signed-in user is signed in to the web app. */
  sessions: () =>
    queryOptions({
      queryKey: [...authQueries.all, 'sessions'],
      queryFn: () => unwrap(api.GET('/api/v1/me/sessions', { params: { query: { size: 100 } } })),
    }),
};

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      unwrap(api.DELETE('/api/v1/me/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authQueries.sessions().queryKey }),
  });
}
