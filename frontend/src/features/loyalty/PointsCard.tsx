import { GiftOutlined, SlidersOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { LevelTag } from '../../components/ui/ValueBadges';
import { ApiError } from '../../lib/api/client';
import { useFormat } from '../../lib/format';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  loyaltyQueries,
  type MembershipLevel,
  type PointsEntry as Entry,
  type Reward,
  useAdjustPoints,
  useCancelRedemption,
  useRedeem,
} from './api';

const LEVEL_RANK: Record<MembershipLevel, number> = { SILVER: 1, GOLD: 2, PLATINUM: 3 };

type RedeemForm = { rewardId: string; quantity: number };
type AdjustForm = { points: number; reason: string };

/** Problems of points operations in the user's language; anything else as the service said it. */
export function describePointsError(error: unknown, t: (key: string, options?: Record<string, unknown>) => string) {
  if (error instanceof ApiError) {
    const problem = error.problem;
    const kind = problem.type?.replace('urn:guanxi:problem:', '');
    if (kind === 'insufficient-points')
      return t('points.errors.insufficient', { balance: problem.balance, needed: problem.needed });
    if (kind === 'out-of-stock') return t('points.errors.outOfStock', { stock: problem.stock });
    if (kind === 'reward-unavailable') return t('points.errors.unavailable');
    if (kind === 'idempotency-key-in-flight') return t('points.errors.inFlight');
  }
  return describeError(error, t);
}

/**
 * The customer's points on the 360 view: balance, pending, what expires soon, the statement; a
 * redemption dialog for whoever serves the customer and adjustments for managers. Each dialog sends
 * one Idempotency-Key, so a double click or a retry never spends twice.
 */
