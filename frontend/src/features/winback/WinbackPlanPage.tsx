import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Statistic,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { describeError } from '../../lib/errors';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import {
  BOARD_STATES,
  OUTCOMES,
  type WinbackAction,
  type WinbackOutcome,
  type WinbackPlan,
  type WinbackTarget,
  winbackQueries,
  useMoveWinbackPlan,
  useRecordWinbackOutcome,
} from './api';
import { PlanDialog } from './PlanDialog';
import './winback.css';

/** One win-back plan: where it is in PDCA, its figures against the goal, its customers and their outcomes, its history. */
export function WinbackPlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = useQuery(winbackQueries.plan(id));
  if (plan.isError)
    return (
      <div className="gx-page">
        <ErrorState error={plan.error} onRetry={() => plan.refetch()} />
      </div>
    );
  if (plan.isPending)
    return (
      <div className="gx-page">
        <Skeleton active />
      </div>
    );
  const p = plan.data;
  return (
    <div className="gx-page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Link to="/winback">← {t('winback.title')}</Link>
          <PageTitle>{p.name}</PageTitle>
          <Space wrap>
            <Tag color={p.state === 'CANCELLED' ? 'default' : 'blue'} data-testid="winback-state">
              {t(`winback.state.${p.state}`)}
            </Tag>
            {p.cycle > 1 && <Tag>{t('winback.cycle', { cycle: p.cycle })}</Tag>}
            {p.previousPlanId && <Link to={`/winback/${p.previousPlanId}`}>{t('winback.previousCycle')}</Link>}
            {p.nextPlanId && <Link to={`/winback/${p.nextPlanId}`}>{t('winback.nextCycle')}</Link>}
          </Space>
        </div>
        {p.state !== 'CANCELLED' && (
          <Steps
            size="small"
            current={BOARD_STATES.indexOf(p.state)}
            items={BOARD_STATES.map((state) => ({
              title: t(`winback.state.${state}`),
              description: t(`winback.stateHint.${state}`),
            }))}
          />
        )}
        <Figures plan={p} />
        <Moves plan={p} />
        <Card
          size="small"
          title={
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('winback.fields.actions')}
            </Typography.Title>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.actions}</Typography.Paragraph>
          {p.script && (
            <>
              <Typography.Text strong>{t('winback.fields.script')}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.script}</Typography.Paragraph>
            </>
          )}
          {p.actedAt && (
            <Descriptions size="small" column={1} title={t('winback.changes')} data-testid="winback-changes">
              {p.policyChange && (
                <Descriptions.Item label={t('winback.fields.policyChange')}>{p.policyChange}</Descriptions.Item>
              )}
              {p.scriptChange && (
                <Descriptions.Item label={t('winback.fields.scriptChange')}>{p.scriptChange}</Descriptions.Item>
              )}
              {p.trainingChange && (
                <Descriptions.Item label={t('winback.fields.trainingChange')}>{p.trainingChange}</Descriptions.Item>
              )}
            </Descriptions>
          )}
        </Card>
        <Targets plan={p} />
        <History planId={p.id} />
      </Space>
    </div>
  );
}

