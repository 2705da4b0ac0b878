import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { ExportButton } from '../../components/ui/ExportButton';
import { LevelTag, TierTag } from '../../components/ui/ValueBadges';
import { useFormat } from '../../lib/format';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  type CustomerValue,
  type Purchase,
  type PurchaseChannel as Channel,
  useRecordSale,
  useRefundPurchase,
} from './api';

const CHANNELS: Channel[] = ['STORE', 'ONLINE', 'PHONE', 'WECHAT', 'EVENT', 'OTHER'];

type SaleForm = { amount: number; channel: Channel; occurredAt: Dayjs; externalOrderId?: string };
type RefundForm = { amount: number; reason: string };

/**
 * The customer's value on the 360 view (tier, quadrant with what to do, level, RFM, CLV) and their
 * purchases, with recording a sale and refunding one. Each dialog sends one Idempotency-Key, so a
 * double click or a retry after a network error never records twice. The page that shows the card
 * refreshes what a sale changes (the overview, the points) in onChanged.
 */
export function CustomerValueCard({
  contactId,
  value,
  purchases,
  canRecord,
  onChanged,
}: {
  contactId: string;
  value?: CustomerValue | null;
  purchases: Purchase[];
  canRecord: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [saleKey, setSaleKey] = useState<string | null>(null);
  const [refunding, setRefunding] = useState<{ purchase: Purchase; key: string } | null>(null);
  const [saleForm] = Form.useForm<SaleForm>();
  const [refundForm] = Form.useForm<RefundForm>();

  const recordSale = useRecordSale();
  const refund = useRefundPurchase();

  const openSale = () => {
    saleForm.resetFields();
    saleForm.setFieldsValue({ channel: 'STORE', occurredAt: dayjs() });
    setSaleKey(crypto.randomUUID());
  };
  const handleSale = async () => {
    const values = await validValues(saleForm);
    if (!values) return;
    try {
      await recordSale.mutateAsync({
        idempotencyKey: saleKey ?? undefined,
        body: {
          contactId,
          amount: values.amount,
          channel: values.channel,
          occurredAt: values.occurredAt.toISOString(),
          externalOrderId: values.externalOrderId || undefined,
        },
      });
      message.success(t('purchases.recorded'));
      setSaleKey(null);
      await onChanged();
    } catch (error) {
      if (!showFieldErrors(saleForm, error, ['amount', 'channel', 'occurredAt', 'externalOrderId']))
        message.error(describeError(error, t));
    }
  };
  const handleRefund = async () => {
    const values = await validValues(refundForm);
    if (!values) return;
    try {
      await refund.mutateAsync({
        purchaseId: refunding?.purchase.id ?? '',
        idempotencyKey: refunding?.key,
        body: { amount: values.amount, reason: values.reason },
      });
      message.success(t('purchases.refunded'));
      setRefunding(null);
      await onChanged();
    } catch (error) {
      if (!showFieldErrors(refundForm, error, ['amount', 'reason'])) message.error(describeError(error, t));
    }
  };

  return (
    <Card
      size="small"
      title={t('purchases.title')}
      data-testid="customer-value"
      extra={
        <Space size={4}>
          <ExportButton list="purchases" params={{ contactId }} />
          {canRecord && (
            <Button size="small" icon={<PlusOutlined />} onClick={openSale} data-testid="purchase-new">
              {t('purchases.record')}
            </Button>
          )}
        </Space>
      }
    >
      {value ? (
        <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
          <Space wrap>
            <TierTag tier={value.abcTier} />
            {value.abcdQuadrant && <Tag>{t('tiers.quadrant.label', { quadrant: value.abcdQuadrant })}</Tag>}
            <LevelTag level={value.membershipLevel} />
          </Space>
          {value.abcdQuadrant && (
            <Typography.Text type="secondary" data-testid="quadrant-action">
              {t(`tiers.quadrant.${value.abcdQuadrant}.action`)}
            </Typography.Text>
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'revenue', label: t('purchases.revenue12'), children: format.money(value.revenue) },
              { key: 'count', label: t('purchases.count12'), children: value.purchaseCount },
              { key: 'aov', label: t('purchases.averageOrder'), children: format.money(value.averageOrder) },
              { key: 'clv', label: t('purchases.clv'), children: value.clv == null ? '—' : format.money(value.clv) },
              {
                key: 'rfm',
                label: 'RFM',
                children: value.rfmRecency ? `${value.rfmRecency}-${value.rfmFrequency}-${value.rfmMonetary}` : '—',
              },
              { key: 'last', label: t('purchases.lastPurchase'), children: format.date(value.lastPurchaseAt) },
            ]}
          />
        </Space>
      ) : null}
      {purchases.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('purchases.none')} />
      ) : (
        <Table<Purchase>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={purchases}
          data-testid="purchase-table"
          columns={[
            { title: t('purchases.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => format.date(v) },
            {
              title: t('purchases.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: number, p) => (
                <Space direction="vertical" size={0}>
                  <span>{format.money(v)}</span>
                  {p.refundedAmount > 0 && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      −{format.money(p.refundedAmount)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('purchases.channel'),
              dataIndex: 'channel',
              render: (v: string) => t(`purchases.channels.${v}`),
            },
            ...(canRecord
              ? [
                  {
                    key: 'refund',
                    render: (_: unknown, p: Purchase) =>
                      p.netAmount > 0 && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => {
                            refundForm.resetFields();
                            refundForm.setFieldsValue({ amount: p.netAmount });
                            setRefunding({ purchase: p, key: crypto.randomUUID() });
                          }}
                        >
                          {t('purchases.refund')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Modal
        open={!!saleKey}
        title={t('purchases.record')}
        onCancel={() => setSaleKey(null)}
        onOk={handleSale}
        confirmLoading={recordSale.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<SaleForm> form={saleForm} layout="vertical" preserve={false} data-testid="purchase-form">
          <Form.Item
            name="amount"
            label={t('purchases.amount')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} addonBefore="¥" />
          </Form.Item>
          <Form.Item name="channel" label={t('purchases.channel')} rules={[{ required: true }]}>
            <Select options={CHANNELS.map((value) => ({ value, label: t(`purchases.channels.${value}`) }))} />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('purchases.occurredAt')} rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="externalOrderId" label={t('purchases.externalOrderId')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!refunding}
        title={t('purchases.refundTitle', { amount: format.money(refunding?.purchase.netAmount) })}
        onCancel={() => setRefunding(null)}
        onOk={handleRefund}
        confirmLoading={refund.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<RefundForm> form={refundForm} layout="vertical" preserve={false}>
          <Form.Item
            name="amount"
            label={t('purchases.refundAmount')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} addonBefore="¥" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('purchases.reason')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
