import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  type FormInstance,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Rate,
  Row,
  Select,
  Skeleton,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  type Complaint,
  type WorkedComplaint,
  type ComplaintCategory,
  complaintQueries,
  type ComplaintStep,
  SEVERITY_COLORS,
  SLA_COLORS,
  describeStepError,
  useComplaintStep,
} from './api';

const STEP_OF: Record<Complaint['state'], number> = {
  RECEIVED: 0,
  ACKNOWLEDGED: 1,
  CAUSE_IDENTIFIED: 2,
  SOLUTIONS_OFFERED: 3,
  RESOLVED: 4,
  FOLLOWED_UP: 5,
  CLOSED: 5,
};
const CATEGORIES = ['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'] as const;

/** One complaint, walked through the four steps: each step's form with suggested wording, the SLA clock, the record. */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const complaint = useQuery(complaintQueries.one(id));
  if (complaint.isPending)
    return (
      <div className="gx-page">
        <Card>
          <Skeleton active />
        </Card>
      </div>
    );
  if (complaint.isError)
    return (
      <div className="gx-page">
        <ErrorState error={complaint.error} onRetry={() => complaint.refetch()} />
      </div>
    );
  const c = complaint.data;
  const canWork = hasRole(session, 'SERVICE_AGENT', 'MANAGER', 'ADMIN');
  return (
    <div className="gx-page">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Link to="/complaints">
          <ArrowLeftOutlined /> {t('complaints.back')}
        </Link>
        <Card>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Space wrap align="center">
              <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
                {/* Underlined: inside the heading's text the link must not be told apart by colour alone. */}
                <Link to={`/contacts/${c.contactId}`} style={{ textDecoration: 'underline' }}>
                  {c.contactName}
                </Link>{' '}
                · {t(`complaints.category.${c.category}`)}
              </Typography.Title>
              <Tag color={SEVERITY_COLORS[c.severity]}>{t(`complaints.severity.${c.severity}`)}</Tag>
              <Tag data-testid="complaint-state">{t(`complaints.state.${c.state}`)}</Tag>
              <Tag color={SLA_COLORS[c.sla.status]} data-testid="complaint-sla">
                {t(`complaints.sla.status.${c.sla.status}`, {
                  at: c.sla.nextDueAt ? format.dateTime(c.sla.nextDueAt) : '',
                })}
              </Tag>
            </Space>
            <Typography.Paragraph style={{ margin: 0 }}>{c.description}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {t(`complaints.channel.${c.channel}`)} · {format.dateTime(c.sla.receivedAt)} ·{' '}
              {t('complaints.assignee', { name: c.assigneeName ?? '—' })}
            </Typography.Text>
            {c.sla.breached.length > 0 && (
              <Alert
                type="error"
                showIcon
                message={t('complaints.sla.breachedList', {
                  list: c.sla.breached.map((b) => t(`complaints.sla.kind.${b}`)).join(t('common.listSeparator')),
                })}
                description={
                  c.sla.escalatedAt
                    ? t('complaints.sla.escalated', { at: format.dateTime(c.sla.escalatedAt) })
                    : undefined
                }
              />
            )}
          </Space>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card>
              <Steps
                current={STEP_OF[c.state]}
                size="small"
                style={{ marginBottom: 24 }}
                items={[
                  { title: t('complaints.steps.listen') },
                  { title: t('complaints.steps.apologise') },
                  { title: t('complaints.steps.options') },
                  { title: t('complaints.steps.resolve') },
                  { title: t('complaints.steps.followUp') },
                ]}
              />
              {canWork ? (
                <StepForm key={c.state} complaint={c} />
              ) : (
                <Typography.Text type="secondary">{t('complaints.readOnly')}</Typography.Text>
              )}
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 24 }}
                items={[
                  ...(c.acknowledgement
                    ? [{ key: 'ack', label: t('complaints.steps.listen'), children: c.acknowledgement }]
                    : []),
                  ...(c.apology
                    ? [
                        {
                          key: 'cause',
                          label: t('complaints.steps.apologise'),
                          children: `${c.apology} ${t(`complaints.category.${c.attributedCause ?? 'OTHER'}`)}: ${c.causeExplanation ?? ''}`,
                        },
                      ]
                    : []),
                  ...(c.options
                    ? [
                        {
                          key: 'options',
                          label: t('complaints.steps.options'),
                          children: c.options.map((o, i) => (
                            <Tag key={o} color={c.chosenOption === i + 1 ? 'green' : undefined}>
                              {i + 1}. {o}
                            </Tag>
                          )),
                        },
                      ]
                    : []),
                  ...(c.resolutionNote
                    ? [{ key: 'resolve', label: t('complaints.steps.resolve'), children: c.resolutionNote }]
                    : []),
                  ...(c.compensationPoints > 0
                    ? [
                        {
                          key: 'points',
                          label: t('complaints.fields.compensationPoints'),
                          children: c.compensationPoints,
                        },
                      ]
                    : []),
                  ...(c.satisfaction
                    ? [
                        {
                          key: 'followUp',
                          label: t('complaints.steps.followUp'),
                          children: (
                            <Space>
                              <Rate disabled value={c.satisfaction} />
                              {c.satisfactionComment}
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('complaints.history')}>
              <Timeline
                data-testid="complaint-events"
                items={(c.events ?? []).map((e) => ({
                  color: e.action.startsWith('BREACH_') ? 'red' : 'blue',
                  children: (
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>{t(`complaints.action.${e.action}`)}</Typography.Text>
                      {e.text && <Typography.Text>{e.text}</Typography.Text>}
                      {e.points != null && (
                        <Typography.Text>{t('complaints.compensationGiven', { points: e.points })}</Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {format.dateTime(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </Typography.Text>
                    </Space>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}

/** Every field of the step forms; each step validates and sends its own. */
type StepFormValues = {
  message: string;
  apology: string;
  cause: ComplaintCategory;
  explanation: string;
  option1?: string;
  option2?: string;
  option3?: string;
  chosenOption: number;
  note: string;
  compensationPoints?: number | null;
  satisfaction: number;
  comment?: string;
  reason: string;
};

function StepForm({ complaint }: { complaint: WorkedComplaint }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepFormValues>();
  const state = complaint.state;
  const step = useComplaintStep({
    onSuccess: () => {
      form.resetFields();
    },
    onError: (error) => {
      if (
        !showFieldErrors(form, error, [
          'message',
          'apology',
          'cause',
          'explanation',
          'options',
          'chosenOption',
          'note',
          'compensationPoints',
          'satisfaction',
          'comment',
          'reason',
        ])
      )
        message.error(describeStepError(error, t) ?? describeError(error, t));
    },
  });
  const submit = (toStep: (values: StepFormValues) => ComplaintStep) => async () => {
    const values = await validValues(form);
    if (!values) return;
    step.mutate({ id: complaint.id, etag: complaint.etag, ...toStep(values) });
  };
  const reopen = (reason: string) =>
    step.mutate({ id: complaint.id, etag: complaint.etag, action: 'reopen', body: { reason } });
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const hint = (key: string) => (
    <Alert
      type="info"
      showIcon={false}
      style={{ marginBottom: 12 }}
      message={t(`complaints.hints.${key}`)}
      data-testid="step-hint"
    />
  );
  const save = (toStep: (values: StepFormValues) => ComplaintStep, label = t('complaints.next')) => (
    <Button type="primary" loading={step.isPending} onClick={submit(toStep)} data-testid="step-submit">
      {label}
    </Button>
  );

  if (state === 'RECEIVED')
    return (
      <Form form={form} layout="vertical">
        {hint('listen')}
        <Form.Item name="message" label={t('complaints.fields.acknowledgement')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {save((v) => ({ action: 'acknowledge', body: { message: v.message } }))}
      </Form>
    );
  if (state === 'ACKNOWLEDGED')
    return (
      <Form form={form} layout="vertical" initialValues={{ cause: complaint.category }}>
        {hint('apologise')}
        <Form.Item name="apology" label={t('complaints.fields.apology')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="cause" label={t('complaints.fields.cause')} rules={[{ required: true }]}>
          <Select options={CATEGORIES.map((value) => ({ value, label: t(`complaints.category.${value}`) }))} />
        </Form.Item>
        <Form.Item name="explanation" label={t('complaints.fields.explanation')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {save((v) => ({ action: 'cause', body: { apology: v.apology, cause: v.cause, explanation: v.explanation } }))}
      </Form>
    );
  if (state === 'CAUSE_IDENTIFIED')
    return (
      <Form form={form} layout="vertical">
        {hint('options')}
        {[1, 2, 3].map((n) => (
          <Form.Item
            key={n}
            name={`option${n}`}
            label={t('complaints.fields.option', { n })}
            rules={n <= 2 ? required : []}
          >
            <Input placeholder={t(`complaints.hints.option${n}`)} />
          </Form.Item>
        ))}
        {save((v) => ({
          action: 'solutions',
          body: {
            options: [v.option1, v.option2, v.option3].filter(
              (o): o is string => typeof o === 'string' && o.trim() !== '',
            ),
          },
        }))}
      </Form>
    );
  if (state === 'SOLUTIONS_OFFERED')
    return (
      <Form form={form} layout="vertical">
        {hint('resolve')}
        <Form.Item
          name="chosenOption"
          label={t('complaints.fields.chosenOption')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Radio.Group options={(complaint.options ?? []).map((o, i) => ({ value: i + 1, label: o }))} />
        </Form.Item>
        <Form.Item name="note" label={t('complaints.fields.note')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="compensationPoints"
          label={t('complaints.fields.compensationPoints')}
          extra={t('complaints.fields.compensationHint')}
        >
          <InputNumber min={0} max={100000} precision={0} style={{ width: 180 }} />
        </Form.Item>
        {save((v) => ({
          action: 'resolve',
          body: { chosenOption: v.chosenOption, note: v.note, compensationPoints: v.compensationPoints || undefined },
        }))}
      </Form>
    );
  if (state === 'RESOLVED')
    return (
      <Form form={form} layout="vertical">
        {hint('followUp')}
        <Form.Item
          name="satisfaction"
          label={t('complaints.fields.satisfaction')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Rate />
        </Form.Item>
        <Form.Item name="comment" label={t('complaints.fields.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap align="start">
          {save((v) => ({ action: 'follow-up', body: { satisfaction: v.satisfaction, comment: v.comment } }))}
          <Reopen form={form} onReopen={reopen} />
        </Space>
      </Form>
    );
  return (
    <Form form={form} layout="vertical">
      <Space wrap align="start">
        {state === 'FOLLOWED_UP' && (
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => step.mutate({ id: complaint.id, etag: complaint.etag, action: 'close' })}
            data-testid="complaint-close"
          >
            {t('complaints.close')}
          </Button>
        )}
        <Reopen form={form} onReopen={reopen} />
      </Space>
    </Form>
  );
}

function Reopen({ form, onReopen }: { form: FormInstance<StepFormValues>; onReopen: (reason: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) return <Button onClick={() => setOpen(true)}>{t('complaints.reopen')}</Button>;
  const handle = async () => {
    const values = await validValues(form, ['reason']);
    if (values) onReopen(values.reason);
  };
  return (
    <Space align="start" wrap>
      <Form.Item
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        style={{ margin: 0 }}
      >
        <Input
          aria-label={t('complaints.fields.reason')}
          placeholder={t('complaints.fields.reason')}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Form.Item>
      <Button danger onClick={handle}>
        {t('complaints.reopen')}
      </Button>
    </Space>
  );
}
