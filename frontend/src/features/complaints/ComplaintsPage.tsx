import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ExportButton } from '../../components/ui/ExportButton';
import { useFormat } from '../../lib/format';
import { ActivityList } from '../activities';
import { SavedViews } from '../views';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  type Complaint,
  type ComplaintRequest,
  complaintQueries,
  SEVERITY_COLORS,
  SLA_COLORS,
  STATES,
  useCreateComplaint,
} from './api';
import './complaints.css';

const BOARD_STATES = STATES.filter((state) => state !== 'CLOSED');
const CHANNELS = ['HOTLINE', 'ONLINE', 'SOCIAL_MEDIA', 'EMAIL', 'IN_PERSON', 'WECHAT'] as const;
const CATEGORIES = ['LOGISTICS', 'PRODUCT_QUALITY', 'SERVICE_ATTITUDE', 'BILLING', 'OTHER'] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

/** The complaints board: open complaints by step, each with its SLA clock; today's follow-ups; statistics. */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'board';
  return (
    <div className="gx-page">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('complaints.title')}
          </Typography.Title>
        }
        extra={<NewComplaintButton />}
      >
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            // The board's filters stay in the address while another tab is open.
            const next = new URLSearchParams(search);
            next.set('tab', key);
            setSearch(next, { replace: true });
          }}
          items={[
            { key: 'board', label: t('complaints.board'), children: <Board /> },
            { key: 'follow-ups', label: t('complaints.followUps'), children: <FollowUps /> },
            { key: 'stats', label: t('complaints.stats.title'), children: <Stats /> },
          ]}
        />
      </Card>
    </div>
  );
}

/** The board's filters live in the address (?severity=HIGH&breached=true): a link or a saved view keeps them. */
function useBoardFilters() {
  const [search, setSearch] = useSearchParams();
  const severityParam = search.get('severity');
  const severity = SEVERITIES.find((value) => value === severityParam);
  const breachedParam = search.get('breached');
  const breached = breachedParam === 'true' ? true : breachedParam === 'false' ? false : undefined;
  const setFilter = (key: 'severity' | 'breached', value?: string) => {
    const next = new URLSearchParams(search);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: true });
  };
  return {
    severity,
    breached,
    setSeverity: (value?: Complaint['severity']) => setFilter('severity', value),
    setBreached: (value?: boolean) => setFilter('breached', value === undefined ? undefined : String(value)),
  };
}

function Board() {
  const { t } = useTranslation();
  const { severity, setSeverity, breached, setBreached } = useBoardFilters();
  const complaints = useQuery(
    complaintQueries.list({ open: true, size: 200, sort: 'receivedAt,desc', severity, breached }),
  );
  if (complaints.isError) return <ErrorState error={complaints.error} onRetry={() => complaints.refetch()} />;
  const items = complaints.data?.items ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <SavedViews list="complaints" />
        <ExportButton list="complaints" params={{ open: true, sort: 'receivedAt,desc', severity, breached }} />
        <Select
          allowClear
          aria-label={t('complaints.fields.severity')}
          placeholder={t('complaints.fields.severity')}
          style={{ width: 140 }}
          data-testid="complaint-filter-severity"
          value={severity}
          onChange={setSeverity}
          options={SEVERITIES.map((value) => ({ value, label: t(`complaints.severity.${value}`) }))}
        />
        <Select
          allowClear
          aria-label={t('complaints.sla.filter')}
          placeholder={t('complaints.sla.filter')}
          style={{ width: 160 }}
          data-testid="complaint-filter-breached"
          value={breached}
          onChange={setBreached}
          options={[
            { value: true, label: t('complaints.sla.breached') },
            { value: false, label: t('complaints.sla.inTime') },
          ]}
        />
        <Typography.Text type="secondary">{t('common.total', { count: complaints.data?.total ?? 0 })}</Typography.Text>
      </Space>
      <div className="gx-complaint-board" data-testid="complaint-board">
        {BOARD_STATES.map((state) => {
          const column = items.filter((c) => c.state === state);
          return (
            <div key={state} className="gx-complaint-column" data-testid={`column-${state}`}>
              <Space style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t(`complaints.state.${state}`)}</Typography.Text>
                <Badge count={column.length} showZero color="#8c8c8c" />
              </Space>
              <Space direction="vertical" size={8} style={{ width: '100%' }}>
                {column.map((complaint) => (
                  <ComplaintCard key={complaint.id} complaint={complaint} />
                ))}
              </Space>
            </div>
          );
        })}
      </div>
    </Space>
  );
}

