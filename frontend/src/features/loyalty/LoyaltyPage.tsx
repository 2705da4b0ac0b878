import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Select,
  Row,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Typography,
} from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { LevelTag } from '../../components/ui/ValueBadges';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { showFieldErrors } from '../../lib/forms';
import {
  type LiabilityRow,
  type LoyaltyPolicy,
  type LoyaltyPolicyRequest,
  loyaltyQueries,
  useSaveLoyaltyPolicy,
} from './api';
import { RewardsCatalog } from './RewardsCatalog';

/** Points and rewards: the catalog for everyone, the liability for managers, the policy for admins. */
export function LoyaltyPage() {
  const { t } = useTranslation();
  const session = useSession();
  const managerOrAdmin = hasRole(session, 'MANAGER', 'ADMIN');
  return (
    <div className="gx-page">
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24 }}>
        {t('loyalty.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'rewards', label: t('loyalty.tabs.rewards'), children: <RewardsCatalog canEdit={managerOrAdmin} /> },
          ...(managerOrAdmin
            ? [
                { key: 'liability', label: t('loyalty.tabs.liability'), children: <LiabilityCard /> },
                {
                  key: 'policy',
                  label: t('loyalty.tabs.policy'),
                  children: <PolicyCard canEdit={hasRole(session, 'ADMIN')} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function LiabilityCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const liability = useQuery(loyaltyQueries.liability());
  if (liability.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (liability.isError) return <ErrorState error={liability.error} onRetry={() => liability.refetch()} />;
  const rows = [...liability.data.byLevel, liability.data.total];
  return (
    <Card size="small" title={t('loyalty.liability.title')} data-testid="points-liability">
      <Typography.Paragraph type="secondary">
        {t('loyalty.liability.intro', { value: liability.data.pointValueCny })}
      </Typography.Paragraph>
      <ResponsiveTable<LiabilityRow>
        size="small"
        rowKey="level"
        renderCard={(row) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <LiabilityLevel level={row.level} />
            <Typography.Text>
              {t('loyalty.liability.points')} {row.points.toLocaleString()} · {format.money(row.valueCny)}
            </Typography.Text>
            <Typography.Text>
              {t('loyalty.liability.accounts')} {row.accounts} · {t('loyalty.liability.pending')} {row.pending} ·{' '}
              {t('loyalty.liability.expiringSoon')} {row.expiringSoon} · {t('loyalty.liability.writtenOff')}{' '}
              {row.writtenOff}
            </Typography.Text>
          </Space>
        )}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('loyalty.liability.level'),
            dataIndex: 'level',
            render: (v: LiabilityRow['level']) => <LiabilityLevel level={v} />,
          },
          { title: t('loyalty.liability.accounts'), dataIndex: 'accounts', align: 'right' },
          {
            title: t('loyalty.liability.points'),
            dataIndex: 'points',
            align: 'right',
            render: (v: number) => v.toLocaleString(),
          },
          {
            title: t('loyalty.liability.value'),
            dataIndex: 'valueCny',
            align: 'right',
            render: (v: number) => format.money(v),
          },
          { title: t('loyalty.liability.pending'), dataIndex: 'pending', align: 'right' },
          { title: t('loyalty.liability.expiringSoon'), dataIndex: 'expiringSoon', align: 'right' },
          { title: t('loyalty.liability.writtenOff'), dataIndex: 'writtenOff', align: 'right' },
        ]}
      />
    </Card>
  );
}

function LiabilityLevel({ level }: { level: LiabilityRow['level'] }) {
  const { t } = useTranslation();
  if (level === 'ALL') return <strong>{t('loyalty.liability.total')}</strong>;
  if (level === 'NONE') return <>{t('loyalty.liability.noLevel')}</>;
  return <LevelTag level={level} />;
}

const POLICY_FIELDS = [
  'pointsPerCny',
  'silverMultiplier',
  'goldMultiplier',
  'platinumMultiplier',
  'pendingDays',
  'expiryMode',
  'expiryMonths',
  'referralBonus',
  'referralMinPurchase',
  'refundShortfall',
  'membersOnly',
  'pointValueCny',
  'expiringSoonDays',
] as const;

function toRequest(p: LoyaltyPolicy): LoyaltyPolicyRequest {
  return {
    pointsPerCny: p.pointsPerCny,
    silverMultiplier: p.silverMultiplier,
    goldMultiplier: p.goldMultiplier,
    platinumMultiplier: p.platinumMultiplier,
    pendingDays: p.pendingDays,
    expiryMode: p.expiryMode,
    expiryMonths: p.expiryMonths,
    referralBonus: p.referralBonus,
    referralMinPurchase: p.referralMinPurchase,
    refundShortfall: p.refundShortfall,
    membersOnly: p.membersOnly,
    pointValueCny: p.pointValueCny,
    expiringSoonDays: p.expiringSoonDays,
  };
}

function PolicyCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LoyaltyPolicyRequest>();
  const policy = useQuery(loyaltyQueries.policy());
  const mode = Form.useWatch('expiryMode', form);
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toRequest(policy.data));
  }, [policy.data, form]);
  const save = useSaveLoyaltyPolicy({
    onSuccess: (saved) => {
      message.success(t('loyalty.policy.saved', { version: saved.version }));
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, [...POLICY_FIELDS])) message.error(describeError(error, t));
    },
  });
  if (policy.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  if (!canEdit) {
    const p = policy.data;
    return (
      <Card size="small" title={t('loyalty.policy.title', { version: p.version })} data-testid="loyalty-policy">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={POLICY_FIELDS.map((f) => ({
            key: f,
            label: t(`loyalty.policy.${f}`),
            children:
              typeof p[f] === 'boolean'
                ? p[f]
                  ? t('common.yes')
                  : t('common.no')
                : f === 'expiryMode' || f === 'refundShortfall'
                  ? t(`loyalty.policy.${f}Values.${p[f]}`)
                  : String(p[f]),
          }))}
        />
      </Card>
    );
  }
  // One field a column on a phone, up to four across on a desktop.
  const cell = (item: ReactNode) => (
    <Col xs={24} sm={12} lg={8} xl={6}>
      {item}
    </Col>
  );
  const number = (name: keyof LoyaltyPolicyRequest, min: number, max: number, step = 1) =>
    cell(
      <Form.Item
        name={name}
        label={t(`loyalty.policy.${name}`)}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} />
      </Form.Item>,
    );
  return (
    <Card size="small" title={t('loyalty.policy.title', { version: policy.data.version })} data-testid="loyalty-policy">
      <Typography.Paragraph type="secondary">{t('loyalty.policy.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate({ version: policy.data?.version, body: values })}
      >
        <Row gutter={16}>
          {number('pointsPerCny', 0.0001, 100, 0.1)}
          {number('silverMultiplier', 0.01, 10, 0.1)}
          {number('goldMultiplier', 0.01, 10, 0.1)}
          {number('platinumMultiplier', 0.01, 10, 0.1)}
          {number('pendingDays', 0, 365)}
          {cell(
            <Form.Item name="expiryMode" label={t('loyalty.policy.expiryMode')} rules={[{ required: true }]}>
              <Select
                options={['MONTHS_AFTER_EARNING', 'END_OF_NEXT_YEAR'].map((v) => ({
                  value: v,
                  label: t(`loyalty.policy.expiryModeValues.${v}`),
                }))}
              />
            </Form.Item>,
          )}
          {mode !== 'END_OF_NEXT_YEAR' && number('expiryMonths', 1, 120)}
          {number('referralBonus', 0, 1000000)}
          {number('referralMinPurchase', 0, 1000000, 10)}
          {cell(
            <Form.Item name="refundShortfall" label={t('loyalty.policy.refundShortfall')} rules={[{ required: true }]}>
              <Select
                options={['WRITE_OFF', 'OFFSET_FUTURE_EARNINGS'].map((v) => ({
                  value: v,
                  label: t(`loyalty.policy.refundShortfallValues.${v}`),
                }))}
              />
            </Form.Item>,
          )}
          {number('pointValueCny', 0, 100, 0.01)}
          {number('expiringSoonDays', 1, 365)}
          {cell(
            <Form.Item name="membersOnly" label={t('loyalty.policy.membersOnly')} valuePropName="checked">
              <Switch />
            </Form.Item>,
          )}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('loyalty.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
