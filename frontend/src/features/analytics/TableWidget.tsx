import { Card, Segmented, Table } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePhone } from '../../components/ui/usePhone';
import type { AnalyticsTable } from './api';
import { formatValue } from './format';
import { codeLabel, rowLabel } from './labels';

const Chart = lazy(() => import('./Chart'));

type Props = {
  table: AnalyticsTable;
  /** Where the rows behind a cell are, or undefined when the cell has none. */
  drillTo: (figure: string, key: string) => string;
  exportButtons: React.ReactNode;
};

/**
 * A breakdown as its chart, with the same numbers as a table: shown on request, and always there for
 * screen readers (the chart is a picture to them). A click on a bar or a cell opens the rows behind it.
 */
export function TableWidget({ table, drillTo, exportButtons }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const phone = usePhone();
  const chartable = table.chart !== 'TABLE' && table.rows.length > 0;
  const [view, setView] = useState<'chart' | 'table'>(chartable ? 'chart' : 'table');
  const title = codeLabel(t, 'table', table.code);
  const rowLabels = table.rows.map((row) => rowLabel(t, table.dimension, row.key, row.label));
  const columnLabels = table.columns.map((column) => codeLabel(t, 'column', column.code));
  const open = (row: number, column: number) => {
    const figure = table.rows[row]?.drills[column];
    const key = table.rows[row]?.key;
    if (figure && key) navigate(drillTo(figure, key));
  };

  const grid = (links: boolean) => (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      scroll={links ? { x: 'max-content' } : undefined}
      dataSource={table.rows.map((row, index) => ({ ...row, name: rowLabels[index] }))}
      locale={{ emptyText: t('analytics.noRows') }}
      columns={[
        { key: 'name', dataIndex: 'name', title: t(`analytics.dimension.${table.dimension}`), fixed: 'left' },
        ...table.columns.map((column, index) => ({
          key: column.code,
          title: columnLabels[index],
          align: 'right' as const,
          // A ranking a manager can sort; an empty value goes last whichever way it is sorted. Not in the hidden copy.
          sorter:
            links && table.rows.length > 1
              ? (a: AnalyticsTable['rows'][number], b: AnalyticsTable['rows'][number], order?: SortOrder) => {
                  const x = a.values[index];
                  const y = b.values[index];
                  if (x === null || x === undefined)
                    return y === null || y === undefined ? 0 : order === 'descend' ? -1 : 1;
                  if (y === null || y === undefined) return order === 'descend' ? 1 : -1;
                  return x - y;
                }
              : undefined,
          showSorterTooltip: false,
          render: (_: unknown, row: AnalyticsTable['rows'][number]) => {
            const text = formatValue(row.values[index], column.unit, i18n.language);
            const figure = row.drills[index];
            return figure && links ? (
              <a
                href={drillTo(figure, row.key)}
                onClick={(event) => (event.preventDefault(), navigate(drillTo(figure, row.key)))}
              >
                {text}
              </a>
            ) : (
              text
            );
          },
        })),
      ]}
    />
  );

  return (
    <Card
      size="small"
      data-testid={`analytics-table-${table.code}`}
      // A ranking (a table without a chart) needs the whole width for its columns.
      style={table.chart === 'TABLE' ? { gridColumn: '1 / -1' } : undefined}
      title={<h2 style={{ fontSize: 15, margin: 0, whiteSpace: 'normal' }}>{title}</h2>}
      extra={exportButtons}
    >
      {chartable && (
        <Segmented
          size="small"
          style={{ marginBottom: 8 }}
          value={view}
          onChange={(value) => setView(value as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('analytics.viewChart') },
            { value: 'table', label: t('analytics.viewTable') },
          ]}
        />
      )}
      {view === 'chart' && chartable ? (
        <>
          <div aria-hidden="true">
            <Suspense fallback={<div style={{ height: phone ? 220 : 280 }} />}>
              <Chart table={table} rowLabels={rowLabels} columnLabels={columnLabels} onPick={open} phone={phone} />
            </Suspense>
          </div>
          <div className="gx-sr-only">{grid(false)}</div>
        </>
      ) : (
        grid(true)
      )}
    </Card>
  );
}
