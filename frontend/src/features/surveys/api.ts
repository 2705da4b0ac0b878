import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { MutationConfig } from '../../lib/queryClient';

export type SurveyInvitation = components['schemas']['SurveyInvitation'];
export type SurveyPolicy = components['schemas']['SurveyPolicy'];
export type SurveyPolicyRequest = components['schemas']['SurveyPolicyRequest'];
export type SurveyTemplate = SurveyInvitation['template'];
export type NpsFigure = components['schemas']['NpsFigure'];
export type PublicSurvey = components['schemas']['PublicSurvey'];

export const surveyQueries = {
  all: ['surveys'] as const,
  history: (contactId: string) =>
    queryOptions({
      queryKey: [...surveyQueries.all, 'history', contactId],
      queryFn: () =>
        unwrap(api.GET('/api/v1/contacts/{id}/survey-invitations', { params: { path: { id: contactId } } })),
    }),
  nps: (params: { from?: string; to?: string }) =>
    queryOptions({
      queryKey: [...surveyQueries.all, 'nps', params],
      queryFn: () => unwrap(api.GET('/api/v1/surveys/nps', { params: { query: params } })),
    }),
  answers: (page: number) =>
    queryOptions({
      queryKey: [...surveyQueries.all, 'answers', page],
      queryFn: () => unwrap(api.GET('/api/v1/surveys/answers', { params: { query: { page, size: 10 } } })),
    }),
  policy: () =>
    queryOptions({
      queryKey: [...surveyQueries.all, 'policy'],
      queryFn: () => unwrap(api.GET('/api/v1/surveys/policy')),
    }),
  // The public page: no session; a closed or unknown link is an answer, not something to retry.
  publicSurvey: (token: string) =>
    queryOptions({
      queryKey: [...surveyQueries.all, 'public', token],
      queryFn: () => unwrap(api.GET('/api/v1/public/survey-invitations/{token}', { params: { path: { token } } })),
      retry: false,
      staleTime: Infinity,
    }),
};

const invite = ({ contactId, template }: { contactId: string; template: SurveyTemplate }) =>
  unwrap(
    api.POST('/api/v1/contacts/{id}/survey-invitations', { params: { path: { id: contactId } }, body: { template } }),
  );

export function useInvite(config: MutationConfig<typeof invite> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: invite,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: [...surveyQueries.all, 'history', args[1].contactId] });
    },
  });
}

const answer = ({ token, score, comment }: { token: string; score: number; comment?: string }) =>
  unwrap(
    api.POST('/api/v1/public/survey-invitations/{token}', {
      params: { path: { token } },
      body: { score, comment: comment || undefined },
    }),
  );

export function useAnswer(config: MutationConfig<typeof answer> = {}) {
  return useMutation({ ...config, mutationFn: answer });
}

// If-Match names the version the form was loaded from: another admin's change in between is a 412, not overwritten.
const savePolicy = ({ version, body }: { version?: number; body: SurveyPolicyRequest }) =>
  unwrap(api.PUT('/api/v1/surveys/policy', { params: { header: { 'If-Match': `"${version ?? ''}"` } }, body }));

export function useSaveSurveyPolicy(config: MutationConfig<typeof savePolicy> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...config,
    mutationFn: savePolicy,
    onSuccess: async (...args) => {
      await config.onSuccess?.(...args);
      await queryClient.invalidateQueries({ queryKey: surveyQueries.policy().queryKey });
    },
  });
}

/** The SPA's text for a survey problem type (the server's detail is English only). */
export function surveyProblemKey(type: string | undefined): string | undefined {
  switch (type) {
    case 'urn:guanxi:problem:survey-no-consent':
      return 'surveys.errors.noConsent';
    case 'urn:guanxi:problem:survey-archived':
      return 'surveys.errors.archived';
    case 'urn:guanxi:problem:survey-too-soon':
      return 'surveys.errors.tooSoon';
    case 'urn:guanxi:problem:survey-closed':
      return 'surveys.public.closed';
    case 'urn:guanxi:problem:too-many-requests':
      return 'surveys.public.tooMany';
    default:
      return undefined;
  }
}
