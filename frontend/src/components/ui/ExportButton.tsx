import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { freshToken } from '../../lib/auth/session';
import { usePhone } from './usePhone';

export type ExportList = 'contacts' | 'leads' | 'purchases' | 'complaints' | 'activities';
export type ExportFileFormat = 'CSV' | 'XLSX';
type ParamValue = string | number | boolean | readonly string[] | null | undefined;

/** How long to wait between two looks at an export job (the service writes ~100 000 rows a second). */
const JOB_POLL_MS = 1500;

/**
 * The export URL of a list: its current filters (paging dropped: an export takes every matching row),
 * the format, and the visible columns in order or an explicit selection of ids.
 */
export function exportUrl(
  list: ExportList,
  params: Record<string, ParamValue>,
  format: ExportFileFormat,
  columns?: readonly string[],
  ids?: readonly string[],
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === 'page' || key === 'size' || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => query.append(key, v));
    else query.append(key, String(value));
  }
  query.set('format', format.toLowerCase());
  if (columns?.length) query.set('columns', columns.join(','));
  if (ids?.length) query.set('ids', ids.join(','));
  return `/api/v1/${list}/export?${query.toString()}`;
}

function save(blob: Blob, disposition: string | null, fallback: string) {
  const name = /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Follows an export job until it is no longer running; its file is then downloaded. */
async function downloadWhenDone(id: string, fallback: string) {
  for (;;) {
    const job = await unwrap(api.GET('/api/v1/exports/{id}', { params: { path: { id } } }));
    if (job.state === 'FAILED') throw new Error(job.error ?? 'export failed');
    if (job.state === 'SUCCEEDED') break;
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
  }
  const result = await api.GET('/api/v1/exports/{id}/file', { params: { path: { id } }, parseAs: 'blob' });
  const blob = await unwrap(Promise.resolve(result));
  save(blob, result.response.headers.get('Content-Disposition'), fallback);
}

/**
 * Downloads an export URL: the file itself, or, when the service answers 202 (a large export, written in
 * the background), after following its job (`onJobStarted` lets the caller say so meanwhile).
 */
export async function downloadExport(
  url: string,
  language: string,
  fallbackName: string,
  onJobStarted: () => void,
): Promise<'FILE' | 'JOB'> {
  const token = await freshToken();
  const response = await globalThis.fetch(url, {
    headers: { 'Accept-Language': language, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  });
  if (response.status === 202) {
    onJobStarted();
    const id = (response.headers.get('Location') ?? '').split('/').pop() ?? '';
    await downloadWhenDone(id, fallbackName);
    return 'JOB';
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  save(await response.blob(), response.headers.get('Content-Disposition'), fallbackName);
  return 'FILE';
}

/**
 * Exports a list as it is filtered (CSV or Excel), in the reader's language. A large export is written by
 * the service in the background: the button says so, follows the job and downloads the file when ready.
 */
export function ExportButton({
  list,
  params,
  columns,
  ids,
}: {
  list: ExportList;
  params: Record<string, ParamValue>;
  columns?: readonly string[];
  ids?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const phone = usePhone();
  const [busy, setBusy] = useState(false);

  const handleExport = async (format: ExportFileFormat) => {
    setBusy(true);
    try {
      const result = await downloadExport(
        exportUrl(list, params, format, columns, ids),
        i18n.language,
        `${list}.${format.toLowerCase()}`,
        () => message.info(t('export.started')),
      );
      if (result === 'JOB') message.success(t('export.ready'));
    } catch {
      message.error(t('export.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'CSV', label: <span data-testid={`${list}-export-csv`}>{t('export.csv')}</span> },
          { key: 'XLSX', label: <span data-testid={`${list}-export-xlsx`}>{t('export.xlsx')}</span> },
        ],
        onClick: ({ key }) => void handleExport(key === 'XLSX' ? 'XLSX' : 'CSV'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} aria-label={t('export.button')} data-testid={`${list}-export`}>
        {phone ? null : t('export.button')}
      </Button>
    </Dropdown>
  );
}
