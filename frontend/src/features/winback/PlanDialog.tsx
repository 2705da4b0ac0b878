import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api/client';
import { describeError } from '../../lib/errors';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useSession } from '../../lib/auth/useSession';
import { type WinbackPlan, type WinbackPlanRequest, winbackQueries, useSaveWinbackPlan } from './api';

type Source = 'HAND' | 'CHURN_REVIEW' | 'AT_RISK';
type RiskLevel = 'HIGH' | 'MEDIUM' | 'LOW';
type Values = Omit<WinbackPlanRequest, 'checkDate' | 'churnReviewMonth' | 'segment'> & {
  checkDate: Dayjs;
  source: Source;
  reviewMonth?: Dayjs;
  riskLevels?: RiskLevel[];
};
const FIELDS = ['name', 'goalPercent', 'goalDays', 'actions', 'script', 'ownerId', 'checkDate', 'contactIds'] as const;
const SOURCE_FIELDS = { churnReviewMonth: 'reviewMonth', segment: 'riskLevels' } as const;

/** The request's one source of customers, from what the form chose. */
function targetsOf(values: Values): Pick<WinbackPlanRequest, 'contactIds' | 'churnReviewMonth' | 'segment'> {
  if (values.source === 'CHURN_REVIEW') return { churnReviewMonth: values.reviewMonth?.format('YYYY-MM') };
  if (values.source === 'AT_RISK')
    return {
      segment: {
        abcTiers: [],
        membershipLevels: [],
        lifecycleStages: [],
        tags: [],
        regions: [],
        churnRiskLevels: values.riskLevels ?? [],
      },
    };
  return { contactIds: values.contactIds };
}

/**
 * PLAN: a new plan, or a change to one not yet started. The customers are picked by name, pinyin or mobile;
 * with nothing typed the list offers churned customers first.
 */
export function PlanDialog({
  plan,
  customers = [],
  fromReview,
  onClose,
}: {
  plan?: WinbackPlan;
  /** The plan's customers as { value: id, label: name }, when editing. */
  customers?: { value: string; label: string }[];
  /** A churn review's month (yyyy-MM) to take the customers from. */
  fromReview?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const [term, setTerm] = useState('');
  const [picked, setPicked] = useState(customers);
  const owners = useQuery(winbackQueries.owners());
  const found = useQuery(winbackQueries.customerSearch(term));
  const save = useSaveWinbackPlan();
  const options = [
    ...picked,
    ...(found.data?.items ?? [])
      .filter((contact) => !picked.some((p) => p.value === contact.id))
      .map((contact) => ({ value: contact.id, label: contact.name })),
  ];

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body: WinbackPlanRequest = {
      name: values.name,
      goalPercent: values.goalPercent,
      goalDays: values.goalDays,
      actions: values.actions,
      script: values.script,
      ownerId: values.ownerId,
      checkDate: values.checkDate.format('YYYY-MM-DD'),
      ...targetsOf(values),
    };
    save.mutate(
      { id: plan?.id, version: plan?.version, body },
      {
        onSuccess: (saved) => {
          void message.success(t('winback.saved'));
          onClose();
          if (!plan) navigate(`/winback/${saved.id}`);
        },
        onError: (error) => {
          const sourceShown =
            error instanceof ApiError &&
            error.problem.errors?.some((e) => e.field && e.field in SOURCE_FIELDS) &&
            (form.setFields(
              (error.problem.errors ?? [])
                .filter((e) => e.field && e.field in SOURCE_FIELDS)
                .map((e) => ({
                  name: SOURCE_FIELDS[e.field as keyof typeof SOURCE_FIELDS],
                  errors: [t('winback.sourceMatchesNone')],
                })),
            ),
            true);
          if (!sourceShown && !showFieldErrors(form, error, FIELDS)) void message.error(describeError(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={plan ? t('winback.edit') : t('winback.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="winback-plan-form"
        initialValues={
          plan
            ? {
                ...plan,
                script: plan.script ?? undefined,
                checkDate: dayjs(plan.checkDate),
                source: plan.source === 'CHURN_REVIEW' && plan.sourceRef ? 'CHURN_REVIEW' : 'HAND',
                reviewMonth: plan.sourceRef ? dayjs(`${plan.sourceRef}-01`) : undefined,
                contactIds: customers.map((c) => c.value),
              }
            : {
                goalPercent: 20,
                goalDays: 90,
                ownerId: session?.userId,
                checkDate: dayjs().add(30, 'day'),
                source: fromReview ? 'CHURN_REVIEW' : 'HAND',
                reviewMonth: fromReview ? dayjs(`${fromReview}-01`) : undefined,
                riskLevels: ['HIGH'],
                contactIds: [],
              }
        }
      >
        <Form.Item
          name="name"
          label={t('winback.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="source" label={t('winback.fields.source')}>
          <Radio.Group
            optionType="button"
            data-testid="winback-source"
            options={(['HAND', 'CHURN_REVIEW', 'AT_RISK'] as const).map((value) => ({
              value,
              label: t(`winback.source.${value}`),
            }))}
          />
        </Form.Item>
        {source === 'CHURN_REVIEW' ? (
          <Form.Item
            name="reviewMonth"
            label={t('winback.fields.reviewMonth')}
            extra={t('winback.reviewMonthHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker
              picker="month"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'month')}
            />
          </Form.Item>
        ) : source === 'AT_RISK' ? (
          <Form.Item
            name="riskLevels"
            label={t('winback.fields.riskLevels')}
            extra={t('winback.riskLevelsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
          >
            <Select
              mode="multiple"
              options={(['HIGH', 'MEDIUM', 'LOW'] as const).map((value) => ({
                value,
                label: t(`churnRisk.level.${value}`),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="contactIds"
            label={t('winback.fields.customers')}
            extra={t('winback.customersHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('winback.pickCustomers') }]}
          >
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setTerm}
              loading={found.isFetching}
              options={options}
              maxCount={500}
              onChange={(ids: string[]) => setPicked(options.filter((option) => ids.includes(option.value)))}
              data-testid="winback-customers"
            />
          </Form.Item>
        )}
        <Form.Item label={t('winback.fields.goal')} required style={{ marginBottom: 0 }}>
          <Form.Item
            name="goalPercent"
            rules={[{ required: true, message: t('common.required') }]}
            style={{ display: 'inline-block', width: 'calc(50% - 4px)' }}
          >
            <InputNumber
              min={1}
              max={100}
              suffix="%"
              style={{ width: '100%' }}
              aria-label={t('winback.fields.goalPercent')}
            />
          </Form.Item>
          <Form.Item
            name="goalDays"
            rules={[{ required: true, message: t('common.required') }]}
            style={{ display: 'inline-block', width: 'calc(50% - 4px)', marginInlineStart: 8 }}
          >
            <InputNumber
              min={1}
              max={365}
              suffix={t('winback.days')}
              style={{ width: '100%' }}
              aria-label={t('winback.fields.goalDays')}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item
          name="actions"
          label={t('winback.fields.actions')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('winback.actionsHint')} />
        </Form.Item>
        <Form.Item name="script" label={t('winback.fields.script')}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('winback.scriptHint')} />
        </Form.Item>
        <Form.Item
          name="ownerId"
          label={t('winback.fields.owner')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select showSearch optionFilterProp="label" loading={owners.isPending} options={owners.data ?? []} />
        </Form.Item>
        <Form.Item
          name="checkDate"
          label={t('winback.fields.checkDate')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
