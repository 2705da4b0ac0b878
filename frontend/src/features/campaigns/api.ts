import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type Campaign = components['schemas']['Campaign'];
export type CampaignRequest = components['schemas']['CampaignRequest'];
export type CampaignCategory = Campaign['category'];
export type CampaignState = Campaign['state'];
export type Segment = components['schemas']['Segment'];
export type CampaignTarget = components['schemas']['CampaignTarget'];
export type CampaignOutcome = components['schemas']['CampaignOutcome'];
export type CampaignCounts = components['schemas']['CampaignCounts'];

export const CATEGORIES: CampaignCategory[] = ['RELATIONSHIP', 'SERVICE', 'MARKETING', 'MIXED'];
export const OUTCOMES: CampaignOutcome[] = ['REACHED', 'NO_ANSWER', 'DECLINED', 'BOOKED'];

export const campaignQueries = {
  all: ['campaigns'] as const,
  list: (page: number) =>
    queryOptions({
      queryKey: [...campaignQueries.all, 'list', page],
      queryFn: () => unwrap(api.GET('/api/v1/campaigns', { params: { query: { page, size: 20 } } })),
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...campaignQueries.all, 'detail', id],
      queryFn: () => unwrap(api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } })),
    }),
  report: (id: string) =>
    queryOptions({
      queryKey: [...campaignQueries.all, 'report', id],
      queryFn: () => unwrap(api.GET('/api/v1/campaigns/{id}/report', { params: { path: { id } } })),
    }),
  targets: (id: string, page: number) =>
    queryOptions({
      queryKey: [...campaignQueries.all, 'targets', id, page],
      queryFn: () =>
        unwrap(api.GET('/api/v1/campaigns/{id}/targets', { params: { path: { id }, query: { page, size: 20 } } })),
    }),
  preview: (segment: Segment, category: CampaignCategory) =>
    queryOptions({
      queryKey: [...campaignQueries.all, 'preview', category, segment],
      queryFn: () => unwrap(api.POST('/api/v1/campaigns/segment-preview', { body: { segment, category } })),
      // The count stays on screen while the next one is asked for: the builder's count does not flicker.
      placeholderData: keepPreviousData,
    }),
};

// Every change names the version it was made from (If-Match): someone else's change in between is a 412.
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

function useCampaignMutation<V>(fn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignQueries.all }),
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((body: CampaignRequest) => unwrap(api.POST('/api/v1/campaigns', { body })));

export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, version, body }: { id: string; version: number; body: CampaignRequest }) =>
    unwrap(api.PUT('/api/v1/campaigns/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
  );

export const useMoveCampaign = () =>
  useCampaignMutation(({ id, version, to }: { id: string; version: number; to: 'launch' | 'close' | 'cancel' }) => {
    const params = { params: { path: { id }, header: ifMatch(version) } };
    if (to === 'launch') return unwrap(api.POST('/api/v1/campaigns/{id}/launch', params));
    if (to === 'close') return unwrap(api.POST('/api/v1/campaigns/{id}/close', params));
    return unwrap(api.POST('/api/v1/campaigns/{id}/cancel', params));
  });

export const useRecordOutcome = () =>
  useCampaignMutation(({ target, outcome }: { target: CampaignTarget; outcome: CampaignOutcome }) =>
    unwrap(
      api.PUT('/api/v1/campaigns/{id}/targets/{contactId}/outcome', {
        params: { path: { id: target.campaignId, contactId: target.contactId }, header: ifMatch(target.version) },
        body: { outcome },
      }),
    ),
  );
