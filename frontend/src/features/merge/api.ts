import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type DuplicateGroup = components['schemas']['DuplicateGroup'];
export type DuplicateReason = DuplicateGroup['reason'];
export type MergeResult = components['schemas']['MergeResponse'];
export type MergeRequest = components['schemas']['MergeRequest'];
export type MergeContact = components['schemas']['Contact'];
export type DuplicateFilters = NonNullable<operations['listDuplicates']['parameters']['query']>;

/** The fields a merge picks a value for, in the order the merge screen shows them (as the service names them). */
export const MERGE_FIELDS = [
  'name',
  'mobile',
  'email',
  'wechatId',
  'company',
  'industry',
  'region',
  'city',
  'birthday',
  'sourceChannel',
  'preferredChannel',
  'hiddenNeeds',
  'personalityType',
  'lifecycleStage',
  'ownerId',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** A field's value on a contact, as text to compare and show (the birthday with or without its year). */
export function fieldValue(contact: MergeContact, field: MergeField): string | undefined {
  if (field === 'birthday') return contact.birthday ?? contact.birthMonthDay ?? undefined;
  if (field === 'ownerId') return contact.ownerId;
  const value = contact[field];
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

export const mergeQueries = {
  all: ['merge'] as const,
  duplicates: (filters: DuplicateFilters) =>
    queryOptions({
      queryKey: [...mergeQueries.all, 'duplicates', filters],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/duplicates', { params: { query: filters } })),
      placeholderData: keepPreviousData,
    }),
  /** A contact in full, with the version the merge sends back as its ETag. */
  contact: (id: string) =>
    queryOptions({
      queryKey: [...mergeQueries.all, 'contact', id],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id } } })),
    }),
  merge: (id: string) =>
    queryOptions({
      queryKey: [...mergeQueries.all, 'merges', id],
      queryFn: () => unwrap(api.GET('/api/v1/merges/{id}', { params: { path: { id } } })),
    }),
};

/** Merges contacts; one Idempotency-Key per screen, so a double click or a retry merges once. */
export function useMergeContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, body }: { idempotencyKey: string; body: MergeRequest }) =>
      unwrap(api.POST('/api/v1/contacts/merge', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mergeQueries.all }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]),
  });
}

export function useUndoMerge(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/merges/{id}/undo', { params: { path: { id } } })),
    onSuccess: (result) => {
      queryClient.setQueryData(mergeQueries.merge(id).queryKey, result);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: mergeQueries.all }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
      ]);
    },
  });
}

/** The code of a merge problem the screen explains in the user's language, or undefined for a generic one. */
export function mergeProblemCode(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const reason = (error.problem as { reason?: string }).reason;
  if (reason) return `merge.problem.${reason}`;
  if (error.problem.type === 'urn:guanxi:problem:contact-merged') return 'merge.problem.CONTACT_MERGED';
  if (error.status === 412) return 'merge.problem.STALE';
  return undefined;
}
