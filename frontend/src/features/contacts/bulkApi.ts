import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { exportUrl } from '../../components/ui/ExportButton';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { contactQueries, type ContactListParams } from './api';

export type BulkAction = components['schemas']['ContactBulkAction'];
export type BulkRequest = components['schemas']['ContactBulkRequest'];
export type BulkResult = components['schemas']['ContactBulkResult'];
export type BulkJob = components['schemas']['ContactBulkJob'];
export type BulkFilter = components['schemas']['ContactBulkFilter'];
export type BulkOutcome = components['schemas']['ContactBulkOutcome'];

/** What the user picked: ticked rows (with the version each showed), or every contact the list's filters match. */
export type BulkSelection =
  { kind: 'ids'; items: { id: string; version: number }[] } | { kind: 'filter'; filter: BulkFilter; total: number };

/** The list's filters as the bulk endpoint takes them ("all N matching" is what the list shows). */
export function bulkFilterOf(params: ContactListParams): BulkFilter {
  return {
    q: params.q,
    ownerId: params.ownerId,
    tags: params.tag,
    lifecycleStage: params.lifecycleStage,
    region: params.region,
    industry: params.industry,
    abcTier: params.abcTier,
    membershipLevel: params.membershipLevel,
    archived: params.archived,
  };
}

export function selectionBody(selection: BulkSelection): BulkRequest['selection'] {
  return selection.kind === 'ids' ? { ids: selection.items } : { filter: selection.filter };
}

/** The answer: the report at once for a small selection, a job to follow for a large one. */
export type BulkAnswer = { kind: 'done'; result: BulkResult } | { kind: 'job'; job: BulkJob };

export function useBulkAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      body,
      idempotencyKey,
    }: {
      body: BulkRequest;
      idempotencyKey: string;
    }): Promise<BulkAnswer> => {
      const data = await unwrap(
        api.POST('/api/v1/contacts/bulk', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
      );
      return 'state' in data ? { kind: 'job', job: data } : { kind: 'done', result: data };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactQueries.all }),
  });
}

export const bulkQueries = {
  job: (id: string) =>
    queryOptions({
      queryKey: ['contact-bulk-job', id],
      queryFn: () => unwrap(api.GET('/api/v1/contacts/bulk/jobs/{id}', { params: { path: { id } } })),
      refetchInterval: (query) => (query.state.data?.state === 'RUNNING' || !query.state.data ? 1000 : false),
    }),
};

/** The most ids an export takes in its URL; a larger selection is exported by the list's filters. */
export const EXPORT_MAX_IDS = 200;

/**
 * The contact export's URL for a selection (GET /api/v1/contacts/export): ticked rows by id, "all matching"
 * by the list's own filters.
 */
export function selectionExportUrl(selection: BulkSelection, format: 'csv' | 'xlsx'): string {
  if (selection.kind === 'ids') {
    return exportUrl(
      'contacts',
      {},
      format === 'xlsx' ? 'XLSX' : 'CSV',
      undefined,
      selection.items.map((item) => item.id),
    );
  }
  const f = selection.filter;
  return exportUrl(
    'contacts',
    {
      q: f.q,
      ownerId: f.ownerId,
      lifecycleStage: f.lifecycleStage,
      region: f.region,
      industry: f.industry,
      abcTier: f.abcTier,
      membershipLevel: f.membershipLevel,
      archived: f.archived,
      tag: f.tags ?? [],
    },
    format === 'xlsx' ? 'XLSX' : 'CSV',
  );
}
