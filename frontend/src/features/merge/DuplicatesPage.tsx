import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Pagination, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { useFormat } from '../../lib/format';
import { type DuplicateGroup, type DuplicateReason, mergeQueries } from './api';

const REASONS: DuplicateReason[] = ['MOBILE', 'EMAIL', 'WECHAT_ID', 'NAME_COMPANY'];
const PAGE_SIZE = 20;

/** Groups of contacts that look like one person, for managers to merge (issue 20 §3). Cards at every width. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reason, setReason] = useState<DuplicateReason | 'ALL'>('ALL');
  const [page, setPage] = useState(0);
  const duplicates = useQuery(
    mergeQueries.duplicates({ reason: reason === 'ALL' ? undefined : reason, page, size: PAGE_SIZE }),
  );

  if (duplicates.error) return <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} />;

  const handleMerge = (group: DuplicateGroup) =>
    void navigate(`/contacts/duplicates/merge?ids=${group.contacts.map((c) => c.id).join(',')}`);

  return (
    <div className="gx-page">
      <Card title={<PageTitle>{t('merge.duplicatesTitle')}</PageTitle>}>
        <Typography.Paragraph type="secondary">{t('merge.duplicatesHint')}</Typography.Paragraph>
        <Segmented
          aria-label={t('merge.reasonFilter')}
          block
          style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
          value={reason}
          options={[
            { value: 'ALL', label: t('merge.reasonAll') },
            ...REASONS.map((value) => ({ value, label: t(`merge.reason.${value}`) })),
          ]}
          onChange={(value) => {
            setReason(value as DuplicateReason | 'ALL');
            setPage(0);
          }}
        />
        {duplicates.isLoading && <Spin />}
        {duplicates.data?.items.length === 0 && <Empty description={t('merge.noDuplicates')} />}
        <Flex vertical gap={12} data-testid="duplicate-groups">
          {duplicates.data?.items.map((group) => (
            <DuplicateGroupCard
              key={`${group.reason}-${group.contacts.map((c) => c.id).join()}`}
              group={group}
              onMerge={() => handleMerge(group)}
            />
          ))}
        </Flex>
        {(duplicates.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            style={{ marginTop: 16 }}
            simple
            current={page + 1}
            pageSize={PAGE_SIZE}
            total={duplicates.data?.total}
            onChange={(next) => setPage(next - 1)}
          />
        )}
      </Card>
    </div>
  );
}

function DuplicateGroupCard({ group, onMerge }: { group: DuplicateGroup; onMerge: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const tooMany = group.contacts.length > 5;
  return (
    <Card
      size="small"
      data-testid="duplicate-group"
      title={<Tag color="orange">{t(`merge.reason.${group.reason}`)}</Tag>}
      extra={
        <Button type="primary" size="small" onClick={onMerge} disabled={tooMany}>
          {t('merge.mergeGroup')}
        </Button>
      }
    >
      <Flex vertical gap={8}>
        {group.contacts.map((contact) => (
          <Flex key={contact.id} vertical>
            <Typography.Text strong>
              {contact.name}
              {contact.company ? ` · ${contact.company}` : ''}
            </Typography.Text>
            <Typography.Text type="secondary">
              {[contact.mobile, contact.email].filter(Boolean).join(' · ') || '—'}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('merge.ownedBy', { owner: contact.ownerName ?? '—', when: format.date(contact.createdAt) })}
            </Typography.Text>
          </Flex>
        ))}
        {tooMany && <Typography.Text type="secondary">{t('merge.tooMany')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
