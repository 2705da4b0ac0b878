import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type User = components['schemas']['UserResponse'];
export type Role = components['schemas']['Role'];
export type Seniority = components['schemas']['Seniority'];
export type UserCreateRequest = components['schemas']['UserCreateRequest'];
export type UserUpdateRequest = components['schemas']['UserUpdateRequest'];

export const userQueries = {
  all: ['users'] as const,
  list: (page: number) =>
    queryOptions({
      queryKey: [...userQueries.all, 'list', { page }],
      queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { page, size: 50 } } })),
      placeholderData: keepPreviousData,
    }),
};

/** Reads a user with its ETag, for editing. */
export async function fetchUserForEdit(id: string): Promise<{ user: User; etag: string }> {
  const result = await api.GET('/api/v1/users/{id}', { params: { path: { id } } });
  const user = await unwrap(Promise.resolve(result));
  return { user, etag: etagOf(result.response) };
}

/** Creates a user, or updates one when it comes with its id and the ETag it was read with. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: { id: string; etag?: string; update: UserUpdateRequest } | { create: UserCreateRequest }) =>
      'id' in save
        ? unwrap(
            api.PUT('/api/v1/users/{id}', {
              params: { path: { id: save.id }, header: { 'If-Match': save.etag ?? '' } },
              body: save.update,
            }),
          )
        : unwrap(api.POST('/api/v1/users', { body: save.create })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } })),
  });
}

/** A lost laptop or a leaving employee: every web session of the user ends at once. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE('/api/v1/users/{userId}/sessions', { params: { path: { userId } } })),
  });
}
