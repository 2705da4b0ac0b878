import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { ABC_TIERS, enumOptions, MEMBERSHIP_LEVELS } from '../../lib/enums';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import {
  type Campaign,
  type CampaignCategory,
  type CampaignOutcome,
  type CampaignCounts,
  campaignQueries,
  type CampaignRequest,
  type CampaignState,
  type CampaignTarget,
  CATEGORIES,
  OUTCOMES,
  type Segment,
  useCreateCampaign,
  useMoveCampaign,
  useRecordOutcome,
  useUpdateCampaign,
} from './api';

const STATE_COLORS: Record<CampaignState, string> = {
  DRAFT: 'default',
  LAUNCHED: 'green',
  CLOSED: 'blue',
  CANCELLED: 'red',
};

const EMPTY_SEGMENT: Segment = {
  abcTiers: [],
  membershipLevels: [],
  lifecycleStages: [],
  tags: [],
  regions: [],
  notContactedForDays: undefined,
  churnRiskLevels: [],
};
const CHURN_RISK_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;

type FormValues = Omit<CampaignRequest, 'startsOn' | 'endsOn'> & { startsOn: Dayjs; endsOn: Dayjs };
const FIELDS = ['name', 'category', 'script', 'startsOn', 'endsOn', 'purchaseWindowDays'] as const;

