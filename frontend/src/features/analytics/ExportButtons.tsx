import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from './api';

/** CSV and XLSX buttons; a failed download says so instead of failing silently. */
export function ExportButtons({
  download,
  testId,
}: {
  download: (format: ExportFormat) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      await download(format);
    } catch {
      message.error(t('analytics.exportFailed'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={4}>
      {(['CSV', 'XLSX'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          loading={busy === format}
          data-testid={`${testId}-${format.toLowerCase()}`}
          aria-label={t('analytics.exportAs', { format })}
          onClick={() => void run(format)}
        >
          {format}
        </Button>
      ))}
    </Space>
  );
}
