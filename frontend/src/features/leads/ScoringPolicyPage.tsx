import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
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
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { enumOptions } from '../../lib/enums';
import { useFormat } from '../../lib/format';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  leadQueries,
  type ScorePreview,
  type ScoringPolicy,
  type ScoringPolicyRequest,
  usePreviewScoringPolicy,
  useSaveScoringPolicy,
} from './api';
import './leads.css';

const FIELDS = [
  'matchRules',
  'activityWindowDays',
  'pointsPerInteraction',
  'activityCap',
  'matchWeight',
  'activityWeight',
  'priorityThreshold',
  'highValueThreshold',
  'careAfterDays',
  'repsSeeUnassigned',
];
const RULE_FIELDS = ['SOURCE', 'REGION', 'INDUSTRY', 'PRODUCT_INTEREST', 'BUDGET_AT_LEAST'] as const;

function toRequest(policy: ScoringPolicy): ScoringPolicyRequest {
  return {
    matchRules: policy.matchRules,
    activityWindowDays: policy.activityWindowDays,
    pointsPerInteraction: policy.pointsPerInteraction,
    activityCap: policy.activityCap,
    matchWeight: policy.matchWeight,
    activityWeight: policy.activityWeight,
    priorityThreshold: policy.priorityThreshold,
    highValueThreshold: policy.highValueThreshold,
    careAfterDays: policy.careAfterDays,
    repsSeeUnassigned: policy.repsSeeUnassigned,
  };
}

