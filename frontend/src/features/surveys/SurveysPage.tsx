import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { type NpsFigure, type SurveyPolicy, type SurveyPolicyRequest, surveyQueries, useSaveSurveyPolicy } from './api';
import './survey.css';

const POLICY_FIELDS = [
  'expiryDays',
  'minDaysBetween',
  'triggers',
  'periodicMonths',
  'complaintTemplate',
  'purchaseTemplate',
] as const;

/** Surveys and NPS (004 客户满意度和净推荐值调查): NPS over time, by tier and by rep, the recent answers, the policy. */
export function SurveysPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="gx-page">
      <PageTitle>{t('surveys.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('surveys.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <NpsCards />
        <AnswersCard />
        {hasRole(session, 'MANAGER', 'ADMIN') && <PolicyCard canEdit={hasRole(session, 'ADMIN')} />}
      </Space>
    </div>
  );
}

function npsText(value: number | null | undefined): string {
  return value === undefined || value === null ? '—' : value.toFixed(1);
}

function NpsCards() {
  const { t } = useTranslation();
  const nps = useQuery(surveyQueries.nps({}));
  if (nps.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (nps.isError) return <ErrorState error={nps.error} onRetry={() => nps.refetch()} />;
  const { overall, byMonth, byTier, byOwner } = nps.data;
  const heading = (key: string) => (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {t(key)}
    </Typography.Title>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card size="small" title={heading('surveys.nps.overall')} data-testid="nps-overall">
          <Statistic
            title={t('surveys.nps.range', { from: nps.data.from, to: nps.data.to })}
            value={npsText(overall.nps)}
          />
          <Typography.Text type="secondary">
            {t('surveys.nps.split', {
              promoters: overall.promoters,
              passives: overall.passives,
              detractors: overall.detractors,
            })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card size="small" title={heading('surveys.nps.overTime')} data-testid="nps-months">
          <NpsBars figures={byMonth} label={(f) => f.key} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={heading('surveys.nps.byTier')} data-testid="nps-tiers">
          <NpsBars figures={byTier} label={(f) => t(`surveys.tier.${f.key}`, { defaultValue: f.key })} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={heading('surveys.nps.byRep')} data-testid="nps-reps">
          <NpsBars figures={byOwner} label={(f) => f.label ?? t('common.none')} />
        </Card>
      </Col>
    </Row>
  );
}

/** One bar per group, growing right of the middle for a positive NPS and left for a negative one. */
function NpsBars({ figures, label }: { figures: NpsFigure[]; label: (figure: NpsFigure) => string }) {
  const { t } = useTranslation();
  if (figures.length === 0) return <Typography.Text type="secondary">{t('surveys.nps.none')}</Typography.Text>;
  return (
    <ul className="gx-nps-bars">
      {figures.map((figure) => {
        const value = figure.nps ?? 0;
        const width = `${Math.min(Math.abs(value), 100) / 2}%`;
        return (
          <li key={figure.key} className="gx-nps-row">
            <span className="gx-nps-label">{label(figure)}</span>
            <span className="gx-nps-track" aria-hidden="true">
              <span
                className={value < 0 ? 'gx-nps-bar gx-nps-bar-neg' : 'gx-nps-bar'}
                style={value < 0 ? { right: '50%', width } : { left: '50%', width }}
              />
            </span>
            <span className="gx-nps-value">
              {npsText(figure.nps)}
              <span className="gx-nps-count"> · {t('surveys.nps.answers', { count: figure.answers })}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function AnswersCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(0);
  const answers = useQuery(surveyQueries.answers(page));
  if (answers.isError) return <ErrorState error={answers.error} onRetry={() => answers.refetch()} />;
  const pagination = {
    current: page + 1,
    pageSize: 10,
    total: answers.data?.total ?? 0,
    onChange: (next: number) => setPage(next - 1),
  };
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('surveys.answers.title')}
        </Typography.Title>
      }
    >
      <ResponsiveTable
        data-testid="survey-answers"
        rowKey="invitationId"
        loading={answers.isPending}
        dataSource={answers.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: t('surveys.answers.none') }}
        columns={[
          {
            title: t('surveys.answers.customer'),
            dataIndex: 'contactName',
            render: (_, a) => <Link to={`/contacts/${a.contactId}`}>{a.contactName}</Link>,
          },
          {
            title: t('surveys.answers.score'),
            dataIndex: 'score',
            render: (_, a) => `${t(`surveys.template.${a.template}`)} ${a.score}`,
          },
          { title: t('surveys.answers.comment'), dataIndex: 'comment', render: (value?: string) => value ?? '—' },
          { title: t('surveys.answers.owner'), dataIndex: 'ownerName', render: (value?: string) => value ?? '—' },
          {
            title: t('surveys.answers.when'),
            dataIndex: 'answeredAt',
            render: (value: string) => format.dateTime(value),
          },
        ]}
        renderCard={(a) => (
          <Card size="small">
            <Space wrap>
              <Link to={`/contacts/${a.contactId}`}>{a.contactName}</Link>
              <Typography.Text strong>
                {t(`surveys.template.${a.template}`)} {a.score}
              </Typography.Text>
              <Typography.Text type="secondary">{format.dateTime(a.answeredAt)}</Typography.Text>
            </Space>
            {a.comment && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{a.comment}</Typography.Paragraph>}
          </Card>
        )}
      />
    </Card>
  );
}

function toRequest(policy: SurveyPolicy): SurveyPolicyRequest {
  return {
    expiryDays: policy.expiryDays,
    minDaysBetween: policy.minDaysBetween,
    triggers: policy.triggers,
    periodicMonths: policy.periodicMonths,
    complaintTemplate: policy.complaintTemplate,
    purchaseTemplate: policy.purchaseTemplate,
  };
}

function PolicyCard({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyPolicyRequest>();
  const policy = useQuery(surveyQueries.policy());
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toRequest(policy.data));
  }, [policy.data, form]);
  const save = useSaveSurveyPolicy({
    onSuccess: (saved) => message.success(t('surveys.policy.saved', { version: saved.version })),
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
  const p = policy.data;
  const title = (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {t('surveys.policy.title', { version: p.version })}
    </Typography.Title>
  );
  const templates = (['NPS', 'CSAT'] as const).map((value) => ({ value, label: t(`surveys.template.${value}`) }));
  if (!canEdit) {
    return (
      <Card size="small" title={title} data-testid="survey-policy">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'expiryDays', label: t('surveys.policy.expiryDays'), children: p.expiryDays },
            { key: 'minDaysBetween', label: t('surveys.policy.minDaysBetween'), children: p.minDaysBetween },
            {
              key: 'triggers',
              label: t('surveys.policy.triggers'),
              children:
                new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                  p.triggers.map((trigger) => t(`surveys.trigger.${trigger}`)),
                ) || '—',
            },
            { key: 'periodicMonths', label: t('surveys.policy.periodicMonths'), children: p.periodicMonths },
            {
              key: 'complaintTemplate',
              label: t('surveys.policy.complaintTemplate'),
              children: t(`surveys.template.${p.complaintTemplate}`),
            },
            {
              key: 'purchaseTemplate',
              label: t('surveys.policy.purchaseTemplate'),
              children: t(`surveys.template.${p.purchaseTemplate}`),
            },
          ]}
        />
      </Card>
    );
  }
  const submit = async () => {
    const values = await validValues(form);
    if (values) save.mutate({ version: p.version, body: values });
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Card size="small" title={title} data-testid="survey-policy">
      <Typography.Paragraph type="secondary">{t('surveys.policy.consentNote')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="expiryDays" label={t('surveys.policy.expiryDays')} rules={required}>
          <InputNumber min={1} max={90} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="minDaysBetween" label={t('surveys.policy.minDaysBetween')} rules={required}>
          <InputNumber min={0} max={730} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="triggers" label={t('surveys.policy.triggers')}>
          <Checkbox.Group
            options={(['COMPLAINT_CLOSED', 'PURCHASE', 'PERIODIC'] as const).map((value) => ({
              value,
              label: t(`surveys.trigger.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="periodicMonths" label={t('surveys.policy.periodicMonths')} rules={required}>
          <InputNumber min={1} max={36} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="complaintTemplate" label={t('surveys.policy.complaintTemplate')} rules={required}>
          <Select aria-label={t('surveys.policy.complaintTemplate')} options={templates} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="purchaseTemplate" label={t('surveys.policy.purchaseTemplate')} rules={required}>
          <Select aria-label={t('surveys.policy.purchaseTemplate')} options={templates} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('surveys.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
