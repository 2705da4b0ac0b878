import { DownloadOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Tabs, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { describeError } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import {
  DONE_ELSEWHERE,
  PAGE_SIZE,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATES,
  REVIEW_STATES,
  downloadCopy,
  privacyQueries,
  useCreatePrivacyRequest,
  useDecideRetention,
  useRunRetention,
  useStepPrivacyRequest,
  type CopyFormat,
  type PrivacyRequest,
  type PrivacyRequestCreate,
  type RequestAction,
  type RequestKind,
  type RequestState,
  type RetentionChoice,
  type RetentionReview,
  type ReviewState,
} from './api';

const STATE_COLORS: Record<RequestState, string> = {
  RECEIVED: 'blue',
  VERIFIED: 'gold',
  FULFILLED: 'green',
  REFUSED: 'default',
};

/** Personal data protection (个人信息保护): customers' rights requests and the retention review, for admins. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <div className="gx-page">
      <PageTitle>{t('privacy.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('privacy.intro')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'requests', label: t('privacy.requests.tab'), children: <RequestsTab /> },
          { key: 'retention', label: t('privacy.retention.tab'), children: <RetentionTab /> },
        ]}
      />
    </div>
  );
}

/** The customer as a request shows them: the name, or "anonymised customer" once erased. */
function CustomerName({ id, name, anonymised }: { id: string; name?: string; anonymised: boolean }) {
  const { t } = useTranslation();
  return anonymised ? (
    <Typography.Text type="secondary" data-testid="anonymised-customer">
      {t('contacts.anonymised')}
    </Typography.Text>
  ) : (
    <Link to={`/contacts/${id}`}>{name || '—'}</Link>
  );
}

function RequestsTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [state, setState] = useState<RequestState | undefined>();
  const [kind, setKind] = useState<RequestKind | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ request: PrivacyRequest; action: RequestAction } | undefined>();
  const requests = useQuery(privacyQueries.requests({ state, kind }, page - 1));

  const handleDownload = async (request: PrivacyRequest, fileFormat: CopyFormat) => {
    try {
      await downloadCopy(request.id, fileFormat);
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  const actions = (request: PrivacyRequest) => (
    <Space wrap size={4}>
      {request.allowedActions.map((action) => (
        <Button
          key={action}
          size="small"
          danger={action === 'REFUSE'}
          type={action === 'FULFIL' ? 'primary' : 'default'}
          onClick={() => setActing({ request, action: action as RequestAction })}
          data-testid={`privacy-${action.toLowerCase()}`}
        >
          {t(`privacy.requests.action.${action}`)}
        </Button>
      ))}
      {request.exportAvailable && (
        <>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => handleDownload(request, 'JSON')}>
            JSON
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => handleDownload(request, 'XLSX')}>
            XLSX
          </Button>
        </>
      )}
    </Space>
  );

  const columns: TableProps<PrivacyRequest>['columns'] = [
    {
      title: t('privacy.requests.customer'),
      key: 'customer',
      render: (_, r) => <CustomerName id={r.contactId} name={r.contactName} anonymised={r.contactAnonymised} />,
    },
    { title: t('privacy.requests.kind'), key: 'kind', render: (_, r) => t(`enum.RequestKind.${r.kind}`) },
    {
      title: t('privacy.requests.state'),
      key: 'state',
      render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{t(`enum.RequestState.${r.state}`)}</Tag>,
    },
    {
      title: t('privacy.requests.dueOn'),
      key: 'dueOn',
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>
          {format.date(r.dueOn)}
          {r.overdue && ` · ${t('privacy.requests.overdue')}`}
        </Typography.Text>
      ),
    },
    {
      title: t('privacy.requests.handled'),
      key: 'handled',
      render: (_, r) => <HandledBy request={r} />,
    },
    { title: t('common.actions'), key: 'actions', render: (_, r) => actions(r) },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="privacy-new">
          {t('privacy.requests.new')}
        </Button>
        <Select
          allowClear
          placeholder={t('privacy.requests.state')}
          aria-label={t('privacy.requests.state')}
          style={{ minWidth: 130 }}
          value={state}
          onChange={(value?: RequestState) => {
            setState(value);
            setPage(1);
          }}
          options={REQUEST_STATES.map((value) => ({ value, label: t(`enum.RequestState.${value}`) }))}
        />
        <Select
          allowClear
          placeholder={t('privacy.requests.kind')}
          aria-label={t('privacy.requests.kind')}
          style={{ minWidth: 130 }}
          value={kind}
          onChange={(value?: RequestKind) => {
            setKind(value);
            setPage(1);
          }}
          options={REQUEST_KINDS.map((value) => ({ value, label: t(`enum.RequestKind.${value}`) }))}
        />
      </Space>
      {requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <ResponsiveTable<PrivacyRequest>
          rowKey="id"
          data-testid="privacy-requests"
          loading={requests.isPending}
          columns={columns}
          dataSource={requests.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('privacy.requests.empty')}</Typography.Text> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: requests.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          renderCard={(r) => (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <CustomerName id={r.contactId} name={r.contactName} anonymised={r.contactAnonymised} />
                <Tag>{t(`enum.RequestKind.${r.kind}`)}</Tag>
                <Tag color={STATE_COLORS[r.state]}>{t(`enum.RequestState.${r.state}`)}</Tag>
              </Space>
              <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>
                {t('privacy.requests.due', { date: format.date(r.dueOn) })}
                {r.overdue && ` · ${t('privacy.requests.overdue')}`}
              </Typography.Text>
              <HandledBy request={r} />
              {actions(r)}
            </Space>
          )}
        />
      )}
      {creating && <CreateRequestDialog onClose={() => setCreating(false)} />}
      {acting && <StepDialog request={acting.request} action={acting.action} onClose={() => setActing(undefined)} />}
    </>
  );
}

