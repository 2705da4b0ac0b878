import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type SearchResponse = components['schemas']['SearchResponse'];
export type SearchHit = components['schemas']['SearchHit'];
export type SearchKind = 'contacts' | 'leads' | 'complaints';

export const SEARCH_KINDS: readonly SearchKind[] = ['contacts', 'leads', 'complaints'];
/** The service takes 1–100 characters. */
export const MAX_QUERY = 100;

export const searchQueries = {
  all: ['search'] as const,
  results: (q: string) =>
    queryOptions({
      queryKey: [...searchQueries.all, 'results', { q }],
      queryFn: () => unwrap(api.GET('/api/v1/search', { params: { query: { q, limit: 5 } } })),
      // While the next answer loads, the last one stays on screen instead of flashing empty.
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};

/** Where a hit opens: a contact's 360 view, the lead in the lead list's drawer, a complaint's page. */
export function targetOf(kind: SearchKind, hit: SearchHit): string {
  if (kind === 'contacts') return `/contacts/${hit.id}`;
  if (kind === 'leads') return `/leads?lead=${hit.id}`;
  return `/complaints/${hit.id}`;
}
