import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { showFieldErrors } from '../../lib/forms';
import { ACTIVITY_KINDS, type Activity, type ActivityKind, useCompleteActivity } from './api';
import { useActivityTitle } from './ActivityList';

const FIELDS = ['outcome'] as const;

type Values = {
  outcome?: string;
  logInteraction: boolean;
  planNext: boolean;
  nextKind: ActivityKind;
  nextDay: Dayjs;
  nextNote?: string;
};

/** Done → what came of it, logged as an interaction, and the next follow-up planned, in one step. */
export function CompleteActivityDialog({
  activity,
  onClose,
  onDone,
}: {
  activity: Activity;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const title = useActivityTitle();
  const [form] = Form.useForm<Values>();
  const planNext = Form.useWatch('planNext', form);
  const complete = useCompleteActivity();

  const submit = (values: Values) =>
    complete.mutate(
      {
        activity,
        body: {
          outcome: values.outcome,
          logInteraction: values.logInteraction,
          next: values.planNext
            ? { kind: values.nextKind, dueDate: values.nextDay.format('YYYY-MM-DD'), note: values.nextNote }
            : undefined,
        },
      },
      {
        onSuccess: (result) => {
          void message.success(result.next ? t('activities.doneAndPlanned') : t('activities.done'));
          onDone?.();
          onClose();
        },
        onError: (error) => {
          if (!showFieldErrors(form, error, FIELDS)) void message.error(describeError(error, t));
        },
      },
    );

  return (
    <Modal
      open
      title={`${t('activities.completeTitle')} · ${title(activity)}`}
      okText={t('activities.complete')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={complete.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          logInteraction: true,
          planNext: false,
          nextKind: activity.kind === 'FOLLOW_UP' ? 'CALL' : activity.kind,
          nextDay: dayjs().add(3, 'day'),
        }}
      >
        <Form.Item
          name="outcome"
          label={t('activities.outcome')}
          rules={[
            ({ getFieldValue }) => ({
              required: getFieldValue('logInteraction'),
              message: t('activities.outcomeRequired'),
            }),
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('activities.outcomeHint')} />
        </Form.Item>
        <Form.Item name="logInteraction" valuePropName="checked">
          <Checkbox>{t('activities.logInteraction')}</Checkbox>
        </Form.Item>
        <Form.Item name="planNext" valuePropName="checked" label={t('activities.planNext')}>
          <Switch aria-label={t('activities.planNext')} />
        </Form.Item>
        {planNext && (
          <Space wrap align="start">
            <Form.Item name="nextKind" label={t('activities.kindLabel')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(`activities.kind.${kind}`) }))}
              />
            </Form.Item>
            <Form.Item name="nextDay" label={t('activities.dueDay')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="nextNote" label={t('activities.note')}>
              <Input maxLength={2000} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