export function PointsCard({
  contactId,
  canRedeem,
  canAdjust,
}: {
  contactId: string;
  canRedeem: boolean;
  canAdjust: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const [page, setPage] = useState(0);
  const [redeemKey, setRedeemKey] = useState<string | null>(null);
  const [adjustKey, setAdjustKey] = useState<string | null>(null);
  const [redeemForm] = Form.useForm<RedeemForm>();
  const [adjustForm] = Form.useForm<AdjustForm>();
  const account = useQuery(loyaltyQueries.account(contactId));
  const entries = useQuery(loyaltyQueries.entries(contactId, page));
  const rewards = useQuery({ ...loyaltyQueries.availableRewards(), enabled: !!redeemKey });
  const redeem = useRedeem(contactId);
  const adjust = useAdjustPoints(contactId);
  const cancel = useCancelRedemption(contactId);

  const balance = account.data?.balance ?? 0;
  const level = account.data?.level;
  const blocker = (reward: Reward, quantity = 1) => {
    if (reward.levelRequired && (!level || LEVEL_RANK[level] < LEVEL_RANK[reward.levelRequired]))
      return t('points.needsLevel', { level: t(`tiers.level.${reward.levelRequired}`) });
    if (reward.pointsCost * quantity > balance) return t('points.tooFew');
    return null;
  };

  const handleRedeem = async () => {
    const values = await validValues(redeemForm);
    if (!values) return;
    try {
      const done = await redeem.mutateAsync({ ...values, idempotencyKey: redeemKey ?? undefined });
      message.success(t('points.redeemed', { reward: done.rewardName, points: done.points }));
      setRedeemKey(null);
    } catch (error) {
      if (!showFieldErrors(redeemForm, error, ['rewardId', 'quantity'])) message.error(describePointsError(error, t));
    }
  };
  const handleAdjust = async () => {
    const values = await validValues(adjustForm);
    if (!values) return;
    try {
      await adjust.mutateAsync({ ...values, idempotencyKey: adjustKey ?? undefined });
      message.success(t('points.adjusted'));
      setAdjustKey(null);
    } catch (error) {
      if (!showFieldErrors(adjustForm, error, ['points', 'reason'])) message.error(describePointsError(error, t));
    }
  };
  const askCancel = (entry: Entry) => {
    let reason = '';
    modal.confirm({
      title: t('points.cancelTitle', { reward: entry.rewardName }),
      content: (
        <Input
          placeholder={t('points.cancelReason')}
          maxLength={500}
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="cancel-reason"
        />
      ),
      okText: t('points.cancelRedemption'),
      cancelText: t('common.close'),
      onOk: async () => {
        if (!reason.trim()) {
          message.warning(t('points.cancelReasonRequired'));
          throw new Error('reason required');
        }
        try {
          await cancel.mutateAsync({ id: entry.redemptionId ?? '', reason });
          message.success(t('points.cancelled'));
        } catch (error) {
          message.error(describePointsError(error, t));
        }
      },
    });
  };

  const selectedId = Form.useWatch('rewardId', redeemForm);
  const quantity = Form.useWatch('quantity', redeemForm) ?? 1;
  const selected = rewards.data?.items.find((r) => r.id === selectedId);
  const cost = selected ? selected.pointsCost * quantity : 0;

  return (
    <Card
      size="small"
      title={t('points.title')}
      data-testid="points-card"
      extra={
        <Space>
          {canRedeem && (
            <Button
              size="small"
              icon={<GiftOutlined />}
              data-testid="points-redeem"
              onClick={() => {
                redeemForm.resetFields();
                redeemForm.setFieldsValue({ quantity: 1 });
                setRedeemKey(crypto.randomUUID());
              }}
            >
              {t('points.redeem')}
            </Button>
          )}
          {canAdjust && (
            <Button
              size="small"
              icon={<SlidersOutlined />}
              data-testid="points-adjust"
              onClick={() => {
                adjustForm.resetFields();
                setAdjustKey(crypto.randomUUID());
              }}
            >
              {t('points.adjust')}
            </Button>
          )}
        </Space>
      }
    >
      {account.isError ? (
        <Alert type="error" message={describeError(account.error, t)} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space size={32} wrap>
            <Statistic
              title={t('points.balance')}
              value={balance}
              loading={account.isPending}
              valueStyle={{ color: '#874d00' }}
              data-testid="points-balance"
            />
            <Statistic title={t('points.pending')} value={account.data?.pending ?? 0} loading={account.isPending} />
            <Statistic
              title={t('points.expiringSoon', { days: account.data?.expiringSoonDays ?? 30 })}
              value={account.data?.expiringSoon ?? 0}
              loading={account.isPending}
              valueStyle={account.data?.expiringSoon ? { color: '#d4380d' } : undefined}
            />
          </Space>
          {account.data && (
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'level',
                  label: t('points.level'),
                  children: (
                    <Space size={4}>
                      <LevelTag level={account.data.level} />
                      <span>×{account.data.multiplier}</span>
                    </Space>
                  ),
                },
                { key: 'value', label: t('points.value'), children: format.money(account.data.valueCny) },
                { key: 'next', label: t('points.nextExpiry'), children: format.date(account.data.nextExpiryAt) },
                {
                  key: 'lifetime',
                  label: t('points.lifetime'),
                  children: t('points.lifetimeValue', {
                    earned: account.data.lifetimeEarned,
                    redeemed: account.data.lifetimeRedeemed,
                  }),
                },
                ...(account.data.writtenOff > 0 || account.data.debt > 0
                  ? [
                      {
                        key: 'short',
                        label: t('points.shortfall'),
                        children: t('points.shortfallValue', {
                          writtenOff: account.data.writtenOff,
                          debt: account.data.debt,
                        }),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          <Table<Entry>
            size="small"
            rowKey="id"
            dataSource={entries.data?.items ?? []}
            loading={entries.isPending}
            data-testid="points-statement"
            // Not the table's default pale grey placeholder text: that is 1.8:1 on white.
            locale={{ emptyText: <Typography.Text type="secondary">{t('points.noEntries')}</Typography.Text> }}
            pagination={{
              current: page + 1,
              pageSize: 5,
              total: entries.data?.total ?? 0,
              size: 'small',
              onChange: (p) => setPage(p - 1),
              hideOnSinglePage: true,
            }}
            columns={[
              { title: t('points.when'), dataIndex: 'createdAt', render: (v: string) => format.date(v) },
              {
                title: t('points.what'),
                key: 'what',
                render: (_: unknown, e) => (
                  <Space direction="vertical" size={0}>
                    <Space size={4}>
                      <Tag bordered={false} color={e.points > 0 ? 'green' : e.points < 0 ? 'volcano' : 'default'}>
                        {t(`enum.EntryKind.${e.kind}`)}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`points.causes.${e.cause}`, { defaultValue: e.cause })}
                      </Typography.Text>
                    </Space>
                    {e.rewardName && (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {e.rewardName}
                        {e.redemptionState === 'CANCELLED' && e.kind === 'REDEEM'
                          ? ` · ${t('points.wasCancelled')}`
                          : ''}
                      </Typography.Text>
                    )}
                    {e.reason && (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {e.reason}
                        {e.actorName ? ` — ${e.actorName}` : ''}
                      </Typography.Text>
                    )}
                    {e.shortfall > 0 && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {t('points.entryShortfall', { points: e.shortfall })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('points.points'),
                dataIndex: 'points',
                align: 'right',
                render: (v: number) => (
                  // Green and red at AA contrast on white (antd's #389e0d is 3.5:1).
                  <span style={{ color: v > 0 ? '#237804' : v < 0 ? '#cf1322' : undefined }}>
                    {v > 0 ? `+${v}` : v}
                  </span>
                ),
              },
              { title: t('points.balanceAfter'), dataIndex: 'balanceAfter', align: 'right' },
              ...(canRedeem
                ? [
                    {
                      key: 'cancel',
                      render: (_: unknown, e: Entry) =>
                        e.kind === 'REDEEM' &&
                        e.redemptionState === 'COMPLETED' && (
                          <Button size="small" type="link" onClick={() => askCancel(e)}>
                            {t('points.cancelRedemption')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
      <Modal
        open={!!redeemKey}
        title={t('points.redeemTitle')}
        onCancel={() => setRedeemKey(null)}
        onOk={handleRedeem}
        confirmLoading={redeem.isPending}
        okText={t('points.redeem')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        okButtonProps={{ disabled: !selected || !!blocker(selected, quantity) }}
      >
        <Form<RedeemForm> form={redeemForm} layout="vertical" preserve={false} data-testid="redeem-form">
          <Form.Item
            name="rewardId"
            label={t('points.reward')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={rewards.isPending}
              data-testid="redeem-reward"
              options={(rewards.data?.items ?? []).map((r) => {
                const reason = blocker(r);
                return {
                  value: r.id,
                  label: `${r.name} · ${r.pointsCost}${reason ? ` — ${reason}` : ''}`,
                  disabled: !!reason,
                };
              })}
            />
          </Form.Item>
          <Form.Item name="quantity" label={t('points.quantity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {selected && (
            <Alert
              type={blocker(selected, quantity) ? 'warning' : 'info'}
              showIcon
              data-testid="redeem-summary"
              message={blocker(selected, quantity) ?? t('points.redeemSummary', { cost, after: balance - cost })}
              description={selected.stock != null ? t('points.stockLeft', { stock: selected.stock }) : undefined}
            />
          )}
        </Form>
      </Modal>
      <Modal
        open={!!adjustKey}
        title={t('points.adjustTitle')}
        onCancel={() => setAdjustKey(null)}
        onOk={handleAdjust}
        confirmLoading={adjust.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<AdjustForm> form={adjustForm} layout="vertical" preserve={false} data-testid="adjust-form">
          <Form.Item
            name="points"
            label={t('points.adjustPoints')}
            extra={t('points.adjustHint')}
            rules={[
              { required: true, message: t('common.required') },
              { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('points.notZero'))) : Promise.resolve()) },
            ]}
          >
            <InputNumber min={-1000000} max={1000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('points.adjustReason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
