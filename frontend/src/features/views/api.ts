import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type SavedView = components['schemas']['SavedView'];
export type ViewQuery = SavedView['query'];
type ListName = SavedView['list'];

/** The list a `<SavedViews list=…>` sits on, as its page names it. */
export type ViewList = 'contacts' | 'leads' | 'complaints';

export const LIST_NAMES: Record<ViewList, ListName> = {
  contacts: 'CONTACTS',
  leads: 'LEADS',
  complaints: 'COMPLAINTS',
};

/**
 * The URL parameters a view of each list keeps: the service's allow-list (backend SavedViewList), so a
 * parameter that is not a filter (the page, `lead` opening one lead's drawer) never goes into a view.
 */
export const VIEW_PARAMETERS: Record<ViewList, readonly string[]> = {
  contacts: [
    'q',
    'ownerId',
    'tag',
    'lifecycleStage',
    'region',
    'industry',
    'abcTier',
    'membershipLevel',
    'archived',
    'sort',
    'size',
    'columns',
  ],
  leads: ['q', 'queue', 'status', 'ownerId', 'sort', 'size', 'columns'],
  complaints: [
    'q',
    'tab',
    'state',
    'severity',
    'category',
    'assigneeId',
    'open',
    'breached',
    'sort',
    'size',
    'columns',
  ],
};

/** The part of the URL query a view of this list would save, keys sorted so equal queries compare equal. */
export function queryOf(list: ViewList, search: URLSearchParams): ViewQuery {
  const query: ViewQuery = {};
  for (const key of [...VIEW_PARAMETERS[list]].sort()) {
    const values = search.getAll(key).filter((value) => value.trim() !== '');
    if (values.length) query[key] = values;
  }
  return query;
}

/** The URL query of a view, keeping the parameters that are not the view's (the page is reset). */
export function applyView(list: ViewList, query: ViewQuery, search: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const key of VIEW_PARAMETERS[list]) next.delete(key);
  next.delete('page');
  for (const [key, values] of Object.entries(query)) values.forEach((value) => next.append(key, value));
  return next;
}

export function sameQuery(a: ViewQuery, b: ViewQuery): boolean {
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b).sort();
  return (
    keysA.length === keysB.length &&
    keysA.every((key, i) => key === keysB[i] && JSON.stringify(a[key]) === JSON.stringify(b[key]))
  );
}

export const viewQueries = {
  all: ['views'] as const,
  list: (list: ViewList) =>
    queryOptions({
      queryKey: [...viewQueries.all, 'list', { list }],
      queryFn: () => unwrap(api.GET('/api/v1/views', { params: { query: { list: LIST_NAMES[list], size: 200 } } })),
      staleTime: 60_000,
    }),
};

const ifMatch = (view: SavedView) => ({ 'If-Match': `"${view.version}"` });

function useViewMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewQueries.all }),
  });
}

export function useCreateView() {
  return useViewMutation((body: components['schemas']['SavedViewRequest']) =>
    unwrap(api.POST('/api/v1/views', { body })),
  );
}

/** Renames or re-shares a view (its owner only), with the version it was read at. */
export function useChangeView() {
  return useViewMutation(({ view, name, shared }: { view: SavedView; name: string; shared: boolean }) =>
    unwrap(
      api.PUT('/api/v1/views/{id}', {
        params: { path: { id: view.id }, header: ifMatch(view) },
        body: { list: view.list, name, query: view.query, shared },
      }),
    ),
  );
}

export function useDeleteView() {
  return useViewMutation((view: SavedView) =>
    unwrap(api.DELETE('/api/v1/views/{id}', { params: { path: { id: view.id }, header: ifMatch(view) } })),
  );
}

/** Makes a view the caller's default of its list, or stops it being that. */
export function useToggleDefault() {
  return useViewMutation((view: SavedView) =>
    view.isDefault
      ? unwrap(api.DELETE('/api/v1/views/{id}/default', { params: { path: { id: view.id } } }))
      : unwrap(api.PUT('/api/v1/views/{id}/default', { params: { path: { id: view.id } } })),
  );
}
