import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
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

/** Plans an activity about a customer, for yourself (label, class and test id for the 360 view's action bar). */
export function PlanActivityButton({
  contactId,
  label,
  className,
  testId = 'plan-activity',
}: {
  contactId: string;
  label?: string;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
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
          setOpen(false);
          form.resetFields();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, FIELDS)) void message.error(describeError(error, t));
        },
      },
    );
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} className={className} data-testid={testId}>
        {label ?? t('activities.plan')}
      </Button>
      <Modal
        open={open}
        title={t('activities.plan')}
        okText={t('activities.plan')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
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
    </>
  );
}
