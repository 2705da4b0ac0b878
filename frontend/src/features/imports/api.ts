import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

export type ContactImport = components['schemas']['ImportResponse'];
export type ImportField = components['schemas']['ImportField'];
export type ImportDecision = components['schemas']['ImportDecision'];

export const IMPORT_FIELDS: ImportField[] = [
  'NAME',
  'MOBILE',
  'EMAIL',
  'WECHAT_ID',
  'COMPANY',
  'INDUSTRY',
  'REGION',
  'CITY',
  'BIRTHDAY',
  'TAGS',
  'SOURCE_CHANNEL',
  'HIDDEN_NEEDS',
  'OWNER',
];
export const IMPORT_DECISIONS: ImportDecision[] = ['SKIP', 'FILL_EMPTY', 'OVERWRITE', 'CREATE_ANYWAY'];

// The version is always sent; the contract types the primitive as optional.
const ifMatch = (version: number | undefined) => ({ 'If-Match': `"${version ?? 0}"` });

export const importQueries = {
  all: ['imports'] as const,
  /** The import; polled while its commit runs. */
  detail: (id: string) =>
    queryOptions({
      queryKey: [...importQueries.all, id],
      queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
      refetchInterval: (query) => (query.state.data?.state === 'COMMITTING' ? 500 : false),
    }),
};

export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return unwrap(
        api.POST('/api/v1/imports', {
          // The generated body type names the part; the browser sends the FormData itself.
          body: { file: file.name },
          bodySerializer: () => form,
        }),
      );
    },
  });
}

function useImportMutation<T>(call: (variables: T) => Promise<ContactImport>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      queryClient.setQueryData(importQueries.detail(result.id).queryKey, result);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useMapImport() {
  return useImportMutation(({ current, fields }: { current: ContactImport; fields: (ImportField | null)[] }) =>
    unwrap(
      api.PUT('/api/v1/imports/{id}/mapping', {
        params: { path: { id: current.id }, header: ifMatch(current.version) },
        body: { fields: fields as ImportField[] },
      }),
    ),
  );
}

export function useDecideImport() {
  return useImportMutation(({ current, groups }: { current: ContactImport; groups: Record<string, ImportDecision> }) =>
    unwrap(
      api.PUT('/api/v1/imports/{id}/decisions', {
        params: { path: { id: current.id }, header: ifMatch(current.version) },
        body: { groups },
      }),
    ),
  );
}

export function useCommitImport() {
  return useImportMutation((current: ContactImport) =>
    unwrap(api.POST('/api/v1/imports/{id}/commit', { params: { path: { id: current.id } } })),
  );
}

export function useUndoImport() {
  return useImportMutation((current: ContactImport) =>
    unwrap(api.POST('/api/v1/imports/{id}/undo', { params: { path: { id: current.id } } })),
  );
}

/** Downloads the error report (CSV) with the signed-in user's token. */
export async function downloadErrors(id: string) {
  const call = await api.GET('/api/v1/imports/{id}/errors', { params: { path: { id } }, parseAs: 'blob' });
  const blob = await unwrap(Promise.resolve(call as { data?: Blob; error?: unknown; response: Response }));
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `import-${id}-errors.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