function Figures({ plan }: { plan: WinbackPlan }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { progress } = plan;
  return (
    <Card size="small" data-testid="winback-figures">
      <div className="gx-winback-figures">
        <Statistic title={t('winback.figures.targets')} value={progress.targets} />
        <Statistic
          title={t('winback.figures.wonBack')}
          value={progress.wonBack}
          suffix={`(${progress.wonBackPercent}%)`}
          valueStyle={progress.goalMet ? { color: '#237804' } : undefined}
        />
        <Statistic
          title={t('winback.figures.goal')}
          value={`${plan.goalPercent}%`}
          suffix={t('winback.withinDays', { days: plan.goalDays })}
        />
        <Statistic title={t('winback.fields.checkDate')} value={date(plan.checkDate)} />
      </div>
      <Space wrap style={{ marginTop: 12 }}>
        {plan.startedAt && (
          <Tag color={progress.goalMet ? 'green' : 'gold'} data-testid="winback-goal">
            {progress.goalMet ? t('winback.goalMet') : t('winback.goalNotMet')}
          </Tag>
        )}
        {OUTCOMES.map((outcome) => (
          <Tag key={outcome}>
            {t(`winback.outcome.${outcome}`)} {progress[OUTCOME_FIGURE[outcome]]}
          </Tag>
        ))}
        <Tag>
          {t('winback.noOutcome')} {progress.open}
        </Tag>
        <Typography.Text type="secondary">
          {plan.checkedAt
            ? t('winback.measuredAt', { date: date(plan.checkedAt) })
            : plan.startedAt
              ? t('winback.measuredLive')
              : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}

const OUTCOME_FIGURE = { REACHED: 'reached', BOOKED: 'booked', NO_ANSWER: 'noAnswer', DECLINED: 'declined' } as const;

function Moves({ plan }: { plan: WinbackPlan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [acting, setActing] = useState(false);
  const move = useMoveWinbackPlan();
  const targets = useQuery({ ...winbackQueries.targets(plan.id, 0), enabled: editing });
  if (plan.allowedActions.length === 0) return null;
  const run = (action: WinbackAction) =>
    move.mutate(
      { plan, action },
      {
        onSuccess: () => void message.success(t(`winback.moved.${action}`)),
        onError: (error) => void message.error(describeError(error, t)),
      },
    );
  return (
    <Space wrap data-testid="winback-moves">
      {plan.allowedActions.includes('START') && (
        <Popconfirm title={t('winback.startConfirm', { count: plan.progress.targets })} onConfirm={() => run('START')}>
          <Button type="primary" loading={move.isPending} data-testid="winback-START">
            {t('winback.action.START')}
          </Button>
        </Popconfirm>
      )}
      {plan.allowedActions.includes('CHECK') && (
        <Popconfirm title={t('winback.checkConfirm')} onConfirm={() => run('CHECK')}>
          <Button type="primary" loading={move.isPending} data-testid="winback-CHECK">
            {t('winback.action.CHECK')}
          </Button>
        </Popconfirm>
      )}
      {plan.allowedActions.includes('ACT') && (
        <Button type="primary" onClick={() => setActing(true)} data-testid="winback-ACT">
          {t('winback.action.ACT')}
        </Button>
      )}
      {plan.state === 'PLAN' && (
        <Button onClick={() => setEditing(true)} data-testid="winback-edit">
          {t('winback.edit')}
        </Button>
      )}
      {plan.allowedActions.includes('CANCEL') && (
        <Popconfirm title={t('winback.cancelConfirm')} onConfirm={() => run('CANCEL')}>
          <Button danger>{t('winback.action.CANCEL')}</Button>
        </Popconfirm>
      )}
      {editing && targets.data && (
        <PlanDialog
          plan={plan}
          customers={targets.data.items.map((target) => ({ value: target.contactId, label: target.contactName ?? '' }))}
          onClose={() => setEditing(false)}
        />
      )}
      {acting && <ActDialog plan={plan} onClose={() => setActing(false)} />}
    </Space>
  );
}

type ActValues = {
  policyChange?: string;
  scriptChange?: string;
  trainingChange?: string;
  nextCycle: boolean;
  nextCheckDate?: Dayjs;
};

function ActDialog({ plan, onClose }: { plan: WinbackPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActValues>();
  const nextCycle = Form.useWatch('nextCycle', form);
  const move = useMoveWinbackPlan();
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    move.mutate(
      { plan, action: 'ACT', act: { ...values, nextCheckDate: values.nextCheckDate?.format('YYYY-MM-DD') } },
      {
        onSuccess: () => {
          void message.success(t('winback.moved.ACT'));
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, ['policyChange', 'scriptChange', 'trainingChange', 'nextCheckDate']))
            void message.error(describeError(error, t));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={t('winback.actTitle')}
      okText={t('winback.action.ACT')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      <Typography.Paragraph type="secondary">{t('winback.actHint')}</Typography.Paragraph>
      <Form<ActValues>
        form={form}
        layout="vertical"
        initialValues={{ nextCycle: plan.progress.wonBack < plan.progress.targets }}
      >
        <Form.Item name="scriptChange" label={t('winback.fields.scriptChange')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="policyChange" label={t('winback.fields.policyChange')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="trainingChange" label={t('winback.fields.trainingChange')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="nextCycle" valuePropName="checked">
          <Checkbox>{t('winback.nextCycleOpen', { count: plan.progress.targets - plan.progress.wonBack })}</Checkbox>
        </Form.Item>
        {nextCycle && (
          <Form.Item
            name="nextCheckDate"
            label={t('winback.fields.nextCheckDate')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => !day.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Targets({ plan }: { plan: WinbackPlan }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [page, setPage] = useState(0);
  const targets = useQuery(winbackQueries.targets(plan.id, page));
  const outcome = (target: WinbackTarget) =>
    plan.state === 'DO' ? (
      <OutcomePicker planId={plan.id} target={target} />
    ) : target.outcome ? (
      <Tag>{t(`winback.outcome.${target.outcome}`)}</Tag>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const wonBack = (target: WinbackTarget) =>
    target.wonBackAt ? <Tag color="green">{t('winback.wonBackOn', { date: date(target.wonBackAt) })}</Tag> : null;
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('winback.customers', { count: targets.data?.total ?? 0 })}
        </Typography.Title>
      }
    >
      {targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => targets.refetch()} />
      ) : (
        <ResponsiveTable<WinbackTarget>
          data-testid="winback-targets"
          rowKey="id"
          size="small"
          loading={targets.isPending}
          dataSource={targets.data?.items ?? []}
          pagination={{
            current: page + 1,
            pageSize: 20,
            total: targets.data?.total ?? 0,
            onChange: (next) => setPage(next - 1),
          }}
          columns={[
            {
              title: t('winback.fields.customer'),
              render: (_, target) => <Link to={`/contacts/${target.contactId}`}>{target.contactName}</Link>,
            },
            { title: t('winback.fields.contactOwner'), dataIndex: 'ownerName' },
            { title: t('winback.fields.outcome'), render: (_, target) => outcome(target) },
            { title: t('winback.figures.wonBack'), render: (_, target) => wonBack(target) },
          ]}
          renderCard={(target) => (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Link to={`/contacts/${target.contactId}`} style={{ fontWeight: 600 }}>
                  {target.contactName}
                </Link>
                {wonBack(target)}
              </Space>
              <Typography.Text type="secondary">{target.ownerName}</Typography.Text>
              {outcome(target)}
            </Space>
          )}
        />
      )}
    </Card>
  );
}

function OutcomePicker({ planId, target }: { planId: string; target: WinbackTarget }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordWinbackOutcome();
  return (
    <Select<WinbackOutcome>
      size="small"
      style={{ minWidth: 140 }}
      placeholder={t('winback.recordOutcome')}
      aria-label={t('winback.recordOutcomeFor', { name: target.contactName })}
      value={target.outcome ?? undefined}
      loading={record.isPending}
      data-testid="winback-outcome"
      onChange={(outcome) =>
        record.mutate(
          { planId, target, outcome },
          {
            onSuccess: () => void message.success(t('winback.outcomeSaved')),
            onError: (error) => void message.error(describeError(error, t)),
          },
        )
      }
      options={OUTCOMES.map((value) => ({ value, label: t(`winback.outcome.${value}`) }))}
    />
  );
}

function History({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const events = useQuery(winbackQueries.events(planId));
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('winback.history')}
        </Typography.Title>
      }
    >
      {events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : (
        <Timeline
          data-testid="winback-history"
          items={(events.data ?? []).map((event) => ({
            children: (
              <>
                <Typography.Text strong>{t(`winback.state.${event.toState}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {event.actorName} · {dateTime(event.at)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
