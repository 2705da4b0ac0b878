import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { type AtRiskCustomer, type ChurnRiskLevel, churnRiskQueries } from './api';
import { LEVEL_COLORS, reasonText } from './reasons';

const LEVELS: ChurnRiskLevel[] = ['HIGH', 'MEDIUM', 'LOW'];
const PAGE_SIZE = 20;

/**
 * The at-risk list (docs/churn-risk.md): a rep's own customers, a manager's whole team, highest score
 * first, each with its top reasons in words. The level and the page live in the address, so a
 * filtered list can be shared and survives a reload.
 */
export function AtRiskPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const levelParam = search.get('level');
  const level = LEVELS.find((l) => l === levelParam);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useQuery(churnRiskQueries.atRisk({ level, page: page - 1, size: PAGE_SIZE }));

  const update = (next: { level?: ChurnRiskLevel; page?: number }) => {
    const params = new URLSearchParams(search);
    if ('level' in next) {
      if (next.level) params.set('level', next.level);
      else params.delete('level');
      params.delete('page');
    }
    if (next.page && next.page > 1) params.set('page', String(next.page));
    else if ('page' in next) params.delete('page');
    setSearch(params, { replace: true });
  };

  const reasons = (customer: AtRiskCustomer) =>
    customer.reasons.length === 0 ? (
      <Typography.Text type="secondary">{t('churnRisk.noReasons')}</Typography.Text>
    ) : (
      <Space direction="vertical" size={0}>
        {customer.reasons.map((reason) => (
          <Typography.Text key={reason.code} style={{ fontSize: 13 }}>
            {reasonText(reason, t)}
          </Typography.Text>
        ))}
      </Space>
    );
  const levelTag = (customer: AtRiskCustomer) => (
    <Tag color={LEVEL_COLORS[customer.level]} data-testid="at-risk-level">
      {t(`churnRisk.level.${customer.level}`)} · {customer.score}
    </Tag>
  );

  return (
    <div className="gx-page">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <PageTitle>{t('churnRisk.title')}</PageTitle>
        <Typography.Text type="secondary">{t('churnRisk.intro')}</Typography.Text>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('churnRisk.levelFilter')}
            placeholder={t('churnRisk.levelFilter')}
            style={{ width: 160 }}
            data-testid="at-risk-filter-level"
            value={level}
            onChange={(value?: ChurnRiskLevel) => update({ level: value })}
            options={LEVELS.map((value) => ({ value, label: t(`churnRisk.level.${value}`) }))}
          />
          <Typography.Text type="secondary">{t('common.total', { count: list.data?.total ?? 0 })}</Typography.Text>
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <ResponsiveTable<AtRiskCustomer>
            data-testid="at-risk-list"
            rowKey="contactId"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('churnRisk.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (next) => update({ page: next }),
            }}
            columns={[
              {
                key: 'customer',
                title: t('churnRisk.customer'),
                render: (_, customer) => <Link to={`/contacts/${customer.contactId}`}>{customer.name}</Link>,
              },
              { key: 'level', title: t('churnRisk.score'), width: 150, render: (_, customer) => levelTag(customer) },
              { key: 'reasons', title: t('churnRisk.reasons'), render: (_, customer) => reasons(customer) },
              {
                key: 'owner',
                title: t('churnRisk.owner'),
                width: 140,
                render: (_, customer) => customer.ownerName ?? '—',
              },
            ]}
            renderCard={(customer) => (
              <Card size="small" styles={{ body: { padding: 12 } }}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={8}>
                    <Link to={`/contacts/${customer.contactId}`}>
                      <Typography.Text strong>{customer.name}</Typography.Text>
                    </Link>
                    {levelTag(customer)}
                  </Space>
                  {reasons(customer)}
                  {customer.ownerName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('churnRisk.owner')}: {customer.ownerName}
                    </Typography.Text>
                  )}
                </Space>
              </Card>
            )}
          />
        )}
      </Space>
    </div>
  );
}
