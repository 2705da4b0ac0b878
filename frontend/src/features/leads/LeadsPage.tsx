import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Empty, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ExportButton } from '../../components/ui/ExportButton';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { usePhone } from '../../components/ui/usePhone';
import { SavedViews } from '../views';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { type Lead, type LeadListParams, leadQueries, leadQuery, useClaimLead } from './api';
import { LeadActions, ReassignDialog } from './LeadActions';
import { ScoreExplanation } from './ScoreExplanation';
import { ScoreHistoryChart } from './ScoreHistoryChart';

const LEVEL_COLORS: Record<Lead['level'], string> = { HIGH_VALUE: 'red', PRIORITY: 'orange', STANDARD: 'default' };

export function LeadsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const phone = usePhone();
  const [search, setSearch] = useSearchParams();
  const [picked, setPicked] = useState<Lead | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkReassign, setBulkReassign] = useState(false);
  // A link (a notification) opens one lead by id: /leads?lead=<id>.
  const linked = search.get('lead');
  const linkedLead = useQuery({ ...leadQuery(linked ?? ''), enabled: !!linked });
  const open = picked ?? (linked ? (linkedLead.data ?? null) : null);
  const setOpen = (lead: Lead | null) => {
    setPicked(lead);
    if (!lead && linked) {
      const next = new URLSearchParams(search);
      next.delete('lead');
      setSearch(next, { replace: true });
    }
  };
  const isManager = hasRole(session, 'MANAGER', 'ADMIN');
  const isRep = hasRole(session, 'SALES_REP');
  const queue = (search.get('queue') ?? 'all') as 'all' | NonNullable<LeadListParams['queue']>;
  const page = Number(search.get('page') ?? 0);
  const params: LeadListParams = { queue: queue === 'all' ? undefined : queue, page, size: 20 };
  const leads = useQuery(leadQueries.list(params));

  const queues = [
    { key: 'all', label: t('leads.queues.all') },
    { key: 'MINE', label: t('leads.queues.MINE') },
    { key: 'UNASSIGNED', label: isManager ? t('leads.queues.UNASSIGNED') : t('leads.queues.myQueue') },
    { key: 'PRIORITY', label: t('leads.queues.PRIORITY') },
  ];

  const columns: TableProps<Lead>['columns'] = [
    {
      title: t('leads.fields.contact'),
      dataIndex: 'contactName',
      render: (name: string | undefined, lead) => (
        <Link to={`/contacts/${lead.contactId}`} onClick={(event) => event.stopPropagation()}>
          {name ?? '—'}
        </Link>
      ),
    },
    {
      title: t('leads.fields.score'),
      dataIndex: 'score',
      width: 170,
      // The row opens the lead on a click; the score is its link, so the keyboard can open it too.
      render: (score: number, lead) => (
        <Link
          to={{ search: withLead(search, lead) }}
          onClick={(event) => {
            event.stopPropagation();
            setPicked(lead);
          }}
          style={{ color: 'inherit' }}
        >
          {lead.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST' ? (
            <Tag data-testid="lead-score">{t('leads.notScoredShort')}</Tag>
          ) : (
            <Space>
              <Typography.Text strong data-testid="lead-score">
                {score.toFixed(1)}
              </Typography.Text>
              <Tag color={LEVEL_COLORS[lead.level]}>{t(`leads.level.${lead.level}`)}</Tag>
            </Space>
          )}
        </Link>
      ),
    },
    { title: t('leads.fields.status'), dataIndex: 'status', render: (status: string) => t(`leads.status.${status}`) },
    {
      title: t('leads.fields.source'),
      dataIndex: 'sourceChannel',
      render: (value: string) => t(`enum.SourceChannel.${value}`),
    },
    { title: t('leads.fields.budget'), dataIndex: 'budget', render: (value?: number) => format.money(value) },
    {
      title: t('leads.fields.owner'),
      dataIndex: 'ownerName',
      render: (value?: string) => value ?? <Tag>{t('leads.unassigned')}</Tag>,
    },
    { title: t('leads.fields.createdAt'), dataIndex: 'createdAt', render: (value: string) => format.date(value) },
  ];

  return (
    <div className="gx-page">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('leads.title')}
          </Typography.Title>
        }
        extra={<ExportButton list="leads" params={params} />}
      >
        {isManager && !phone && selected.length > 0 && (
          <Space style={{ marginBottom: 12 }}>
            <Button type="primary" onClick={() => setBulkReassign(true)} data-testid="bulk-reassign">
              {t('leads.reassignSelected', { count: selected.length })}
            </Button>
            <Button onClick={() => setSelected([])}>{t('common.cancel')}</Button>
          </Space>
        )}
        <SavedViews list="leads" />
        <Tabs
          activeKey={queue}
          items={queues}
          onChange={(key) => setSearch(key === 'all' ? {} : { queue: key }, { replace: true })}
        />
        {leads.isError ? (
          <ErrorState error={leads.error} onRetry={() => leads.refetch()} />
        ) : (
          <ResponsiveTable<Lead>
            rowKey="id"
            data-testid="lead-table"
            renderCard={(lead) => <LeadCard lead={lead} search={search} onOpen={() => setPicked(lead)} />}
            loading={leads.isFetching}
            columns={columns}
            dataSource={leads.data?.items ?? []}
            onRow={(lead) => ({ onClick: () => setOpen(lead), style: { cursor: 'pointer' } })}
            rowSelection={
              isManager && !phone
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (lead) => ({ disabled: lead.status === 'CONVERTED' || lead.status === 'LOST' }),
                  }
                : undefined
            }
            locale={{ emptyText: leads.isPending ? <Skeleton active /> : <Empty description={t('leads.empty')} /> }}
            pagination={{
              current: page + 1,
              pageSize: 20,
              total: leads.data?.total ?? 0,
              showTotal: (count) => t('common.total', { count }),
              onChange: (next) =>
                setSearch({ ...(queue === 'all' ? {} : { queue }), page: String(next - 1) }, { replace: true }),
            }}
          />
        )}
      </Card>
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        size="large"
        title={open ? t('leads.scoreTitle', { name: open.contactName ?? '' }) : ''}
        extra={open && <Link to={`/contacts/${open.contactId}`}>{t('leads.openContact')}</Link>}
      >
        {open && (
          <Space orientation="vertical" size={24} style={{ width: '100%' }}>
            <LeadActions
              key={`${open.id}-${open.version}`}
              lead={open}
              canMove={isManager || open.ownerId === session?.userId}
              canReassign={isManager}
              onChanged={setOpen}
            />
            <LeadScorePanel lead={open} canClaim={isRep && !open.ownerId} onClaimed={setOpen} />
          </Space>
        )}
      </Drawer>
      {bulkReassign && (
        <ReassignDialog
          leadIds={selected}
          onClose={() => setBulkReassign(false)}
          onDone={() => {
            setBulkReassign(false);
            setSelected([]);
          }}
        />
      )}
    </div>
  );
}

