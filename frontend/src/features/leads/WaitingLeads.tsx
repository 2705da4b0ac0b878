import { useQuery } from '@tanstack/react-query';
import { Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { leadQueries } from './api';

const LEVEL_COLORS: Record<string, string> = { HIGH_VALUE: 'red', PRIORITY: 'orange', STANDARD: 'default' };

/** Hours since a time, for "waiting 5 h" (a lead's first contact is due within 24 h). */
function hoursSince(iso?: string): number | undefined {
  return iso ? Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 3_600_000)) : undefined;
}

/**
 * Leads nobody has contacted yet, highest score first: a rep's own new leads (queue=MINE), or for a
 * manager the unassigned ones (queue=UNASSIGNED), with how long each has waited.
 */
export function WaitingLeads({ queue }: { queue: 'MINE' | 'UNASSIGNED' }) {
  const { t } = useTranslation();
  const leads = useQuery(leadQueries.list({ queue, status: 'NEW', size: 5, sort: 'score,desc' }));
  if (leads.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (leads.isError) return <ErrorState error={leads.error} onRetry={() => leads.refetch()} />;
  return (
    <List
      data-testid={`waiting-leads-${queue.toLowerCase()}`}
      size="small"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.noWaitingLeads')} /> }}
      dataSource={leads.data.items}
      footer={
        leads.data.total > leads.data.items.length ? (
          <Link to="/leads">{t('today.allLeads', { count: leads.data.total })}</Link>
        ) : undefined
      }
      renderItem={(lead) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <Tag color={LEVEL_COLORS[lead.level]}>{t(`leads.level.${lead.level}`)}</Tag>
                <Link to={`/contacts/${lead.contactId}`}>{lead.contactName ?? t('today.unnamed')}</Link>
                <Typography.Text type="secondary">{lead.score.toFixed(1)}</Typography.Text>
              </Space>
            }
            description={t('today.waitingHours', { hours: hoursSince(lead.assignedAt ?? lead.createdAt) })}
          />
        </List.Item>
      )}
    />
  );
}
