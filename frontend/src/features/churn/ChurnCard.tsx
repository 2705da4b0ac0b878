import { StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { type ChurnCause, churnQueries, useChurnContact } from './api';
import { CauseSelect } from './CauseSelect';
import { CauseTag } from './CauseTag';

type ChurnCardProps = {
  contactId: string;
  /** The owner rep, a manager or an admin, on a customer not churned already and not archived. */
  canChurn: boolean;
  /** The customer's lifecycle changed: the page refreshes what it shows about it. */
  onChanged?: () => void;
};

/** A customer's churns (kept when the customer comes back) and, for who may, "mark as churned" with cause and note. */
export function ChurnCard({ contactId, canChurn, onChanged }: ChurnCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(churnQueries.ofContact(contactId));
  const [marking, setMarking] = useState(false);
  return (
    <Card
      size="small"
      title={t('churn.card.title')}
      data-testid="contact-churn"
      extra={
        canChurn && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setMarking(true)} data-testid="churn-mark">
            {t('churn.card.mark')}
          </Button>
        )
      }
    >
      {history.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => history.refetch()} />
      ) : history.data.length === 0 ? (
        <Typography.Text type="secondary">{t('churn.card.none')}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {history.data.map((record) => (
            <div key={record.id} data-testid="churn-entry">
              <Space wrap>
                <Typography.Text strong>{format.date(record.churnedAt)}</Typography.Text>
                <CauseTag cause={record.cause} normal={record.normal} />
                <Typography.Text type="secondary">{t(`churn.method.${record.method}`)}</Typography.Text>
              </Space>
              {record.analysis && <Typography.Paragraph style={{ margin: 0 }}>{record.analysis}</Typography.Paragraph>}
              {record.investigatedByName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('churn.card.investigated', {
                    name: record.investigatedByName,
                    at: format.dateTime(record.investigatedAt ?? undefined),
                  })}
                </Typography.Text>
              )}
              {record.wonBackAt && (
                <div>
                  <Typography.Text type="success">
                    {t('churn.card.wonBack', { at: format.date(record.wonBackAt) })}
                  </Typography.Text>
                </div>
              )}
            </div>
          ))}
        </Space>
      )}
      <MarkChurnedDialog
        contactId={contactId}
        open={marking}
        onClose={() => setMarking(false)}
        onChurned={() => {
          setMarking(false);
          onChanged?.();
        }}
      />
    </Card>
  );
}

type MarkValues = { cause?: ChurnCause; note?: string };

function MarkChurnedDialog(props: { contactId: string; open: boolean; onClose: () => void; onChurned: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<MarkValues>();
  const churn = useChurnContact({
    onSuccess: () => {
      message.success(t('churn.card.marked'));
      props.onChurned();
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, ['cause', 'note'])) message.error(describeError(error, t));
    },
  });
  const handleOk = async () => {
    const values = await validValues(form);
    if (values)
      churn.mutate({ contactId: props.contactId, cause: values.cause, note: values.note?.trim() || undefined });
  };
  return (
    <Modal
      open={props.open}
      title={t('churn.card.mark')}
      okText={t('churn.card.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={handleOk}
      onCancel={props.onClose}
      confirmLoading={churn.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('churn.card.explain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="cause" label={t('churn.fields.cause')} extra={t('churn.card.causeLater')}>
          <CauseSelect allowClear />
        </Form.Item>
        <Form.Item name="note" label={t('churn.fields.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="churn-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
