import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { showFieldErrors } from '../../lib/forms';
import { ACTIVITY_KINDS, type ActivityKind, useCreateActivity } from './api';

const FIELDS = ['kind', 'title', 'note', 'priority'] as const;

type Values = {
  kind: ActivityKind;
  title?: string;
  day: Dayjs;
  priority: 'LOW' | 'NORMAL' | 'HIGH';
  note?: string;
};

/** The form behind {@link PlanActivityButton}: its own chunk, so pages load antd's forms and date picker when asked. */
export default function PlanActivityDialog({
  contactId,
  open,
  onClose,
}: {
  contactId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const submit = (values: Values) =>
    create.mutate(
      {
        contactId,
        kind: values.kind,
        title: values.title,
        note: values.note,
        priority: values.priority,
        dueDate: values.day.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('activities.planned'));
          onClose();
          form.resetFields();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, FIELDS)) void message.error(describeError(error, t));
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('activities.plan')}
      okText={t('activities.plan')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'CALL', priority: 'NORMAL', day: dayjs().add(1, 'day') }}
      >
        <Form.Item name="kind" label={t('activities.kindLabel')} rules={[{ required: true }]}>
          <Select options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`activities.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('activities.titleLabel')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="day" label={t('activities.dueDay')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="priority" label={t('activities.priorityLabel')}>
          <Select
            options={(['HIGH', 'NORMAL', 'LOW'] as const).map((p) => ({
              value: p,
              label: t(`activities.priority.${p}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('activities.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