/** This list's address with one lead open in the drawer. */
function withLead(search: URLSearchParams, lead: Lead): string {
  const target = new URLSearchParams(search);
  target.set('lead', lead.id);
  return target.toString();
}

/**
 * One lead on a phone: who, how hot, where it stands. The card is a link to this list with the lead
 * open (/leads?lead=<id>), so Back closes the drawer and the keyboard reaches it.
 */
function LeadCard({ lead, search, onOpen }: { lead: Lead; search: URLSearchParams; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Link to={{ search: withLead(search, lead) }} onClick={onOpen} style={{ display: 'block', color: 'inherit' }}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text strong>{lead.contactName ?? '—'}</Typography.Text>
          {lead.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST' ? (
            <Tag data-testid="lead-score">{t('leads.notScoredShort')}</Tag>
          ) : (
            <Space size={4}>
              <Typography.Text strong data-testid="lead-score">
                {lead.score.toFixed(1)}
              </Typography.Text>
              <Tag color={LEVEL_COLORS[lead.level]}>{t(`leads.level.${lead.level}`)}</Tag>
            </Space>
          )}
        </Space>
        <Typography.Text>
          {t(`leads.status.${lead.status}`)} · {t(`enum.SourceChannel.${lead.sourceChannel}`)}
          {lead.budget != null && ` · ${format.money(lead.budget)}`}
        </Typography.Text>
        <Typography.Text>
          {lead.ownerName ?? t('leads.unassigned')} · {format.date(lead.createdAt)}
        </Typography.Text>
      </Space>
    </Link>
  );
}

function LeadScorePanel({
  lead,
  canClaim,
  onClaimed,
}: {
  lead: Lead;
  canClaim: boolean;
  onClaimed: (lead: Lead) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const score = useQuery(leadQueries.score(lead.id));
  const history = useQuery(leadQueries.history(lead.id));
  const claim = useClaimLead({
    onSuccess: (claimed) => {
      message.success(t('leads.claimed'));
      onClaimed(claimed);
    },
    onError: (error) => {
      message.error(describeError(error, t));
    },
  });
  if (score.isPending) return <Skeleton active />;
  if (score.isError) return <ErrorState error={score.error} onRetry={() => score.refetch()} />;
  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      {canClaim && (
        <Button type="primary" data-testid="lead-claim" loading={claim.isPending} onClick={() => claim.mutate(lead.id)}>
          {t('leads.claim')}
        </Button>
      )}
      <ScoreExplanation breakdown={score.data} />
      {lead.assignmentKind && (
        <Typography.Text type="secondary" data-testid="assignment-reason">
          {t('leads.assignedBecause', {
            reason: t(`leads.assignment.${lead.assignmentKind}`, { detail: lead.assignmentReason ?? '' }),
          })}
          {lead.assignmentNote && ` · ${lead.assignmentNote}`}
        </Typography.Text>
      )}
      <div>
        <Typography.Title level={5}>{t('leads.history')}</Typography.Title>
        {history.isError ? (
          <ErrorState error={history.error} onRetry={() => history.refetch()} />
        ) : history.isPending ? (
          <Skeleton active />
        ) : (
          <ScoreHistoryChart
            changes={history.data.items}
            priority={score.data.priorityThreshold}
            highValue={score.data.highValueThreshold}
            until={score.data.scoredAt}
          />
        )}
      </div>
    </Space>
  );
}
