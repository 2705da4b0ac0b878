import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Progress, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { BOARD_STATES, type WinbackPlan, type WinbackState, winbackQueries } from './api';
import { PlanDialog } from './PlanDialog';
import './winback.css';

/** The win-back board (挽回计划): every plan by its PDCA state, with how far it is towards its goal. */
export function WinbackPage() {
  const { t } = useTranslation();
  const session = useSession();
  const phone = usePhone();
  // The churn review links here with ?fromReview=yyyy-MM: a new plan for that month's customers still churned.
  const [search, setSearch] = useSearchParams();
  const fromReview = search.get('fromReview') ?? undefined;
  const [creating, setCreating] = useState(Boolean(fromReview));
  const [phoneState, setPhoneState] = useState<WinbackState>('DO');
  const plans = useQuery(winbackQueries.plans());
  const items = (plans.data?.items ?? []).filter((plan) => plan.state !== 'CANCELLED');
  const states = phone ? [phoneState] : BOARD_STATES;
  return (
    <div className="gx-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <PageTitle>{t('winback.title')}</PageTitle>
        {hasRole(session, 'MANAGER', 'ADMIN') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="winback-new">
            {t('winback.new')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('winback.intro')}</Typography.Paragraph>
      {phone && (
        <Segmented
          block
          aria-label={t('winback.fields.state')}
          value={phoneState}
          onChange={(value) => setPhoneState(value as WinbackState)}
          options={BOARD_STATES.map((state) => ({
            value: state,
            label: `${t(`winback.state.${state}`)} ${items.filter((plan) => plan.state === state).length}`,
          }))}
          style={{ marginBottom: 12 }}
        />
      )}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => plans.refetch()} />
      ) : plans.isPending ? (
        <Skeleton active />
      ) : (
        <div className="gx-winback-board" data-testid="winback-board">
          {states.map((state) => {
            const column = items.filter((plan) => plan.state === state);
            return (
              <section key={state} className="gx-winback-column" aria-label={t(`winback.state.${state}`)}>
                {!phone && (
                  <Typography.Title level={2} style={{ fontSize: 15, marginTop: 0 }}>
                    {t(`winback.state.${state}`)} <Tag>{column.length}</Tag>
                  </Typography.Title>
                )}
                {column.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('winback.noPlans')} />
                ) : (
                  column.map((plan) => <PlanCard key={plan.id} plan={plan} />)
                )}
              </section>
            );
          })}
        </div>
      )}
      {creating && (
        <PlanDialog
          fromReview={fromReview}
          onClose={() => {
            setCreating(false);
            if (fromReview) setSearch({}, { replace: true });
          }}
        />
      )}
    </div>
  );
}

function PlanCard({ plan }: { plan: WinbackPlan }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { progress } = plan;
  return (
    <Card size="small" className="gx-winback-card" data-testid="winback-plan">
      <Link to={`/winback/${plan.id}`} style={{ fontWeight: 600 }}>
        {plan.name}
      </Link>
      {plan.cycle > 1 && <Tag style={{ marginInlineStart: 8 }}>{t('winback.cycle', { cycle: plan.cycle })}</Tag>}
      <div>
        <Typography.Text type="secondary">
          {plan.ownerName} · {t('winback.checkOn', { date: date(plan.checkDate) })}
        </Typography.Text>
      </div>
      <Progress
        percent={Math.min(100, progress.wonBackPercent)}
        success={{ percent: 0 }}
        format={() => `${progress.wonBack}/${progress.targets}`}
        strokeColor={progress.goalMet ? '#389e0d' : undefined}
        aria-label={t('winback.progressLabel', { wonBack: progress.wonBack, targets: progress.targets })}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('winback.goal', { percent: plan.goalPercent, days: plan.goalDays })}
      </Typography.Text>
    </Card>
  );
}
