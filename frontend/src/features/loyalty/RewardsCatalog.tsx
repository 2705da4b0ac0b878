import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { usePhone } from '../../components/ui/usePhone';
import { LevelTag } from '../../components/ui/ValueBadges';
import { enumOptions, MEMBERSHIP_LEVELS } from '../../lib/enums';
import { useFormat } from '../../lib/format';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  fetchRewardForEdit,
  loyaltyQueries,
  type Reward,
  type RewardRequest,
  useSaveReward,
  useToggleRewardArchived,
} from './api';

type RewardForm = Omit<RewardRequest, 'activeFrom' | 'activeUntil'> & { window?: [Dayjs | null, Dayjs | null] };
const FIELDS = ['name', 'description', 'kind', 'pointsCost', 'stock', 'activeFrom', 'activeUntil', 'levelRequired'];

/** The rewards catalog: everyone reads it, managers and admins keep it (edits carry If-Match). */
export function RewardsCatalog({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const phone = usePhone();
  const [page, setPage] = useState(0);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ reward?: Reward; etag?: string } | null>(null);
  const [form] = Form.useForm<RewardForm>();
  const rewards = useQuery(loyaltyQueries.rewards(page, showArchived));
  const save = useSaveReward();
  const archive = useToggleRewardArchived({ onError: (error) => message.error(describeError(error, t)) });

  const open = async (reward?: Reward) => {
    form.resetFields();
    if (!reward) {
      form.setFieldsValue({ kind: 'PRODUCT' });
      setEditing({});
      return;
    }
    try {
      const { reward: fresh, etag } = await fetchRewardForEdit(reward.id);
      form.setFieldsValue({
        ...fresh,
        window: [
          fresh.activeFrom ? dayjs(fresh.activeFrom) : null,
          fresh.activeUntil ? dayjs(fresh.activeUntil) : null,
        ],
      });
      setEditing({ reward: fresh, etag });
    } catch (error) {
      message.error(describeError(error, t));
    }
  };
  const handleSave = async () => {
    const valid = await validValues(form);
    if (!valid) return;
    const { window, ...values } = valid;
    try {
      await save.mutateAsync({
        editing: editing?.reward ? { id: editing.reward.id, etag: editing.etag } : undefined,
        body: { ...values, activeFrom: window?.[0]?.toISOString(), activeUntil: window?.[1]?.toISOString() },
      });
      message.success(t('rewards.saved'));
      setEditing(null);
    } catch (error) {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    }
  };

  if (rewards.isError) return <ErrorState error={rewards.error} onRetry={() => rewards.refetch()} />;
  const availability = (r: Reward) =>
    r.archived ? (
      <Tag>{t('rewards.archived')}</Tag>
    ) : r.available ? (
      <Tag color="green">{t('rewards.available')}</Tag>
    ) : (
      <Tag color="orange">{t('rewards.unavailable')}</Tag>
    );
  const windowText = (r: Reward) =>
    r.activeFrom || r.activeUntil
      ? `${format.date(r.activeFrom)} – ${format.date(r.activeUntil)}`
      : t('rewards.always');
  const actions = (r: Reward) => (
    <Space size={0} wrap>
      <Button size="small" type="link" onClick={() => open(r)}>
        {t('common.edit')}
      </Button>
      <Button size="small" type="link" onClick={() => archive.mutate(r)}>
        {r.archived ? t('rewards.restore') : t('rewards.archive')}
      </Button>
    </Space>
  );
  const toolbar = canEdit && (
    <Space wrap>
      {/* The words beside the switch name it and toggle it too. */}
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 4, cursor: 'pointer' }}>
        <Switch
          size="small"
          checked={showArchived}
          aria-label={t('rewards.showArchived')}
          onChange={(v) => {
            setShowArchived(v);
            setPage(0);
          }}
        />
        <span>{t('rewards.showArchived')}</span>
      </label>
      <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => open()} data-testid="reward-new">
        {t('rewards.new')}
      </Button>
    </Space>
  );
  return (
    <Card size="small" title={t('rewards.title')} data-testid="rewards-catalog" extra={phone ? undefined : toolbar}>
      {phone && toolbar && <div style={{ marginBottom: 12 }}>{toolbar}</div>}
      <ResponsiveTable<Reward>
        size="small"
        rowKey="id"
        renderCard={(r) => (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{r.name}</Typography.Text>
              {availability(r)}
            </Space>
            {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
            <Typography.Text>
              {t(`enum.RewardKind.${r.kind}`)} · {t('rewards.pointsCostValue', { points: r.pointsCost })} ·{' '}
              {t('rewards.stock')} {r.stock == null ? t('rewards.unlimited') : r.stock}
            </Typography.Text>
            <Space wrap size={4}>
              {r.levelRequired ? <LevelTag level={r.levelRequired} /> : <Tag>{t('rewards.everyone')}</Tag>}
              <Typography.Text>
                {t('rewards.window')}: {windowText(r)}
              </Typography.Text>
            </Space>
            {canEdit && actions(r)}
          </Space>
        )}
        loading={rewards.isPending}
        dataSource={rewards.data?.items ?? []}
        pagination={{
          current: page + 1,
          pageSize: 20,
          total: rewards.data?.total ?? 0,
          onChange: (p) => setPage(p - 1),
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('rewards.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{v}</Typography.Text>
                {r.description && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.description}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('rewards.kind'), dataIndex: 'kind', render: (v: string) => t(`enum.RewardKind.${v}`) },
          { title: t('rewards.pointsCost'), dataIndex: 'pointsCost', align: 'right' },
          {
            title: t('rewards.stock'),
            dataIndex: 'stock',
            align: 'right',
            render: (v?: number) => (v == null ? t('rewards.unlimited') : v),
          },
          {
            title: t('rewards.levelRequired'),
            dataIndex: 'levelRequired',
            render: (v?: Reward['levelRequired']) => (v ? <LevelTag level={v} /> : t('rewards.everyone')),
          },
          {
            title: t('rewards.window'),
            key: 'window',
            render: (_: unknown, r) => windowText(r),
          },
          {
            title: t('rewards.status'),
            key: 'status',
            render: (_: unknown, r) => availability(r),
          },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, r: Reward) => actions(r),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!editing}
        title={editing?.reward ? t('rewards.edit') : t('rewards.new')}
        onCancel={() => setEditing(null)}
        onOk={handleSave}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<RewardForm> form={form} layout="vertical" preserve={false} data-testid="reward-form">
          <Form.Item
            name="name"
            label={t('rewards.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="description" label={t('rewards.description')}>
            <Input.TextArea maxLength={1000} rows={2} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={8}>
              <Form.Item name="kind" label={t('rewards.kind')} rules={[{ required: true }]}>
                <Select options={enumOptions(t, 'RewardKind')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item
                name="pointsCost"
                label={t('rewards.pointsCost')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={1} max={10000000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="stock" label={t('rewards.stock')} extra={t('rewards.stockHint')}>
                <InputNumber min={0} max={10000000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="levelRequired" label={t('rewards.levelRequired')}>
            <Select
              allowClear
              placeholder={t('rewards.everyone')}
              options={MEMBERSHIP_LEVELS.map((v) => ({ value: v, label: t(`tiers.level.${v}`) }))}
            />
          </Form.Item>
          <Form.Item name="window" label={t('rewards.window')}>
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
