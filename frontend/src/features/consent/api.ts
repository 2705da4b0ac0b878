import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type ContactConsents = components['schemas']['ContactConsents'];
export type ConsentState = components['schemas']['ConsentState'];
export type ConsentEntry = components['schemas']['ConsentEntry'];
export type ConsentRequest = components['schemas']['ConsentRequest'];
export type ScoreExplanationData = components['schemas']['ScoreExplanation'];

export const consentQueries = {
  all: ['consent'] as const,
  contact: (contactId: string) =>
    queryOptions({
      queryKey: [...consentQueries.all, 'contact', contactId],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/consents', { params: { path: { id: contactId } } })),
    }),
  explanation: (contactId: string) =>
    queryOptions({
      queryKey: [...consentQueries.all, 'explanation', contactId],
      queryFn: () =>
        unwrap(api.GET('/api/v1/contacts/{id}/score-explanation', { params: { path: { id: contactId } } })),
    }),
};

// The key is made when the person submits, so a retried tap records the decision once.
const record = ({ contactId, body, key }: { contactId: string; body: ConsentRequest; key: string }) =>
  unwrap(
    api.POST('/api/v1/contacts/{id}/consents', {
      params: { path: { id: contactId }, header: { 'Idempotency-Key': key } },
      body,
    }),
  );

export function useRecordConsent(config: MutationConfig<typeof record> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: record,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: consentQueries.all });
      await config.onSuccess?.(...args);
    },
  });
}
