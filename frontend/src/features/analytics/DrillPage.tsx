import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { useFormat } from '../../lib/format';
import { analyticsQueries, downloadDrill, type DrillRow, SECTIONS } from './api';
import { ExportButtons } from './ExportButtons';
import { formatValue } from './format';
import { codeLabel } from './labels';
import { readParams, writeParams } from './params';

const PAGE_SIZE = 20;

/** Where a row behind a figure opens: its customer's 360 view, or its complaint. */
function linkOf(row: DrillRow): string | null {
  if (row.kind === 'COMPLAINT') return `/complaints/${row.id}`;
  if (row.kind === 'LEAD') return `/leads?lead=${row.id}`;
  return row.contactId ? `/contacts/${row.contactId}` : null;
}

/**
 * The rows behind a number on the dashboard, as many as the number says, with the same period and
 * filters; a link to each record, and the whole list as CSV or XLSX.
 */
export function DrillPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { section: sectionParam, figure = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const section = SECTIONS.find((s) => s === sectionParam);
  const params = readParams(search);
  const key = search.get('key') ?? undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const rows = useQuery({
    ...analyticsQueries.drill(section ?? 'FUNNEL', figure, key, params, page - 1),
    enabled: Boolean(section),
  });

  if (!section) return <Navigate to="/analytics" replace />;

  const back = `/analytics/${section}?${writeParams(params)}`;
  const title = codeLabel(t, 'card', figure);
  const setPage = (next: number) => {
    const copy = new URLSearchParams(search);
    if (next > 1) copy.set('page', String(next));
    else copy.delete('page');
    setSearch(copy, { replace: true });
  };
  const name = (row: DrillRow) => {
    const to = linkOf(row);
    return to ? <Link to={to}>{row.title}</Link> : row.title;
  };
  const note = (row: DrillRow) => (row.note ? t(`analytics.note.${row.note}`, { defaultValue: row.note }) : '');

  return (
    <div className="gx-page">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Link to={back} data-testid="analytics-drill-back">
          <ArrowLeftOutlined aria-hidden /> {t('analytics.back')}
        </Link>
        <PageTitle data-testid="analytics-drill-title">{title}</PageTitle>
        <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" data-testid="analytics-drill-total">
            {t('common.total', { count: rows.data?.total ?? 0 })}
            {key ? ` · ${key.length === 36 ? (rows.data?.items[0]?.ownerName ?? '') : key}` : ''}
          </Typography.Text>
          <ExportButtons
            testId="analytics-drill-export"
            download={(format) => downloadDrill(section, figure, key, params, format, i18n.language)}
          />
        </Space>
        {rows.isError ? (
          <ErrorState error={rows.error} onRetry={() => rows.refetch()} />
        ) : (
          <ResponsiveTable<DrillRow>
            data-testid="analytics-drill-list"
            rowKey={(row) => `${row.kind}-${row.id}-${row.at ?? ''}`}
            loading={rows.isPending}
            dataSource={rows.data?.items ?? []}
            locale={{ emptyText: t('analytics.noRows') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: rows.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              { key: 'title', title: t('analytics.export.title'), render: (_, row) => name(row) },
              { key: 'kind', title: t('analytics.export.kind'), render: (_, row) => t(`analytics.kind.${row.kind}`) },
              { key: 'owner', title: t('analytics.export.owner'), render: (_, row) => row.ownerName ?? '—' },
              { key: 'at', title: t('analytics.export.at'), render: (_, row) => format.dateTime(row.at ?? undefined) },
              {
                key: 'amount',
                title: t('analytics.export.amount'),
                align: 'right',
                render: (_, row) =>
                  row.amount === null || row.amount === undefined
                    ? ''
                    : formatValue(row.amount, row.kind === 'POINTS_ENTRY' ? 'POINTS' : 'MONEY', i18n.language),
              },
              { key: 'note', title: t('analytics.export.note'), render: (_, row) => note(row) },
            ]}
            renderCard={(row) => (
              <Card size="small" styles={{ body: { padding: 12 } }}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text strong>{name(row)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[
                      t(`analytics.kind.${row.kind}`),
                      row.ownerName,
                      row.at ? format.dateTime(row.at) : null,
                      note(row),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Space>
              </Card>
            )}
          />
        )}
      </Space>
    </div>
  );
}
