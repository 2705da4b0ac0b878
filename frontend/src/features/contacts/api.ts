import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, etagOf, unwrap } from '../../lib/api/client';
import type { components, operations } from '../../lib/api/schema';

export type Contact = components['schemas']['Contact'];

/** The name to show: an anonymised customer has none left, so the SPA says what it is (issue 19). */
export function displayName(contact: Pick<Contact, 'name' | 'anonymisedAt'>, t: (key: string) => string): string {
  return contact.anonymisedAt ? t('contacts.anonymised') : contact.name;
}
export type ContactRequest = components['schemas']['ContactRequest'];
export type ContactOverview = components['schemas']['ContactOverview'];
export type Interaction = components['schemas']['Interaction'];
export type InteractionRequest = components['schemas']['InteractionRequest'];
export type ContactListParams = NonNullable<operations['listContacts']['parameters']['query']>;

export const contactQueries = {
  all: ['contacts'] as const,
  list: (params: ContactListParams) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'list', params],
      queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: params } })),
      placeholderData: keepPreviousData,
    }),
  overview: (id: string) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'overview', id],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/overview', { params: { path: { id } } })),
    }),
  interactions: (id: string, page: number) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'interactions', id, { page }],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/contacts/{contactId}/interactions', {
            params: { path: { contactId: id }, query: { page, size: 20 } },
          }),
        ),
    }),
  /** Contacts who may be named as this one's referrer, searched by name or mobile. */
  referrerSearch: (term: string) =>
    queryOptions({
      queryKey: [...contactQueries.all, 'referrer-search', { term }],
      queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: term, size: 10 } } })),
      enabled: term.trim().length > 0,
    }),
  /** People who can own contacts (for managers' owner filter and reassignment). */
  owners: () =>
    queryOptions({
      queryKey: [...contactQueries.all, 'owners'],
      queryFn: async () => {
        const [reps, managers] = await Promise.all([
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'SALES_REP', active: true, size: 200 } } })),
          unwrap(api.GET('/api/v1/users', { params: { query: { role: 'MANAGER', active: true, size: 200 } } })),
        ]);
        return [...reps.items, ...managers.items].map((user) => ({ value: user.id, label: user.displayName }));
      },
      staleTime: 5 * 60_000,
    }),
};

/** Reads a contact with its ETag, for editing. */
export async function fetchContactForEdit(id: string): Promise<{ contact: Contact; etag: string }> {
  const result = await api.GET('/api/v1/contacts/{id}', { params: { path: { id } } });
  const contact = await unwrap(Promise.resolve(result));
  return { contact, etag: etagOf(result.response) };
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, confirmDuplicate }: { body: ContactRequest; confirmDuplicate: boolean }) =>
      unwrap(api.POST('/api/v1/contacts', { body, params: { query: { confirmDuplicate } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      etag,
      body,
      confirmDuplicate,
    }: {
      id: string;
      etag: string;
      body: ContactRequest;
      confirmDuplicate: boolean;
    }) =>
      unwrap(
        api.PUT('/api/v1/contacts/{id}', {
          body,
          params: { path: { id }, header: { 'If-Match': etag }, query: { confirmDuplicate } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export function useArchiveContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export function useRestoreContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/contacts/{id}/restore', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export function useLogInteraction(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: InteractionRequest; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/contacts/{contactId}/interactions', {
          params: { path: { contactId }, header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export type ContactReach = components['schemas']['ContactReach'];

/**
 * A masked contact's mobile and email in full, fetched only when someone presses "Show" (each reveal
 * is recorded in the audit trail); shared by every place on the page that shows them.
 */
export const reachQueries = {
  reveal: (id: string) =>
    queryOptions({
      queryKey: ['contact-reach', id],
      queryFn: () => unwrap(api.POST('/api/v1/contacts/{id}/reveal', { params: { path: { id } } })),
      enabled: false,
      staleTime: Infinity,
    }),
};