function HandledBy({ request }: { request: PrivacyRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!request.handledAt) {
    return (
      <Typography.Text type="secondary">
        {t('privacy.requests.registeredBy', { name: request.registeredByName ?? '—' })}
      </Typography.Text>
    );
  }
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text type="secondary">
        {t('privacy.requests.handledBy', {
          name: request.handledByName ?? '—',
          at: format.dateTime(request.handledAt),
        })}
      </Typography.Text>
      {request.refusalReason && <Typography.Text>{request.refusalReason}</Typography.Text>}
      {request.note && <Typography.Text>{request.note}</Typography.Text>}
    </Space>
  );
}

function CreateRequestDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PrivacyRequestCreate>();
  const [term, setTerm] = useState('');
  const customers = useQuery(privacyQueries.customerSearch(term));
  const create = useCreatePrivacyRequest({
    onSuccess: () => {
      message.success(t('privacy.requests.created'));
      onClose();
    },
    onError: (error) => message.error(describeError(error, t)),
  });
  return (
    <Modal
      open
      title={t('privacy.requests.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} data-testid="privacy-form">
        <Form.Item
          name="contactId"
          label={t('privacy.requests.customer')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setTerm}
            placeholder={t('privacy.requests.customerPlaceholder')}
            notFoundContent={term ? t('privacy.requests.noCustomer') : null}
            options={(customers.data?.items ?? []).map((c) => ({
              value: c.id,
              label: c.mobile ? `${c.name} · ${c.mobile}` : c.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('privacy.requests.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={REQUEST_KINDS.map((value) => ({ value, label: t(`enum.RequestKind.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="channel"
          label={t('privacy.requests.channel')}
          initialValue="PHONE"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={REQUEST_CHANNELS.map((value) => ({ value, label: t(`enum.RequestChannel.${value}`) }))} />
        </Form.Item>
        <Form.Item name="details" label={t('privacy.requests.details')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Verify, fulfil or refuse: a note (how identity was checked, what was done) or the reason of a refusal. */
function StepDialog({
  request,
  action,
  onClose,
}: {
  request: PrivacyRequest;
  action: RequestAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const required = action === 'REFUSE' || (action === 'FULFIL' && DONE_ELSEWHERE.includes(request.kind));
  const step = useStepPrivacyRequest({
    onSuccess: () => {
      message.success(t(`privacy.requests.done.${action}`));
      onClose();
    },
    onError: (error) => message.error(describeError(error, t)),
  });
  const hint =
    action === 'FULFIL' ? t(`privacy.requests.fulfilHint.${request.kind}`) : t(`privacy.requests.hint.${action}`);
  return (
    <Modal
      open
      title={t(`privacy.requests.action.${action}`)}
      onCancel={onClose}
      okText={t(`privacy.requests.action.${action}`)}
      okButtonProps={{
        danger: action === 'REFUSE' || (action === 'FULFIL' && request.kind === 'DELETION'),
        disabled: required && !text.trim(),
      }}
      confirmLoading={step.isPending}
      onOk={() => step.mutate({ request, action, text: text.trim() || undefined })}
    >
      <Typography.Paragraph>{hint}</Typography.Paragraph>
      <Input.TextArea
        aria-label={action === 'REFUSE' ? t('privacy.requests.reason') : t('privacy.requests.note')}
        placeholder={action === 'REFUSE' ? t('privacy.requests.reason') : t('privacy.requests.note')}
        value={text}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(event) => setText(event.target.value)}
        data-testid="privacy-step-text"
      />
    </Modal>
  );
}

function RetentionTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [state, setState] = useState<ReviewState | undefined>('PENDING');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ review: RetentionReview; choice: RetentionChoice } | undefined>();
  const reviews = useQuery(privacyQueries.retention(state, page - 1));
  const run = useRunRetention({
    onSuccess: (result) => message.success(t('privacy.retention.listed', { count: result.listed })),
    onError: (error) => message.error(describeError(error, t)),
  });

  const decide = (review: RetentionReview) =>
    review.state === 'PENDING' ? (
      <Space size={4}>
        <Button
          size="small"
          danger
          onClick={() => setDeciding({ review, choice: 'APPROVE' })}
          data-testid="retention-approve"
        >
          {t('privacy.retention.approve')}
        </Button>
        <Button size="small" onClick={() => setDeciding({ review, choice: 'KEEP' })} data-testid="retention-keep">
          {t('privacy.retention.keep')}
        </Button>
      </Space>
    ) : (
      <Typography.Text type="secondary">
        {t('privacy.retention.decided', {
          name: review.decidedByName ?? '—',
          at: format.dateTime(review.decidedAt),
          reason: review.reason ?? '',
        })}
      </Typography.Text>
    );

  const columns: TableProps<RetentionReview>['columns'] = [
    {
      title: t('privacy.requests.customer'),
      key: 'customer',
      render: (_, v) => <CustomerName id={v.contactId} name={v.contactName} anonymised={v.contactAnonymised} />,
    },
    { title: t('privacy.retention.lastContact'), key: 'last', render: (_, v) => format.date(v.lastContactAt) },
    { title: t('privacy.retention.listedAt'), key: 'listed', render: (_, v) => format.date(v.listedAt) },
    { title: t('privacy.requests.state'), key: 'state', render: (_, v) => t(`enum.ReviewState.${v.state}`) },
    { title: t('common.actions'), key: 'decide', render: (_, v) => decide(v) },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('privacy.retention.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<PlayCircleOutlined />}
          loading={run.isPending}
          onClick={() => run.mutate()}
          data-testid="retention-run"
        >
          {t('privacy.retention.run')}
        </Button>
        <Select
          allowClear
          placeholder={t('privacy.requests.state')}
          aria-label={t('privacy.requests.state')}
          style={{ minWidth: 130 }}
          value={state}
          onChange={(value?: ReviewState) => {
            setState(value);
            setPage(1);
          }}
          options={REVIEW_STATES.map((value) => ({ value, label: t(`enum.ReviewState.${value}`) }))}
        />
      </Space>
      {reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => reviews.refetch()} />
      ) : (
        <ResponsiveTable<RetentionReview>
          rowKey="id"
          data-testid="retention-reviews"
          loading={reviews.isPending}
          columns={columns}
          dataSource={reviews.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('privacy.retention.empty')}</Typography.Text> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: reviews.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          renderCard={(v) => (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <CustomerName id={v.contactId} name={v.contactName} anonymised={v.contactAnonymised} />
                <Tag>{t(`enum.ReviewState.${v.state}`)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('privacy.retention.lastContactOn', { date: format.date(v.lastContactAt) })}
              </Typography.Text>
              {decide(v)}
            </Space>
          )}
        />
      )}
      {deciding && (
        <DecisionDialog review={deciding.review} choice={deciding.choice} onClose={() => setDeciding(undefined)} />
      )}
    </>
  );
}

function DecisionDialog({
  review,
  choice,
  onClose,
}: {
  review: RetentionReview;
  choice: RetentionChoice;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const decide = useDecideRetention({
    onSuccess: () => {
      message.success(t(choice === 'APPROVE' ? 'privacy.retention.approved' : 'privacy.retention.kept'));
      onClose();
    },
    onError: (error) => message.error(describeError(error, t)),
  });
  return (
    <Modal
      open
      title={t(choice === 'APPROVE' ? 'privacy.retention.approve' : 'privacy.retention.keep')}
      onCancel={onClose}
      okButtonProps={{ danger: choice === 'APPROVE', disabled: !reason.trim() }}
      confirmLoading={decide.isPending}
      onOk={() => decide.mutate({ review, choice, reason: reason.trim() })}
    >
      <Typography.Paragraph>
        {t(choice === 'APPROVE' ? 'privacy.retention.approveHint' : 'privacy.retention.keepHint')}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label={t('privacy.requests.reason')}
        placeholder={t('privacy.requests.reason')}
        value={reason}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        onChange={(event) => setReason(event.target.value)}
        data-testid="retention-reason"
      />
    </Modal>
  );
}
