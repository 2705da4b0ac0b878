import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type PrivacyRequest = components['schemas']['PrivacyRequest'];
export type PrivacyRequestCreate = components['schemas']['PrivacyRequestCreate'];
export type RequestKind = components['schemas']['RequestKind'];
export type RequestState = components['schemas']['RequestState'];
export type RequestChannel = components['schemas']['RequestChannel'];
export type RetentionReview = components['schemas']['RetentionReview'];
export type ReviewState = components['schemas']['ReviewState'];
export type CopyFormat = components['schemas']['CopyFormat'];

export const REQUEST_KINDS: RequestKind[] = ['ACCESS', 'CORRECTION', 'DELETION', 'WITHDRAWAL', 'EXPLANATION'];
export const REQUEST_STATES: RequestState[] = ['RECEIVED', 'VERIFIED', 'FULFILLED', 'REFUSED'];
export const REQUEST_CHANNELS: RequestChannel[] = ['PHONE', 'EMAIL', 'WECHAT', 'IN_PERSON', 'LETTER', 'OTHER'];
export const REVIEW_STATES: ReviewState[] = ['PENDING', 'APPROVED', 'KEPT'];
/** Kinds fulfilled by someone doing it elsewhere: the note saying what was done is required. */
export const DONE_ELSEWHERE: RequestKind[] = ['CORRECTION', 'WITHDRAWAL', 'EXPLANATION'];

const PAGE_SIZE = 20;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const privacyQueries = {
  all: ['privacy'] as const,
  requests: (filter: { state?: RequestState; kind?: RequestKind }, page: number) =>
    queryOptions({
      queryKey: [...privacyQueries.all, 'requests', filter, { page }],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/privacy/requests', {
            params: { query: { ...filter, page, size: PAGE_SIZE, sort: 'receivedAt,desc' } },
          }),
        ),
    }),
  retention: (state: ReviewState | undefined, page: number) =>
    queryOptions({
      queryKey: [...privacyQueries.all, 'retention', { state, page }],
      queryFn: () =>
        unwrap(api.GET('/api/v1/privacy/retention', { params: { query: { state, page, size: PAGE_SIZE } } })),
    }),
  /** Customers to register a request for, found by name, pinyin or mobile. */
  customerSearch: (term: string) =>
    queryOptions({
      queryKey: [...privacyQueries.all, 'customer-search', { term }],
      queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: term.trim(), size: 20 } } })),
      enabled: term.trim().length > 0,
    }),
};

export { PAGE_SIZE };

export type RequestAction = 'VERIFY' | 'FULFIL' | 'REFUSE';
type Step = { request: PrivacyRequest; action: RequestAction; text?: string };
const stepRequest = ({ request, action, text }: Step) => {
  const params = { path: { id: request.id }, header: ifMatch(request.version) };
  switch (action) {
    case 'VERIFY':
      return unwrap(api.POST('/api/v1/privacy/requests/{id}/verify', { params, body: { note: text } }));
    case 'FULFIL':
      return unwrap(api.POST('/api/v1/privacy/requests/{id}/fulfil', { params, body: { note: text } }));
    case 'REFUSE':
      return unwrap(api.POST('/api/v1/privacy/requests/{id}/refuse', { params, body: { reason: text ?? '' } }));
  }
};

const createRequest = (body: PrivacyRequestCreate) => unwrap(api.POST('/api/v1/privacy/requests', { body }));

export type RetentionChoice = 'APPROVE' | 'KEEP';
type Decide = { review: RetentionReview; choice: RetentionChoice; reason: string };
const decideRetention = ({ review, choice, reason }: Decide) => {
  const params = { path: { id: review.id }, header: ifMatch(review.version) };
  return choice === 'APPROVE'
    ? unwrap(api.POST('/api/v1/privacy/retention/{id}/approve', { params, body: { reason } }))
    : unwrap(api.POST('/api/v1/privacy/retention/{id}/keep', { params, body: { reason } }));
};

const runRetention = () => unwrap(api.POST('/api/v1/privacy/retention/run'));

export function useCreatePrivacyRequest(config: MutationConfig<typeof createRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: createRequest,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      // A deletion or an approval anonymises a customer: contact lists and views change too.
      await queryClient.invalidateQueries();
    },
  });
}

export function useStepPrivacyRequest(config: MutationConfig<typeof stepRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: stepRequest,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      // A deletion or an approval anonymises a customer: contact lists and views change too.
      await queryClient.invalidateQueries();
    },
  });
}

export function useDecideRetention(config: MutationConfig<typeof decideRetention> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: decideRetention,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      // A deletion or an approval anonymises a customer: contact lists and views change too.
      await queryClient.invalidateQueries();
    },
  });
}

export function useRunRetention(config: MutationConfig<typeof runRetention> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: runRetention,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      // A deletion or an approval anonymises a customer: contact lists and views change too.
      await queryClient.invalidateQueries();
    },
  });
}

/** Downloads an ACCESS request's copy, named by the service. */
export async function downloadCopy(id: string, format: CopyFormat) {
  const call = await api.GET('/api/v1/privacy/requests/{id}/export', {
    params: { path: { id }, query: { format } },
    parseAs: 'blob',
  });
  const blob = await unwrap(Promise.resolve(call as { data?: Blob; error?: unknown; response: Response }));
  const disposition = call.response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `personal-data.${format.toLowerCase()}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
