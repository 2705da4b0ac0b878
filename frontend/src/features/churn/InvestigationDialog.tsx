import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/ui/ErrorState';
import { showFieldErrors, validValues } from '../../lib/forms';
import { type ChurnCause, type ChurnRecord, useInvestigateChurn } from './api';
import { CauseSelect } from './CauseSelect';

type Values = { cause: ChurnCause; analysis: string };

/** Records the cause found and the analysis of one churn (sent with the version it was read at). */
export function InvestigationDialog({ record, onClose }: { record?: ChurnRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (record)
      form.setFieldsValue({
        cause: (record.cause ?? undefined) as ChurnCause | undefined,
        analysis: record.analysis ?? '',
      });
  }, [record, form]);
  const save = useInvestigateChurn({
    onSuccess: () => {
      message.success(t('churn.investigation.saved'));
      onClose();
    },
    onError: (error) => {
      if (!showFieldErrors(form, error, ['cause', 'analysis'])) message.error(describeError(error, t));
    },
  });
  const handleOk = async () => {
    const values = await validValues(form);
    if (values && record) save.mutate({ record, cause: values.cause, analysis: values.analysis });
  };
  return (
    <Modal
      open={!!record}
      title={t('churn.investigation.title', { name: record?.contactName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="cause"
          label={t('churn.fields.cause')}
          rules={[{ required: true, message: t('churn.investigation.causeRequired') }]}
        >
          <CauseSelect />
        </Form.Item>
        <Form.Item
          name="analysis"
          label={t('churn.fields.analysis')}
          rules={[
            { required: true, whitespace: true, message: t('churn.investigation.analysisRequired') },
            { max: 2000 },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="churn-analysis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