/** The admin's scoring policy editor: change rules, weights and thresholds, preview the effect, then save a new version. */
export function ScoringPolicyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ScoringPolicyRequest>();
  const [preview, setPreview] = useState<ScorePreview | null>(null);
  const policy = useQuery(leadQueries.policy());

  useEffect(() => {
    if (policy.data) form.setFieldsValue(toRequest(policy.data));
  }, [policy.data, form]);

  const runPreview = usePreviewScoringPolicy({
    onSuccess: setPreview,
    onError: (error) => {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    },
  });
  const save = useSaveScoringPolicy({
    onSuccess: (saved) => {
      message.success(t('policy.saved', { version: saved.version, count: saved.rescoredLeads ?? 0 }));
      setPreview(null);
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    },
  });

  const handlePreview = async () => {
    const body = await validValues(form);
    if (body) runPreview.mutate(body);
  };
  const handleSave = async () => {
    const body = await validValues(form);
    if (!body) return;
    let effect: ScorePreview;
    try {
      effect = await runPreview.mutateAsync(body);
    } catch {
      return; // the preview's onError has shown what the service refused
    }
    modal.confirm({
      title: t('policy.confirmTitle'),
      content: <PreviewSummary preview={effect} />,
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: () => save.mutateAsync({ version: policy.data?.version, body }),
    });
  };

  if (policy.isPending)
    return (
      <div className="gx-page">
        <Card>
          <Skeleton active />
        </Card>
      </div>
    );
  if (policy.isError)
    return (
      <div className="gx-page">
        <Card>
          <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
        </Card>
      </div>
    );

  return (
    <div className="gx-page">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('policy.title')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph strong data-testid="policy-version">
          {t('policy.version', { version: policy.data.version, date: format.dateTime(policy.data.createdAt) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onValuesChange={() => setPreview(null)} data-testid="policy-form">
          <Typography.Title level={5}>{t('policy.matchRules')}</Typography.Title>
          <Form.List name="matchRules">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <div key={field.key} className="gx-policy-rule" data-testid="policy-rule">
                    <Form.Item
                      name={[field.name, 'field']}
                      rules={[{ required: true, message: t('common.required') }]}
                      className="gx-policy-rule-field"
                    >
                      <Select
                        aria-label={t('policy.ruleField', { n: index + 1 })}
                        options={RULE_FIELDS.map((value) => ({ value, label: t(`policy.field.${value}`) }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => (
                        <RuleValueInput
                          name={field.name}
                          label={t('policy.ruleValue', { n: index + 1 })}
                          ruleField={form.getFieldValue(['matchRules', field.name, 'field'])}
                        />
                      )}
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'points']}
                      rules={[{ required: true, message: t('common.required') }]}
                      className="gx-policy-rule-points"
                    >
                      <InputNumber
                        min={0}
                        max={100}
                        aria-label={t('policy.rulePoints', { n: index + 1 })}
                        addonAfter={t('policy.points')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Button
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('policy.removeRule', { n: index + 1 })}
                    />
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ field: 'INDUSTRY', value: '', points: 10 })}
                  data-testid="policy-add-rule"
                >
                  {t('policy.addRule')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('policy.activity')}
          </Typography.Title>
          <Space wrap size={16}>
            <Form.Item name="activityWindowDays" label={t('policy.activityWindowDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item
              name="pointsPerInteraction"
              label={t('policy.pointsPerInteraction')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="activityCap" label={t('policy.activityCap')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('policy.weightsAndThresholds')}</Typography.Title>
          <Space wrap size={16}>
            <Form.Item name="matchWeight" label={t('policy.matchWeight')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1} step={0.05} data-testid="policy-match-weight" />
            </Form.Item>
            <Form.Item name="activityWeight" label={t('policy.activityWeight')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1} step={0.05} data-testid="policy-activity-weight" />
            </Form.Item>
            <Form.Item name="priorityThreshold" label={t('policy.priorityThreshold')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} data-testid="policy-priority" />
            </Form.Item>
            <Form.Item name="highValueThreshold" label={t('policy.highValueThreshold')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="careAfterDays" label={t('policy.careAfterDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item name="repsSeeUnassigned" label={t('policy.repsSeeUnassigned')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          {preview && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="policy-preview"
              message={t('policy.previewTitle')}
              description={<PreviewSummary preview={preview} />}
            />
          )}
          <Space wrap>
            <Button
              onClick={handlePreview}
              loading={runPreview.isPending && !save.isPending}
              data-testid="policy-preview-button"
            >
              {t('policy.preview')}
            </Button>
            <Button type="primary" onClick={handleSave} loading={save.isPending} data-testid="policy-save">
              {t('policy.save')}
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue(toRequest(policy.data));
                setPreview(null);
              }}
            >
              {t('policy.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

function RuleValueInput({ name, label, ruleField }: { name: number; label: string; ruleField?: string }) {
  const { t } = useTranslation();
  const rules = [{ required: true, message: t('common.required') }];
  if (ruleField === 'SOURCE') {
    return (
      <Form.Item name={[name, 'value']} rules={rules} className="gx-policy-rule-value">
        <Select aria-label={label} options={enumOptions(t, 'SourceChannel')} />
      </Form.Item>
    );
  }
  if (ruleField === 'REGION') {
    return (
      <Form.Item name={[name, 'value']} rules={rules} className="gx-policy-rule-value">
        <Select aria-label={label} options={enumOptions(t, 'Region')} />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={[name, 'value']} rules={rules} className="gx-policy-rule-value">
      <Input
        aria-label={label}
        inputMode={ruleField === 'BUDGET_AT_LEAST' ? 'numeric' : undefined}
        placeholder={ruleField === 'BUDGET_AT_LEAST' ? '100000' : t('policy.valuePlaceholder')}
      />
    </Form.Item>
  );
}

function PreviewSummary({ preview }: { preview: ScorePreview }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical">
      <Typography.Text strong data-testid="policy-preview-headline">
        {t('policy.previewHeadline', { count: preview.enteringPriority, threshold: preview.priorityThreshold })}
      </Typography.Text>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'changed',
            label: t('policy.previewChanged'),
            children: `${preview.scoresChanged} / ${preview.openLeads}`,
          },
          {
            key: 'priority',
            label: t('policy.previewPriority', { threshold: preview.priorityThreshold }),
            children: t('policy.previewMove', {
              now: preview.priorityNow,
              after: preview.priorityAfter,
              up: preview.enteringPriority,
              down: preview.leavingPriority,
            }),
          },
          {
            key: 'high',
            label: t('policy.previewHighValue', { threshold: preview.highValueThreshold }),
            children: t('policy.previewMove', {
              now: preview.highValueNow,
              after: preview.highValueAfter,
              up: preview.enteringHighValue,
              down: preview.leavingHighValue,
            }),
          },
        ]}
      />
    </Space>
  );
}
