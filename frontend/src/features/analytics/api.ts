import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { AnalyticsParams } from './params';

export type AnalyticsReport = components['schemas']['AnalyticsReport'];
export type AnalyticsCard = components['schemas']['AnalyticsCard'];
export type AnalyticsTable = components['schemas']['AnalyticsTable'];
export type DrillRow = components['schemas']['AnalyticsDrillRow'];
export type Section = AnalyticsReport['section'];
export type Unit = AnalyticsCard['unit'];
export type ExportFormat = 'CSV' | 'XLSX';

export const SECTIONS: Section[] = ['FUNNEL', 'REPS', 'VALUE', 'LIFECYCLE', 'SERVICE', 'RETENTION', 'LOYALTY'];

export const analyticsQueries = {
  all: ['analytics'] as const,
  report: (section: Section, params: AnalyticsParams) =>
    queryOptions({
      queryKey: [...analyticsQueries.all, 'report', section, params],
      queryFn: () => unwrap(api.GET('/api/v1/analytics/{section}', { params: { path: { section }, query: params } })),
      placeholderData: keepPreviousData,
    }),
  drill: (section: Section, figure: string, key: string | undefined, params: AnalyticsParams, page: number) =>
    queryOptions({
      queryKey: [...analyticsQueries.all, 'drill', section, figure, key, params, page],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/analytics/{section}/drill/{figure}', {
            params: { path: { section, figure }, query: { ...params, key, page, size: 20 } },
          }),
        ),
      placeholderData: keepPreviousData,
    }),
  reps: () =>
    queryOptions({
      queryKey: [...analyticsQueries.all, 'reps'],
      queryFn: () =>
        unwrap(api.GET('/api/v1/users', { params: { query: { role: 'SALES_REP', active: true, size: 200 } } })),
      staleTime: 5 * 60_000,
    }),
};

/** Downloads a section's figures (or one table) as a file named by the service, in the reader's language. */
export async function downloadReport(
  section: Section,
  params: AnalyticsParams,
  format: ExportFormat,
  language: string,
  table?: string,
) {
  const result = await api.GET('/api/v1/analytics/{section}/export', {
    params: { path: { section }, query: { ...params, format, table } },
    headers: { 'Accept-Language': language },
    parseAs: 'blob',
  });
  await save(result);
}

/** Downloads the rows behind a figure. */
export async function downloadDrill(
  section: Section,
  figure: string,
  key: string | undefined,
  params: AnalyticsParams,
  format: ExportFormat,
  language: string,
) {
  const result = await api.GET('/api/v1/analytics/{section}/drill/{figure}/export', {
    params: { path: { section, figure }, query: { ...params, key, format } },
    headers: { 'Accept-Language': language },
    parseAs: 'blob',
  });
  await save(result);
}

async function save(call: { data?: unknown; error?: unknown; response: Response }) {
  const blob = await unwrap(Promise.resolve(call as { data?: Blob; error?: unknown; response: Response }));
  const disposition = call.response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'analytics';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
