import { Empty, Pagination, Spin, Table, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { usePhone } from './usePhone';

type ResponsiveTableProps<T> = TableProps<T> & {
  /** What one row shows as a card on a phone: the few facts a rep needs, then a tap to open it. */
  renderCard: (record: T) => ReactNode;
  'data-testid'?: string;
};

/**
 * A table on a desktop, a list of cards on a phone: a table at 390 px either scrolls sideways or wraps
 * one character per line. The cards keep the table's data, loading state, empty text and pagination,
 * and the same data-testid (with "-cards" appended) so tests can find either form. Paging on a phone
 * calls `pagination.onChange`: a page that pages in the table's onChange must give one too.
 */
export function ResponsiveTable<T extends object>({ renderCard, ...table }: ResponsiveTableProps<T>) {
  const phone = usePhone();
  if (!phone) return <Table<T> {...table} />;

  const rows = (table.dataSource ?? []) as readonly T[];
  const keyOf = (record: T, index: number): Key => {
    const rowKey = table.rowKey;
    if (typeof rowKey === 'function') return rowKey(record, index) ?? index;
    if (typeof rowKey === 'string') return (record as Record<string, Key | undefined>)[rowKey] ?? index;
    return (record as { key?: Key }).key ?? index;
  };
  const pagination = table.pagination;
  const loading = typeof table.loading === 'object' ? table.loading.spinning : table.loading;
  const emptyText = table.locale?.emptyText;
  const empty = typeof emptyText === 'function' ? emptyText() : emptyText;
  return (
    <Spin spinning={Boolean(loading)}>
      <div className="gx-cards" data-testid={table['data-testid'] ? `${table['data-testid']}-cards` : undefined}>
        {rows.length === 0 && !loading
          ? (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)
          : rows.map((record, index) => (
              <div className="gx-cards-item" key={keyOf(record, index)} data-testid="list-card">
                {renderCard(record)}
              </div>
            ))}
        {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 20) && (
          <Pagination
            simple
            align="center"
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            // A table pages through its onChange (with the sorter); cards page through pagination.onChange.
            onChange={(page, pageSize) => pagination.onChange?.(page, pageSize)}
          />
        )}
      </div>
    </Spin>
  );
}