/**
 * Care campaigns (关怀活动, 000 ch.3): a segment of customers, a script and a window; launching puts a call on
 * each customer's owner's list, and the report counts what came of it per rep.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<Campaign | 'new' | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const campaigns = useQuery(campaignQueries.list(page));
  return (
    <div className="gx-page" data-testid="campaigns-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <PageTitle style={{ margin: 0 }}>{t('campaigns.title')}</PageTitle>
        <Button type="primary" icon={<PlusOutlined />} data-testid="campaign-new" onClick={() => setEditing('new')}>
          {t('campaigns.new')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('campaigns.intro')}</Typography.Paragraph>
      {campaigns.isError ? (
        <ErrorState error={campaigns.error} onRetry={() => campaigns.refetch()} />
      ) : (
        <ResponsiveTable<Campaign>
          data-testid="campaigns-table"
          rowKey="id"
          loading={campaigns.isPending}
          dataSource={campaigns.data?.items ?? []}
          locale={{ emptyText: t('campaigns.none') }}
          pagination={{
            current: page + 1,
            pageSize: 20,
            total: campaigns.data?.total ?? 0,
            onChange: (p) => setPage(p - 1),
          }}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('campaigns.fields.name'),
              dataIndex: 'name',
              render: (_, c) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(c.id)}>
                  {c.name}
                </Button>
              ),
            },
            {
              title: t('campaigns.fields.category'),
              dataIndex: 'category',
              render: (_, c) => t(`campaigns.category.${c.category}`),
            },
            {
              title: t('campaigns.fields.state'),
              dataIndex: 'state',
              render: (_, c) => <Tag color={STATE_COLORS[c.state]}>{t(`campaigns.state.${c.state}`)}</Tag>,
            },
            {
              title: t('campaigns.fields.window'),
              key: 'window',
              render: (_, c) => `${format.date(c.startsOn)} – ${format.date(c.endsOn)}`,
            },
            { title: t('campaigns.fields.owner'), dataIndex: 'ownerName' },
            { title: t('campaigns.fields.targets'), dataIndex: 'targets', align: 'right' },
          ]}
          renderCard={(c) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(c.id)}>
                  {c.name}
                </Button>
                <Tag color={STATE_COLORS[c.state]}>{t(`campaigns.state.${c.state}`)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t(`campaigns.category.${c.category}`)} · {format.date(c.startsOn)} – {format.date(c.endsOn)}
              </Typography.Text>
              <Typography.Text>{t('campaigns.targetsCount', { count: c.targets })}</Typography.Text>
            </Space>
          )}
        />
      )}
      <CampaignForm
        editing={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(c) => {
          setEditing(undefined);
          setOpenId(c.id);
        }}
      />
      <CampaignDrawer id={openId} onClose={() => setOpenId(undefined)} onEdit={(c) => setEditing(c)} />
    </div>
  );
}

/** The value after it stopped changing for a moment: the live preview asks once per pause, not per keystroke. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function SegmentPreviewCount({ segment, category }: { segment: Segment; category: CampaignCategory }) {
  const { t } = useTranslation();
  const settled = useSettled(JSON.stringify({ segment, category }));
  const asked = JSON.parse(settled) as { segment: Segment; category: CampaignCategory };
  const preview = useQuery(campaignQueries.preview(asked.segment, asked.category));
  return (
    <Card size="small" data-testid="segment-preview" aria-live="polite">
      {preview.isError ? (
        <Typography.Text type="danger">{describeError(preview.error, t)}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={4}>
          <Typography.Text strong data-testid="segment-preview-count">
            {preview.data ? t('campaigns.previewCount', { count: preview.data.count }) : t('campaigns.previewing')}
          </Typography.Text>
          {preview.data && preview.data.sample.length > 0 && (
            <Typography.Text type="secondary">
              {t('campaigns.previewSample', { names: preview.data.sample.map((m) => m.name).join('、') })}
            </Typography.Text>
          )}
          {(category === 'MARKETING' || category === 'MIXED') && (
            <Typography.Text type="secondary">{t('campaigns.consentNote')}</Typography.Text>
          )}
          {preview.data && preview.data.leftOutForConsent > 0 && (
            <Typography.Text type="secondary" data-testid="segment-preview-left-out">
              {t('campaigns.leftOutForConsent', { count: preview.data.leftOutForConsent })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

function CampaignForm({
  editing,
  onClose,
  onSaved,
}: {
  editing: Campaign | 'new' | undefined;
  onClose: () => void;
  onSaved: (c: Campaign) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = usePhone();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const open = editing !== undefined;
  const segment = Form.useWatch('segment', form) ?? EMPTY_SEGMENT;
  const category = Form.useWatch('category', form) ?? 'RELATIONSHIP';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing === 'new') {
      form.setFieldsValue({
        category: 'RELATIONSHIP',
        segment: EMPTY_SEGMENT,
        startsOn: dayjs(),
        endsOn: dayjs().add(7, 'day'),
        purchaseWindowDays: 30,
      });
    } else if (editing) {
      form.setFieldsValue({ ...editing, startsOn: dayjs(editing.startsOn), endsOn: dayjs(editing.endsOn) });
    }
  }, [open, editing, form]);

  const save = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body: CampaignRequest = {
      ...values,
      segment: {
        ...EMPTY_SEGMENT,
        // A draft made from a selection on the contact list names its customers; the form has no field for
        // them, so an edit keeps them (dropping them would widen the campaign to every customer).
        contactIds: editing && editing !== 'new' ? editing.segment.contactIds : undefined,
        ...values.segment,
        notContactedForDays: values.segment.notContactedForDays ?? undefined,
      },
      startsOn: values.startsOn.format('YYYY-MM-DD'),
      endsOn: values.endsOn.format('YYYY-MM-DD'),
    };
    try {
      const saved =
        editing && editing !== 'new'
          ? await update.mutateAsync({ id: editing.id, version: editing.version, body })
          : await create.mutateAsync(body);
      message.success(t('campaigns.saved'));
      onSaved(saved as Campaign);
    } catch (error) {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={phone ? '100%' : 640}
      title={editing === 'new' ? t('campaigns.new') : t('campaigns.edit')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          data-testid="campaign-save"
          loading={create.isPending || update.isPending}
          onClick={save}
        >
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item
          name="name"
          label={t('campaigns.fields.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} data-testid="campaign-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('campaigns.fields.category')} rules={[{ required: true }]}>
              <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`campaigns.category.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="purchaseWindowDays" label={t('campaigns.fields.purchaseWindowDays')}>
              <InputNumber min={1} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="startsOn" label={t('campaigns.fields.startsOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="endsOn"
              label={t('campaigns.fields.endsOn')}
              dependencies={['startsOn']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, value?: Dayjs) =>
                    !value || !getFieldValue('startsOn') || !value.isBefore(getFieldValue('startsOn'), 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('campaigns.endsBeforeStart'))),
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="script"
          label={t('campaigns.fields.script')}
          rules={[{ required: true, whitespace: true, max: 4000 }]}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="campaign-script" />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('campaigns.segment')}
        </Typography.Title>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'abcTiers']} label={t('campaigns.fields.abcTiers')}>
              <Select
                mode="multiple"
                allowClear
                options={ABC_TIERS.map((v) => ({ value: v, label: t(`tiers.abc.${v}.label`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'membershipLevels']} label={t('campaigns.fields.membershipLevels')}>
              <Select
                mode="multiple"
                allowClear
                options={MEMBERSHIP_LEVELS.map((v) => ({ value: v, label: t(`tiers.level.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'lifecycleStages']} label={t('campaigns.fields.lifecycleStages')}>
              <Select mode="multiple" allowClear options={enumOptions(t, 'LifecycleStage')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'regions']} label={t('campaigns.fields.regions')}>
              <Select mode="multiple" allowClear options={enumOptions(t, 'Region')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'tags']} label={t('campaigns.fields.tags')}>
              <Select mode="tags" allowClear maxCount={20} data-testid="campaign-tags" tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'notContactedForDays']} label={t('campaigns.fields.notContactedForDays')}>
              <InputNumber min={1} max={3650} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name={['segment', 'churnRiskLevels']} label={t('campaigns.fields.churnRiskLevels')}>
              <Select
                mode="multiple"
                allowClear
                data-testid="campaign-churn-risk"
                options={CHURN_RISK_LEVELS.map((v) => ({ value: v, label: t(`churnRisk.level.${v}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {open && <SegmentPreviewCount segment={{ ...EMPTY_SEGMENT, ...segment }} category={category} />}
      </Form>
    </Drawer>
  );
}

function CampaignDrawer({ id, onClose, onEdit }: { id?: string; onClose: () => void; onEdit: (c: Campaign) => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const campaign = useQuery({ ...campaignQueries.detail(id ?? ''), enabled: !!id });
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={phone ? '100%' : 720}
      title={campaign.data?.name ?? t('campaigns.title')}
    >
      {campaign.isPending ? (
        <Skeleton active />
      ) : campaign.isError ? (
        <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />
      ) : (
        <CampaignDetail campaign={campaign.data} onEdit={onEdit} />
      )}
    </Drawer>
  );
}

function CampaignDetail({ campaign, onEdit }: { campaign: Campaign; onEdit: (c: Campaign) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const session = useSession();
  const move = useMoveCampaign();
  const mayChange =
    hasRole(session, 'MANAGER', 'ADMIN') ||
    session?.userId === campaign.ownerId ||
    session?.userId === campaign.createdBy;
  const go = async (to: 'launch' | 'close' | 'cancel') => {
    try {
      await move.mutateAsync({ id: campaign.id, version: campaign.version, to });
      message.success(t(`campaigns.done.${to}`));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const s = campaign.segment;
  const criteria = [
    ...s.abcTiers.map((v) => t(`tiers.abc.${v}.label`)),
    ...s.membershipLevels.map((v) => t(`tiers.level.${v}`)),
    ...s.lifecycleStages.map((v) => t(`enum.LifecycleStage.${v}`)),
    ...s.regions.map((v) => t(`enum.Region.${v}`)),
    ...s.tags,
    ...(s.notContactedForDays ? [t('campaigns.quietFor', { count: s.notContactedForDays })] : []),
    ...(s.churnRiskLevels ?? []).map((v) => t(`churnRisk.level.${v}`)),
    ...(s.contactIds ? [t('bulk.campaignSelected', { count: s.contactIds.length })] : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="campaign-detail">
      <Space wrap>
        <Tag color={STATE_COLORS[campaign.state]} data-testid="campaign-state">
          {t(`campaigns.state.${campaign.state}`)}
        </Tag>
        {mayChange && campaign.state === 'DRAFT' && (
          <>
            <Button onClick={() => onEdit(campaign)}>{t('campaigns.edit')}</Button>
            <Popconfirm title={t('campaigns.confirmLaunch')} onConfirm={() => go('launch')}>
              <Button type="primary" data-testid="campaign-launch" loading={move.isPending}>
                {t('campaigns.launch')}
              </Button>
            </Popconfirm>
            <Popconfirm title={t('campaigns.confirmCancel')} onConfirm={() => go('cancel')}>
              <Button danger>{t('campaigns.cancel')}</Button>
            </Popconfirm>
          </>
        )}
        {mayChange && campaign.state === 'LAUNCHED' && (
          <Popconfirm title={t('campaigns.confirmClose')} onConfirm={() => go('close')}>
            <Button>{t('campaigns.close')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('campaigns.fields.category')}>
          {t(`campaigns.category.${campaign.category}`)}
          {campaign.marketingConsentOnly && (
            <Typography.Text type="secondary"> · {t('campaigns.consentOnly')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.window')}>
          {format.date(campaign.startsOn)} – {format.date(campaign.endsOn)}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.owner')}>{campaign.ownerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.segment')}>
          {criteria.length ? criteria.join(' · ') : t('campaigns.everyone')}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.fields.script')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{campaign.script}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      {campaign.state === 'DRAFT' ? (
        <SegmentPreviewCount segment={campaign.segment} category={campaign.category} />
      ) : (
        campaign.launchedAt && (
          <>
            <Report id={campaign.id} />
            <Targets id={campaign.id} running={campaign.state === 'LAUNCHED'} />
          </>
        )
      )}
    </Space>
  );
}

const ratio = (value: number) => `${Math.round(value * 1000) / 10}%`;

function Report({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useQuery(campaignQueries.report(id));
  if (report.isPending) return <Skeleton active />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  const total = report.data.total;
  const outcomes = (c: CampaignCounts) =>
    `${t('campaigns.outcome.REACHED')} ${c.outcomeReached} · ${t('campaigns.outcome.NO_ANSWER')} ${c.noAnswer} · ${t(
      'campaigns.outcome.DECLINED',
    )} ${c.declined} · ${t('campaigns.outcome.BOOKED')} ${c.booked} · ${t('campaigns.pending')} ${c.pending}`;
  return (
    <Card size="small" title={t('campaigns.report')} data-testid="campaign-report">
      <Row gutter={[16, 8]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('campaigns.fields.targets')} value={total.targets} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('campaigns.reached')} value={total.reached} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('campaigns.purchased', { days: report.data.purchaseWindowDays })}
            value={total.purchased}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('campaigns.conversion')} value={ratio(total.conversion)} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {outcomes(total)}
      </Typography.Paragraph>
      <ResponsiveTable<CampaignCounts>
        data-testid="campaign-report-reps"
        size="small"
        rowKey={(r) => r.assigneeId ?? ''}
        pagination={false}
        dataSource={report.data.reps}
        columns={[
          { title: t('campaigns.rep'), dataIndex: 'assigneeName' },
          { title: t('campaigns.fields.targets'), dataIndex: 'targets', align: 'right' },
          { title: t('campaigns.reached'), dataIndex: 'reached', align: 'right' },
          { title: t('campaigns.outcome.BOOKED'), dataIndex: 'booked', align: 'right' },
          { title: t('campaigns.purchasedShort'), dataIndex: 'purchased', align: 'right' },
          {
            title: t('campaigns.conversion'),
            dataIndex: 'conversion',
            align: 'right',
            render: (v: number) => ratio(v),
          },
        ]}
        renderCard={(r) => (
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{r.assigneeName ?? '—'}</Typography.Text>
            <Typography.Text>
              {t('campaigns.repLine', {
                targets: r.targets,
                reached: r.reached,
                purchased: r.purchased,
                conversion: ratio(r.conversion),
              })}
            </Typography.Text>
          </Space>
        )}
      />
    </Card>
  );
}

function Targets({ id, running }: { id: string; running: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const targets = useQuery(campaignQueries.targets(id, page));
  const record = useRecordOutcome();
  const choose = async (target: CampaignTarget, outcome?: CampaignOutcome) => {
    if (!outcome) return;
    try {
      await record.mutateAsync({ target, outcome });
      message.success(t('campaigns.outcomeSaved'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const outcomeSelect = (target: CampaignTarget) => (
    <Select
      style={{ minWidth: 140 }}
      aria-label={t('campaigns.outcomeFor', { name: target.contactName })}
      placeholder={t('campaigns.pending')}
      value={(target.outcome as CampaignOutcome | null) ?? undefined}
      disabled={!running}
      options={OUTCOMES.map((o) => ({ value: o, label: t(`campaigns.outcome.${o}`) }))}
      onChange={(o) => choose(target, o)}
    />
  );
  return (
    <Card size="small" title={t('campaigns.targets')}>
      {targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => targets.refetch()} />
      ) : (
        <ResponsiveTable<CampaignTarget>
          data-testid="campaign-targets"
          size="small"
          rowKey="contactId"
          loading={targets.isPending}
          dataSource={targets.data?.items ?? []}
          pagination={{
            current: page + 1,
            pageSize: 20,
            total: targets.data?.total ?? 0,
            onChange: (p) => setPage(p - 1),
          }}
          columns={[
            {
              title: t('campaigns.customer'),
              dataIndex: 'contactName',
              render: (_, r) => <Link to={`/contacts/${r.contactId}`}>{r.contactName}</Link>,
            },
            { title: t('campaigns.outcomeTitle'), key: 'outcome', render: (_, r) => outcomeSelect(r) },
            {
              title: t('campaigns.purchasedShort'),
              dataIndex: 'purchased',
              render: (v: boolean) => (v ? <Tag color="green">{t('campaigns.yes')}</Tag> : '—'),
            },
          ]}
          renderCard={(r) => (
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Link to={`/contacts/${r.contactId}`}>{r.contactName}</Link>
              {outcomeSelect(r)}
              {r.purchased && <Tag color="green">{t('campaigns.purchasedShort')}</Tag>}
            </Space>
          )}
        />
      )}
    </Card>
  );
}
