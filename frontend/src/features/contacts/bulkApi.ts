import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import { freshToken } from '../../lib/auth/session';
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

/**
 * Downloads the selection as CSV or XLSX from the contact export (GET /api/v1/contacts/export, another
 * slice of issue 20): ticked rows by id, "all matching" by the list's own filters.
 */
export async function downloadSelection(selection: BulkSelection, format: 'csv' | 'xlsx') {
  const query = new URLSearchParams({ format });
  if (selection.kind === 'ids') {
    selection.items.forEach((item) => query.append('ids', item.id));
  } else {
    const f = selection.filter;
    const set = (key: string, value?: string | boolean | null) => {
      if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
    };
    set('q', f.q);
    set('ownerId', f.ownerId);
    set('lifecycleStage', f.lifecycleStage);
    set('region', f.region);
    set('industry', f.industry);
    set('abcTier', f.abcTier);
    set('membershipLevel', f.membershipLevel);
    set('archived', f.archived);
    (f.tags ?? []).forEach((tag) => query.append('tag', tag));
  }
  const token = await freshToken();
  const response = await globalThis.fetch(`/api/v1/contacts/export?${query.toString()}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `contacts.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
