import { DownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Dropdown,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { MenuProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadExport } from '../../components/ui/ExportButton';
import { describeError } from '../../lib/errors';
import { enumOptions } from '../../lib/enums';
import {
  type BulkAction,
  type BulkAnswer,
  type BulkOutcome,
  type BulkRequest,
  type BulkResult,
  type BulkSelection,
  bulkQueries,
  EXPORT_MAX_IDS,
  selectionBody,
  selectionExportUrl,
  useBulkAction,
} from './bulkApi';

const CATEGORIES = ['RELATIONSHIP', 'SERVICE', 'MARKETING', 'MIXED'] as const;
const OUTCOME_COLORS: Record<BulkOutcome, string> = {
  CHANGED: 'green',
  UNCHANGED: 'default',
  CONFLICT: 'orange',
  NOT_VISIBLE: 'default',
  REFUSED: 'red',
  FAILED: 'red',
};

const BAR: CSSProperties = {
  background: '#e6f4ff',
  border: '1px solid #91caff',
  borderRadius: 8,
  padding: '8px 12px',
  marginBottom: 12,
};
/** On a phone the bar stays in reach at the bottom of the screen while the user scrolls the cards. */
const PHONE_BAR: CSSProperties = {
  position: 'sticky',
  bottom: 8,
  zIndex: 2,
  boxShadow: '0 2px 8px rgba(0, 0, 0, 0.15)',
};

type BulkBarProps = {
  selection: BulkSelection;
  /** How many contacts the selection holds (ticked rows, or all matching). */
  count: number;
  /** false when count is a lower bound: the list stopped counting (its total was not exact). */
  countExact?: boolean;
  /** Offered when every row of the page is ticked and more match: switch to all of them. */
  allMatching?: { total: number; totalExact: boolean; onSelect: () => void };
  isManager: boolean;
  owners: { value: string; label: string }[];
  phone: boolean;
  /** Names of contacts the page shows, for the report. */
  names: Record<string, string>;
  onClear: () => void;
};

type FormValues = {
  ownerId?: string;
  note?: string;
  tags?: string[];
  lifecycleStage?: BulkRequest['lifecycleStage'];
  name?: string;
  category?: (typeof CATEGORIES)[number];
  script?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
};

/**
 * The bar over the contact list while rows are selected: the count, "select all N matching", and the
 * bulk actions (assign owner, tags, stage, archive, care campaign, export). Each action asks for what it
 * needs in a dialog, then shows the per-row report — at once for a small selection, after the job's
 * progress for a large one.
 */
export function BulkBar({
  selection,
  count,
  countExact = true,
  allMatching,
  isManager,
  owners,
  phone,
  names,
  onClear,
}: BulkBarProps) {
  const { t, i18n } = useTranslation();
  // "1000+": the list counts only so far, and the texts say so rather than give a lower bound as the count.
  const counted = (key: 'selected' | 'apply' | 'appliesTo' | 'archiveConfirm') =>
    t(countExact ? `bulk.${key}` : `bulk.${key}AtLeast`, { count });
  const { message } = App.useApp();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState('');
  const [answer, setAnswer] = useState<BulkAnswer | null>(null);
  const [form] = Form.useForm<FormValues>();
  const bulk = useBulkAction();

  const actions: BulkAction[] = [
    ...(isManager ? (['ASSIGN_OWNER'] as const) : []),
    'ADD_TAGS',
    'REMOVE_TAGS',
    'SET_LIFECYCLE_STAGE',
    'ARCHIVE',
    'START_CARE_CAMPAIGN',
  ];

  const open = (next: BulkAction) => {
    form.resetFields();
    bulk.reset();
    setIdempotencyKey(crypto.randomUUID());
    setAction(next);
  };

  const handleExport = async (format: 'csv' | 'xlsx') => {
    if (selection.kind === 'ids' && selection.items.length > EXPORT_MAX_IDS) {
      message.warning(t('bulk.exportTooMany', { max: EXPORT_MAX_IDS }));
      return;
    }
    try {
      const result = await downloadExport(
        selectionExportUrl(selection, format),
        i18n.language,
        `contacts.${format}`,
        () => message.info(t('export.started')),
      );
      if (result === 'JOB') message.success(t('export.ready'));
    } catch {
      message.error(t('bulk.exportFailed'));
    }
  };

  const handleSubmit = async (values: FormValues) => {
    if (!action) return;
    const body: BulkRequest = { action, selection: selectionBody(selection) };
    if (action === 'ASSIGN_OWNER') {
      body.ownerId = values.ownerId;
      body.note = values.note || undefined;
    }
    if (action === 'ADD_TAGS' || action === 'REMOVE_TAGS') body.tags = values.tags;
    if (action === 'SET_LIFECYCLE_STAGE') body.lifecycleStage = values.lifecycleStage;
    if (action === 'START_CARE_CAMPAIGN' && values.category && values.startsOn && values.endsOn) {
      body.campaign = {
        name: values.name ?? '',
        category: values.category,
        script: values.script ?? '',
        startsOn: values.startsOn.format('YYYY-MM-DD'),
        endsOn: values.endsOn.format('YYYY-MM-DD'),
      };
    }
    const result = await bulk.mutateAsync({ body, idempotencyKey });
    setAction(null);
    setAnswer(result);
  };

  const menu: MenuProps['items'] = [
    ...actions.map((key) => ({ key, label: t(`bulk.action.${key}`) })),
    { key: 'export-csv', label: t('bulk.exportCsv') },
    { key: 'export-xlsx', label: t('bulk.exportXlsx') },
  ];
  const handleMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'export-csv') void handleExport('csv');
    else if (key === 'export-xlsx') void handleExport('xlsx');
    else {
      const chosen = actions.find((candidate) => candidate === key);
      if (chosen) open(chosen);
    }
  };

  return (
    <div style={phone ? { ...BAR, ...PHONE_BAR } : BAR} data-testid="bulk-bar" role="region" aria-label={t('bulk.bar')}>
      <Space wrap size={[8, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={[8, 4]}>
          <Typography.Text strong data-testid="bulk-count">
            {counted('selected')}
          </Typography.Text>
          {allMatching && (
            <Button type="link" size="small" onClick={allMatching.onSelect} data-testid="bulk-select-all">
              {t(allMatching.totalExact ? 'bulk.selectAllMatching' : 'bulk.selectAllMatchingAtLeast', {
                count: allMatching.total,
              })}
            </Button>
          )}
          <Button type="link" size="small" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </Space>
        {phone ? (
          <Dropdown menu={{ items: menu, onClick: handleMenu }} trigger={['click']} placement="topRight">
            <Button type="primary" data-testid="bulk-actions">
              {t('common.actions')} <DownOutlined />
            </Button>
          </Dropdown>
        ) : (
          <Space wrap size={[8, 8]}>
            {actions.map((key) => (
              <Button key={key} onClick={() => open(key)} data-testid={`bulk-${key}`}>
                {t(`bulk.action.${key}`)}
              </Button>
            ))}
            <Dropdown menu={{ items: menu.slice(actions.length), onClick: handleMenu }} trigger={['click']}>
              <Button data-testid="bulk-export">
                {t('bulk.export')} <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        )}
      </Space>

      <Modal
        open={action !== null}
        title={action ? t(`bulk.action.${action}`) : undefined}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={counted('apply')}
        okButtonProps={{ loading: bulk.isPending, danger: action === 'ARCHIVE' }}
        cancelText={t('common.cancel')}
        width={phone ? '100%' : 520}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={handleSubmit} requiredMark={false}>
          <Typography.Paragraph type="secondary">{counted('appliesTo')}</Typography.Paragraph>
          {action === 'ASSIGN_OWNER' && (
            <>
              <Form.Item
                name="ownerId"
                label={t('bulk.fields.owner')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={owners}
                  data-testid="bulk-owner"
                  aria-label={t('bulk.fields.owner')}
                />
              </Form.Item>
              <Form.Item name="note" label={t('bulk.fields.note')} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Typography.Text type="secondary">{t('bulk.assignHint')}</Typography.Text>
            </>
          )}
          {(action === 'ADD_TAGS' || action === 'REMOVE_TAGS') && (
            <Form.Item
              name="tags"
              label={t('bulk.fields.tags')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select mode="tags" open={false} suffixIcon={null} aria-label={t('bulk.fields.tags')} maxCount={20} />
            </Form.Item>
          )}
          {action === 'SET_LIFECYCLE_STAGE' && (
            <Form.Item
              name="lifecycleStage"
              label={t('bulk.fields.stage')}
              rules={[{ required: true, message: t('common.required') }]}
              extra={isManager ? undefined : t('bulk.stageHint')}
            >
              <Select options={enumOptions(t, 'LifecycleStage')} aria-label={t('bulk.fields.stage')} />
            </Form.Item>
          )}
          {action === 'ARCHIVE' && <Alert type="warning" showIcon message={counted('archiveConfirm')} />}
          {action === 'START_CARE_CAMPAIGN' && (
            <>
              <Form.Item
                name="name"
                label={t('bulk.fields.campaignName')}
                rules={[{ required: true, whitespace: true, max: 100, message: t('common.required') }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item
                name="category"
                label={t('bulk.fields.category')}
                initialValue="RELATIONSHIP"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select
                  aria-label={t('bulk.fields.category')}
                  options={CATEGORIES.map((c) => ({ value: c, label: t(`campaigns.category.${c}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="script"
                label={t('bulk.fields.script')}
                rules={[{ required: true, whitespace: true, max: 4000, message: t('common.required') }]}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
              <Space wrap>
                <Form.Item
                  name="startsOn"
                  label={t('bulk.fields.startsOn')}
                  initialValue={dayjs()}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <DatePicker allowClear={false} />
                </Form.Item>
                <Form.Item
                  name="endsOn"
                  label={t('bulk.fields.endsOn')}
                  initialValue={dayjs().add(14, 'day')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <DatePicker allowClear={false} />
                </Form.Item>
              </Space>
              <Typography.Text type="secondary">{t('bulk.campaignHint')}</Typography.Text>
            </>
          )}
          {bulk.isError && (
            <Alert style={{ marginTop: 12 }} type="error" showIcon message={describeError(bulk.error, t)} />
          )}
        </Form>
      </Modal>

      <Modal
        open={answer !== null}
        title={t('bulk.reportTitle')}
        onCancel={() => {
          setAnswer(null);
          onClear();
        }}
        footer={
          <Button
            type="primary"
            onClick={() => {
              setAnswer(null);
              onClear();
            }}
            data-testid="bulk-report-close"
          >
            {t('common.close')}
          </Button>
        }
        width={phone ? '100%' : 560}
        destroyOnHidden
      >
        {answer?.kind === 'done' && <BulkReport result={answer.result} names={names} />}
        {answer?.kind === 'job' && <BulkJobProgress jobId={answer.job.id} names={names} />}
      </Modal>
    </div>
  );
}

function BulkJobProgress({ jobId, names }: { jobId: string; names: Record<string, string> }) {
  const { t } = useTranslation();
  const job = useQuery(bulkQueries.job(jobId));
  if (job.isError) return <Alert type="error" showIcon message={describeError(job.error, t)} />;
  const data = job.data;
  if (data?.state === 'SUCCEEDED' && data.result) return <BulkReport result={data.result} names={names} />;
  if (data?.state === 'FAILED') return <Alert type="error" showIcon message={t('bulk.jobFailed')} />;
  const total = data?.total ?? 0;
  const percent = total > 0 ? Math.floor(((data?.processed ?? 0) * 100) / total) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulk-progress">
      <Typography.Text>{t('bulk.running', { processed: data?.processed ?? 0, total })}</Typography.Text>
      <Progress percent={percent} aria-label={t('bulk.progress')} />
    </Space>
  );
}

function BulkReport({ result, names }: { result: BulkResult; names: Record<string, string> }) {
  const { t } = useTranslation();
  const notable = result.rows.filter((row) => row.outcome !== 'CHANGED' && row.outcome !== 'UNCHANGED');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="bulk-report">
      <Descriptions size="small" column={2} bordered>
        {(['changed', 'unchanged', 'conflict', 'notVisible', 'refused', 'failed'] as const).map((key) => (
          <Descriptions.Item key={key} label={t(`bulk.counts.${key}`)}>
            <span data-testid={`bulk-count-${key}`}>{result[key]}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {result.campaignId && (
        <Alert
          type="success"
          showIcon
          message={t('bulk.campaignDrafted')}
          action={<Link to="/campaigns">{t('bulk.openCampaigns')}</Link>}
        />
      )}
      {result.conflict > 0 && <Typography.Text type="secondary">{t('bulk.conflictHint')}</Typography.Text>}
      {notable.length > 0 && (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="bulk-report-rows">
          {notable.slice(0, 100).map((row) => (
            <li key={row.contactId} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Space wrap>
                {names[row.contactId] && row.outcome !== 'NOT_VISIBLE' ? (
                  <Link to={`/contacts/${row.contactId}`}>{names[row.contactId]}</Link>
                ) : (
                  <Typography.Text type="secondary">{row.contactId.slice(0, 8)}</Typography.Text>
                )}
                <Tag color={OUTCOME_COLORS[row.outcome]}>{t(`bulk.outcome.${row.outcome}`)}</Tag>
                {row.reason && <Typography.Text type="secondary">{t(`bulk.reason.${row.reason}`)}</Typography.Text>}
              </Space>
            </li>
          ))}
        </ul>
      )}
    </Space>
  );
}
