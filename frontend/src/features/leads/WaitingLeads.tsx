import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../lib/api/schema';
import { hoursSince } from '../../lib/format';

type WaitingLeadSlice = components['schemas']['SliceWaitingLead'];

const LEVEL_COLORS: Record<string, string> = { HIGH_VALUE: 'red', PRIORITY: 'orange', STANDARD: 'default' };

/** Leads nobody has contacted yet, highest score first, with how long each has waited. */
export function WaitingLeads({ slice, testId }: { slice: WaitingLeadSlice; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      data-testid={testId}
      size="small"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('today.noWaitingLeads')} /> }}
      dataSource={slice.first}
      footer={
        slice.total > slice.first.length ? (
          <Link to="/leads">{t('today.allLeads', { count: slice.total })}</Link>
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
            description={t('today.waitingHours', { hours: hoursSince(lead.waitingSince) })}
          />
        </List.Item>
      )}
    />
  );
}