function ComplaintCard({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = complaint.sla.status;
  return (
    <Link to={`/complaints/${complaint.id}`} data-testid="complaint-card">
      <Card
        size="small"
        hoverable
        styles={{ body: { padding: 10 } }}
        style={{ borderLeft: `4px solid ${SLA_COLORS[status] === 'default' ? '#d9d9d9' : SLA_COLORS[status]}` }}
      >
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Space size={4} wrap>
            <Typography.Text strong>{complaint.contactName ?? '—'}</Typography.Text>
            <Tag color={SEVERITY_COLORS[complaint.severity]} data-testid="complaint-severity">
              {t(`complaints.severity.${complaint.severity}`)}
            </Tag>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`complaints.category.${complaint.category}`)} · {t(`complaints.channel.${complaint.channel}`)}
          </Typography.Text>
          <Typography.Text ellipsis style={{ fontSize: 12 }}>
            {complaint.description}
          </Typography.Text>
          <Tag color={SLA_COLORS[status]} data-testid="sla-clock" style={{ whiteSpace: 'normal' }}>
            {t(`complaints.sla.status.${status}`, {
              at: complaint.sla.nextDueAt ? format.dateTime(complaint.sla.nextDueAt) : '',
            })}
          </Tag>
        </Space>
      </Card>
    </Link>
  );
}

/** Complaint call-backs and escalations on your list, soonest due first, with the customer's name. */
function FollowUps() {
  const { t } = useTranslation();
  return (
    <ActivityList
      testId="follow-up-list"
      params={{ kind: ['COMPLAINT_FOLLOW_UP', 'ESCALATION'], size: 100 }}
      emptyText={t('complaints.noFollowUps')}
    />
  );
}

function Stats() {
  const { t } = useTranslation();
  const stats = useQuery(complaintQueries.stats());
  if (stats.isPending) return null;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => stats.refetch()} />;
  const s = stats.data;
  const bars = (title: string, counts: Record<string, number>, label: (key: string) => string) => {
    const max = Math.max(1, ...Object.values(counts));
    return (
      <Card size="small" title={title}>
        {Object.entries(counts).map(([key, count]) => (
          <div key={key}>
            <Typography.Text>
              {label(key)} · {count}
            </Typography.Text>
            <Progress
              percent={(count / max) * 100}
              showInfo={false}
              size="small"
              aria-label={`${label(key)} · ${count}`}
            />
          </div>
        ))}
      </Card>
    );
  };
  const percent = (value?: number) => (value == null ? '—' : `${value} %`);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="complaint-stats">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.total')} value={s.total} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.open')} value={s.open} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.ackInTime')} value={percent(s.acknowledgedInTimePercent)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.resolvedInTime')} value={percent(s.resolvedInTimePercent)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.meanResolveHours')} value={s.meanHoursToResolve ?? '—'} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('complaints.stats.satisfaction')} value={s.satisfactionAverage ?? '—'} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          {bars(t('complaints.fields.category'), s.byCategory, (k) => t(`complaints.category.${k}`))}
        </Col>
        <Col xs={24} md={8}>
          {bars(t('complaints.fields.severity'), s.bySeverity, (k) => t(`complaints.severity.${k}`))}
        </Col>
        <Col xs={24} md={8}>
          {bars(t('complaints.stats.byMonth'), s.byMonth, (k) => k)}
        </Col>
      </Row>
    </Space>
  );
}

function NewComplaintButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [form] = Form.useForm<ComplaintRequest>();
  const contacts = useQuery(complaintQueries.contactPick(query, open));
  const create = useCreateComplaint();
  const handleOk = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      const created = await create.mutateAsync(values);
      setOpen(false);
      navigate(`/complaints/${created.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error, ['contactId', 'channel', 'category', 'severity', 'description']))
        message.error(describeError(error, t));
    }
  };
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({ channel: 'HOTLINE', severity: 'MEDIUM' });
          setOpen(true);
        }}
        data-testid="complaint-new"
      >
        {t('complaints.new')}
      </Button>
      <Modal
        open={open}
        title={t('complaints.new')}
        onCancel={() => setOpen(false)}
        onOk={handleOk}
        confirmLoading={create.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<ComplaintRequest> form={form} layout="vertical" preserve={false} data-testid="complaint-form">
          <Form.Item
            name="contactId"
            label={t('complaints.fields.contact')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={setQuery}
              loading={contacts.isFetching}
              placeholder={t('complaints.pickContact')}
              options={(contacts.data?.items ?? []).map((c) => ({
                value: c.id,
                label: `${c.name}${c.mobile ? ` · ${c.mobile}` : ''}`,
              }))}
            />
          </Form.Item>
          {/* Three across where they fit, one under the other on a phone. */}
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="channel" label={t('complaints.fields.channel')} rules={[{ required: true }]}>
                <Select options={CHANNELS.map((value) => ({ value, label: t(`complaints.channel.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="category"
                label={t('complaints.fields.category')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select options={CATEGORIES.map((value) => ({ value, label: t(`complaints.category.${value}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="severity" label={t('complaints.fields.severity')} rules={[{ required: true }]}>
                <Select options={SEVERITIES.map((value) => ({ value, label: t(`complaints.severity.${value}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="description"
            label={t('complaints.fields.description')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
