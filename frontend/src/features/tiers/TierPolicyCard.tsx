import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Skeleton, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { showFieldErrors } from '../../lib/forms';
import { type TierPolicy, type TierPolicyRequest, tierQueries, useSaveTierPolicy } from './api';

const FIELDS = [
  'windowMonths',
  'abcMethod',
  'aCutoffPercent',
  'bCutoffPercent',
  'noRevenueTier',
  'abcdThresholds',
  'frequencyThreshold',
  'orderValueThreshold',
  'goldSpend',
  'goldTenureDays',
  'platinumSpend',
  'platinumTenureDays',
  'expectedLifetimeYears',
];

function toRequest(p: TierPolicy): TierPolicyRequest {
  return {
    windowMonths: p.windowMonths,
    abcMethod: p.abcMethod,
    aCutoffPercent: p.aCutoffPercent,
    bCutoffPercent: p.bCutoffPercent,
    noRevenueTier: p.noRevenueTier,
    abcdThresholds: p.abcdThresholds,
    frequencyThreshold: p.frequencyThreshold,
    orderValueThreshold: p.orderValueThreshold,
    goldSpend: p.goldSpend,
    goldTenureDays: p.goldTenureDays,
    platinumSpend: p.platinumSpend,
    platinumTenureDays: p.platinumTenureDays,
    expectedLifetimeYears: p.expectedLifetimeYears,
  };
}

/** The admin's tiering policy: a new version applies from the next recompute. */
export function TierPolicyCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TierPolicyRequest>();
  const policy = useQuery(tierQueries.policy());
  const thresholds = Form.useWatch('abcdThresholds', form);
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toRequest(policy.data));
  }, [policy.data, form]);
  const save = useSaveTierPolicy({
    onSuccess: (saved) => {
      message.success(t('tiers.policy.saved', { version: saved.version }));
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    },
  });
  if (policy.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (policy.isError)
    return (
      <Card>
        <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
      </Card>
    );
  // One field a column on a phone, up to four across on a desktop.
  const cell = (item: ReactNode) => (
    <Col xs={24} sm={12} lg={8} xl={6}>
      {item}
    </Col>
  );
  const number = (name: keyof TierPolicyRequest, min: number, max?: number, step?: number) =>
    cell(
      <Form.Item
        name={name}
        label={t(`tiers.policy.${name}`)}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} />
      </Form.Item>,
    );
  return (
    <Card size="small" title={t('tiers.policy.title', { version: policy.data.version })} data-testid="tier-policy">
      <Typography.Paragraph type="secondary">{t('tiers.policy.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate({ version: policy.data?.version, body: values })}
      >
        <Row gutter={16}>
          {number('windowMonths', 1, 60)}
          {cell(
            <Form.Item name="abcMethod" label={t('tiers.policy.abcMethod')} rules={[{ required: true }]}>
              <Select
                options={['CUMULATIVE_REVENUE', 'RANK_SHARE'].map((v) => ({
                  value: v,
                  label: t(`tiers.policy.methods.${v}`),
                }))}
              />
            </Form.Item>,
          )}
          {number('aCutoffPercent', 0.01, 99.99)}
          {number('bCutoffPercent', 0.01, 100)}
          {cell(
            <Form.Item name="noRevenueTier" label={t('tiers.policy.noRevenueTier')} rules={[{ required: true }]}>
              <Select options={['C', 'INACTIVE'].map((v) => ({ value: v, label: t(`tiers.abc.${v}.label`) }))} />
            </Form.Item>,
          )}
        </Row>
        <Row gutter={16}>
          {cell(
            <Form.Item name="abcdThresholds" label={t('tiers.policy.abcdThresholds')} rules={[{ required: true }]}>
              <Select
                options={['MEDIAN', 'FIXED'].map((v) => ({ value: v, label: t(`tiers.thresholdSource.${v}`) }))}
              />
            </Form.Item>,
          )}
          {thresholds === 'FIXED' && number('frequencyThreshold', 1)}
          {thresholds === 'FIXED' && number('orderValueThreshold', 0.01)}
        </Row>
        <Row gutter={16}>
          {number('goldSpend', 0.01)}
          {number('goldTenureDays', 0, 3650)}
          {number('platinumSpend', 0.01)}
          {number('platinumTenureDays', 0, 3650)}
          {number('expectedLifetimeYears', 0.1, 50, 0.5)}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tier-policy-save">
          {t('tiers.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
