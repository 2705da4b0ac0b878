import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { useFormat } from '../../lib/format';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry, auditQueries, verifyAuditTrail } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_SIZE = 20;

/** The audit trail for admins: who did what to which customer, newest first, and a check of the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(0);
  const [userId, setUserId] = useState<string>();
  const [customer, setCustomer] = useState('');
  const [action, setAction] = useState<AuditAction>();
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [to, setTo] = useState<Dayjs | null>(null);
  const contactId = UUID.test(customer.trim()) ? customer.trim() : undefined;
  const badCustomer = customer.trim() !== '' && !contactId;
  const entries = useQuery(
    auditQueries.list({
      userId,
      contactId,
      action,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
      page,
      size: PAGE_SIZE,
    }),
  );
  const users = useQuery(auditQueries.users());
  const verify = useMutation({ mutationFn: verifyAuditTrail });

  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(0);
    };

  const who = (entry: AuditEntry) => entry.username ?? t('audit.system');
  const record = (entry: AuditEntry) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
      {entry.entityType}
      {entry.entityId ? ` · ${entry.entityId}` : ''}
    </Typography.Text>
  );
  const changes = (entry: AuditEntry) =>
    entry.changes.length === 0 ? null : (
      <ul className="gx-audit-changes" style={{ margin: 0, paddingInlineStart: 16 }}>
        {entry.changes.map((change) => (
          <li key={change.field} style={{ wordBreak: 'break-word' }}>
            {change.field}: {change.before ?? '—'} → {change.after ?? '—'}
          </li>
        ))}
      </ul>
    );
  const origin = (entry: AuditEntry) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
      {entry.clientAddress ?? '—'} · {entry.requestId ?? '—'}
    </Typography.Text>
  );

  return (
    <div className="gx-page">
      <Card
        title={<PageTitle style={{ margin: 0 }}>{t('audit.title')}</PageTitle>}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('audit.intro')}
          </Typography.Paragraph>
          {verify.isError && <Alert type="error" showIcon title={describeError(verify.error, t)} />}
          {verify.data && (
            <Alert
              type={verify.data.ok ? 'success' : 'error'}
              showIcon
              data-testid="audit-verify-result"
              title={
                verify.data.ok
                  ? t('audit.verifyOk', { count: verify.data.checked })
                  : t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq, count: verify.data.checked })
              }
            />
          )}
          <Space wrap size={8} style={{ width: '100%' }}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t('audit.user')}
              placeholder={t('audit.userPlaceholder')}
              style={{ width: 220, maxWidth: '100%' }}
              options={users.data ?? []}
              value={userId}
              onChange={filtered(setUserId)}
              data-testid="audit-user"
            />
            <Input
              allowClear
              aria-label={t('audit.customer')}
              placeholder={t('audit.customer')}
              style={{ width: 300, maxWidth: '100%' }}
              status={badCustomer ? 'error' : undefined}
              value={customer}
              onChange={(event) => filtered(setCustomer)(event.target.value)}
              data-testid="audit-customer"
            />
            <Select
              allowClear
              aria-label={t('audit.action')}
              placeholder={t('audit.anyAction')}
              style={{ width: 180, maxWidth: '100%' }}
              options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
              value={action}
              onChange={filtered(setAction)}
              data-testid="audit-action"
            />
            <DatePicker aria-label={t('audit.dates')} value={from} onChange={filtered(setFrom)} />
            <DatePicker aria-label={t('audit.dates')} value={to} onChange={filtered(setTo)} />
          </Space>
          {badCustomer && <Typography.Text type="danger">{t('audit.badCustomer')}</Typography.Text>}
          {entries.isError ? (
            <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
          ) : (
            <ResponsiveTable<AuditEntry>
              rowKey="seq"
              data-testid="audit-table"
              loading={entries.isFetching}
              dataSource={entries.data?.items ?? []}
              locale={{ emptyText: t('audit.empty') }}
              pagination={{
                current: page + 1,
                pageSize: PAGE_SIZE,
                total: entries.data?.total ?? 0,
                showSizeChanger: false,
                onChange: (p) => setPage(p - 1),
                showTotal: (count) => t('common.total', { count }),
              }}
              renderCard={(entry) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="audit-card">
                  <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`audit.actions.${entry.action}`)}</Tag>
                    <Typography.Text type="secondary">{format.dateTime(entry.at)}</Typography.Text>
                  </Space>
                  <Typography.Text strong>{who(entry)}</Typography.Text>
                  {record(entry)}
                  {changes(entry)}
                  {origin(entry)}
                </Space>
              )}
              columns={[
                {
                  title: t('audit.at'),
                  dataIndex: 'at',
                  render: (value: string) => format.dateTime(value),
                  width: 170,
                },
                { title: t('audit.user'), key: 'user', render: (_: unknown, entry: AuditEntry) => who(entry) },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  render: (value: AuditAction) => <Tag>{t(`audit.actions.${value}`)}</Tag>,
                },
                { title: t('audit.record'), key: 'record', render: (_: unknown, entry: AuditEntry) => record(entry) },
                {
                  title: t('audit.changes'),
                  key: 'changes',
                  render: (_: unknown, entry: AuditEntry) => changes(entry),
                },
                { title: t('audit.origin'), key: 'origin', render: (_: unknown, entry: AuditEntry) => origin(entry) },
              ]}
            />
          )}
        </Space>
      </Card>
    </div>
  );
}
