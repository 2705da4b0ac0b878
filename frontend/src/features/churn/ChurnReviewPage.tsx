import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { ApiError } from '../../lib/api/client';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { type ChurnRecord, type ChurnReview, churnQueries, useCloseChurnReview } from './api';
import { CauseTag } from './CauseTag';
import { InvestigationDialog } from './InvestigationDialog';

/**
 * The monthly churn review (每月初统计上月流失明细): last month's churned customers with cause and analysis, counts by
 * cause, rep and tier, the churn rate; a manager closes it once every entry has a cause and an analysis. A rep sees
 * the entries of their own customers and investigates them.
 */
export function ChurnReviewPage() {
  const { t } = useTranslation();
  const reviews = useQuery(churnQueries.reviews());
  const [chosen, setChosen] = useState<string>();
  const month = chosen ?? reviews.data?.items[0]?.month;
  return (
    <div className="gx-page">
      <PageTitle>{t('churn.review.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('churn.review.intro')}</Typography.Paragraph>
      {reviews.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => reviews.refetch()} />
      ) : !month ? (
        <Card>
          <Empty description={t('churn.review.none')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Select
            aria-label={t('churn.review.month')}
            data-testid="churn-month"
            value={month}
            onChange={setChosen}
            style={{ minWidth: 200 }}
            options={reviews.data.items.map((r) => ({
              value: r.month,
              label: `${r.month} · ${t(`churn.review.state.${r.state}`)}`,
            }))}
          />
          <ReviewView month={month} />
        </Space>
      )}
    </div>
  );
}

function ReviewView({ month }: { month: string }) {
  const { t } = useTranslation();
  const review = useQuery(churnQueries.review(month));
  const [editing, setEditing] = useState<ChurnRecord>();
  if (review.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (review.isError) return <ErrorState error={review.error} onRetry={() => review.refetch()} />;
  const r = review.data;
  return (
    <>
      <SummaryCard review={r} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <CountCard
            title={t('churn.review.byCause')}
            testId="churn-by-cause"
            rows={r.byCause.map((c) => ({
              key: c.cause ?? 'UNKNOWN',
              label: <CauseTag cause={c.cause} normal={c.normal} />,
              count: c.count,
            }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <CountCard
            title={t('churn.review.byRep')}
            testId="churn-by-rep"
            rows={r.byRep.map((c) => ({ key: c.ownerId, label: c.ownerName ?? '—', count: c.count }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <CountCard
            title={t('churn.review.byTier')}
            testId="churn-by-tier"
            rows={r.byTier.map((c) => ({
              key: c.tier ?? 'NONE',
              label: c.tier ? t('churn.review.tier', { tier: c.tier }) : t('churn.review.noTier'),
              count: c.count,
            }))}
          />
        </Col>
      </Row>
      <EntriesCard review={r} onEdit={setEditing} />
      <InvestigationDialog record={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}

function SummaryCard({ review }: { review: ChurnReview }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const close = useCloseChurnReview({
    onSuccess: () => message.success(t('churn.review.closed')),
    onError: (error) =>
      message.error(
        error instanceof ApiError && error.status === 409 ? t('churn.review.cannotClose') : describeError(error, t),
      ),
  });
  const percent = (value?: number | null) =>
    value === undefined || value === null
      ? '—'
      : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const open = review.state === 'OPEN';
  return (
    <Card
      size="small"
      data-testid="churn-summary"
      title={
        <Space wrap>
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('churn.review.of', { month: review.month })}
          </Typography.Title>
          <Tag color={open ? 'orange' : 'green'} data-testid="churn-review-state">
            {t(`churn.review.state.${review.state}`)}
          </Tag>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('churn.review.churned')} value={review.churned} />
        </Col>
        {review.customersAtStart !== null && review.customersAtStart !== undefined && (
          <>
            <Col xs={12} md={4}>
              <Statistic title={t('churn.review.customersAtStart')} value={review.customersAtStart} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('churn.review.rate')} value={percent(review.churnRate)} data-testid="churn-rate" />
            </Col>
          </>
        )}
        <Col xs={12} md={4}>
          <Statistic title={t('churn.normal')} value={review.normal} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('churn.abnormal')} value={review.abnormal} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('churn.causeUnknown')} value={review.unknown} />
        </Col>
      </Row>
      {review.churned > 0 && hasRole(session, 'MANAGER', 'ADMIN') && (
        <Link to={`/winback?fromReview=${review.month}`} data-testid="churn-winback">
          {t('churn.review.startWinback')}
        </Link>
      )}
      {open ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
          {review.incomplete > 0 && (
            <Alert type="warning" showIcon title={t('churn.review.incomplete', { count: review.incomplete })} />
          )}
          {hasRole(session, 'MANAGER', 'ADMIN') && (
            <Button
              type="primary"
              data-testid="churn-close"
              disabled={review.incomplete > 0}
              loading={close.isPending}
              onClick={() => close.mutate(review)}
            >
              {t('churn.review.close')}
            </Button>
          )}
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t('churn.review.closedBy', {
            name: review.closedByName ?? '—',
            at: format.dateTime(review.closedAt ?? undefined),
          })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

type CountRow = { key: string; label: ReactNode; count: number };

function CountCard({ title, rows, testId }: { title: string; rows: CountRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('churn.review.noEntries')}</Typography.Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row) => (
            <li key={row.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '4px 0' }}>
              <span>{row.label}</span>
              <Typography.Text strong>{row.count}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function EntriesCard({ review, onEdit }: { review: ChurnReview; onEdit: (record: ChurnRecord) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const editable = review.state === 'OPEN';
  const editButton = (record: ChurnRecord) =>
    editable && (
      <Button size="small" onClick={() => onEdit(record)} data-testid="churn-investigate">
        {record.cause && record.analysis ? t('common.edit') : t('churn.investigation.record')}
      </Button>
    );
  return (
    <Card size="small" title={t('churn.review.entries')}>
      <ResponsiveTable<ChurnRecord>
        data-testid="churn-entries"
        rowKey="id"
        dataSource={review.entries}
        pagination={false}
        locale={{ emptyText: t('churn.review.noEntries') }}
        columns={[
          {
            title: t('churn.fields.customer'),
            key: 'customer',
            render: (_, record) => <Link to={`/contacts/${record.contactId}`}>{record.contactName}</Link>,
          },
          { title: t('churn.fields.churnedAt'), key: 'at', render: (_, record) => format.date(record.churnedAt) },
          {
            title: t('churn.fields.method'),
            key: 'method',
            render: (_, record) => t(`churn.method.${record.method}`),
          },
          { title: t('churn.fields.owner'), key: 'owner', render: (_, record) => record.ownerName ?? '—' },
          { title: t('churn.fields.tier'), key: 'tier', render: (_, record) => record.abcTier ?? '—' },
          {
            title: t('churn.fields.cause'),
            key: 'cause',
            render: (_, record) => <CauseTag cause={record.cause} normal={record.normal} />,
          },
          {
            title: t('churn.fields.analysis'),
            key: 'analysis',
            render: (_, record) => record.analysis ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          { title: '', key: 'edit', render: (_, record) => editButton(record) },
        ]}
        renderCard={(record) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Link to={`/contacts/${record.contactId}`}>{record.contactName}</Link>
              <CauseTag cause={record.cause} normal={record.normal} />
            </Space>
            <Typography.Text type="secondary">
              {[
                format.date(record.churnedAt),
                t(`churn.method.${record.method}`),
                record.ownerName,
                record.abcTier && t('churn.review.tier', { tier: record.abcTier }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Typography.Text>{record.analysis ?? t('churn.review.noAnalysis')}</Typography.Text>
            {editButton(record)}
          </Space>
        )}
      />
    </Card>
  );
}
