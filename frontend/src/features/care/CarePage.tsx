import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { showFieldErrors, validValues } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { type CarePolicy, type CarePolicyRequest, careQueries, type Occasion, useSaveCarePolicy } from './api';

const OCCASIONS: Occasion[] = [
  'BIRTHDAY',
  'PURCHASE_ANNIVERSARY',
  'NEW_YEAR',
  'WOMENS_DAY',
  'LABOUR_DAY',
  'NATIONAL_DAY',
  'SPRING_FESTIVAL',
  'LANTERN_FESTIVAL',
  'DRAGON_BOAT',
  'QIXI',
  'MID_AUTUMN',
  'DOUBLE_NINTH',
];
const POLICY_FIELDS = ['daysBefore', 'occasions', 'callAbcTiers', 'callMinLevel', 'greetingZh', 'greetingEn'] as const;

/** The care calendar (关怀日历): the year's holidays, solar and lunar, and the care policy that turns occasions into activities. */
export function CarePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <div className="gx-page">
      <PageTitle>{t('care.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('care.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <HolidaysCard />
        {hasRole(session, 'MANAGER', 'ADMIN') && <PolicyCard canEdit={hasRole(session, 'ADMIN')} />}
      </Space>
    </div>
  );
}

function HolidaysCard() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [year, setYear] = useState(() => dayjs().year());
  const holidays = useQuery(careQueries.holidays(year));
  return (
    <Card
      size="small"
      data-testid="care-holidays"
      title={
        <Space>
          <Button
            type="text"
            icon={<LeftOutlined />}
            aria-label={t('care.previousYear')}
            onClick={() => setYear((y) => y - 1)}
          />
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('care.holidays', { year })}
          </Typography.Title>
          <Button
            type="text"
            icon={<RightOutlined />}
            aria-label={t('care.nextYear')}
            onClick={() => setYear((y) => y + 1)}
          />
        </Space>
      }
    >
      {holidays.isPending ? (
        <Skeleton active />
      ) : holidays.isError ? (
        <ErrorState error={holidays.error} onRetry={() => holidays.refetch()} />
      ) : (
        <ul className="gx-holidays">
          {holidays.data.holidays.map((holiday) => (
            <li key={holiday.code} data-testid="holiday">
              <span className="gx-holiday-date">{date(holiday.date)}</span>
              <span className="gx-holiday-name">{t(`care.occasion.${holiday.code}`)}</span>
              <Tag color={holiday.calendar === 'LUNAR' ? 'red' : 'blue'}>
                {holiday.calendar === 'LUNAR'
                  ? t('care.lunarDate', { month: holiday.month, day: holiday.day })
                  : t('care.solar')}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function toRequest(policy: CarePolicy): CarePolicyRequest {
  return {
    daysBefore: policy.daysBefore,
    occasions: policy.occasions,
    callAbcTiers: policy.callAbcTiers,
    callMinLevel: policy.callMinLevel ?? undefined,
    greetingZh: policy.greetingZh,
    greetingEn: policy.greetingEn,
  };
}

function PolicyCard({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CarePolicyRequest>();
  const policy = useQuery(careQueries.policy());
  useEffect(() => {
    if (policy.data) form.setFieldsValue(toRequest(policy.data));
  }, [policy.data, form]);
  const save = useSaveCarePolicy({
    onSuccess: (saved) => message.success(t('care.policy.saved', { version: saved.version })),
    onError: (error) => {
      if (!showFieldErrors(form, error, [...POLICY_FIELDS])) message.error(describeError(error, t));
    },
  });
  if (policy.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => policy.refetch()} />;
  const title = (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {t('care.policy.title', { version: policy.data.version })}
    </Typography.Title>
  );
  const p = policy.data;
  if (!canEdit) {
    return (
      <Card size="small" title={title} data-testid="care-policy">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'daysBefore', label: t('care.policy.daysBefore'), children: p.daysBefore },
            {
              key: 'occasions',
              label: t('care.policy.occasions'),
              children: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
                p.occasions.map((o) => t(`care.occasion.${o}`)),
              ),
            },
            {
              key: 'call',
              label: t('care.policy.call'),
              children: t('care.policy.callRule', {
                tiers: p.callAbcTiers.join('/') || '—',
                level: p.callMinLevel ? t(`tiers.level.${p.callMinLevel}`) : '—',
              }),
            },
            { key: 'greetingZh', label: t('care.policy.greetingZh'), children: p.greetingZh },
            { key: 'greetingEn', label: t('care.policy.greetingEn'), children: p.greetingEn },
          ]}
        />
      </Card>
    );
  }
  const submit = async () => {
    const values = await validValues(form);
    if (values) save.mutate({ version: p.version, body: values });
  };
  return (
    <Card size="small" title={title} data-testid="care-policy">
      <Typography.Paragraph type="secondary">{t('care.policy.consentNote')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="daysBefore"
          label={t('care.policy.daysBefore')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber min={0} max={30} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="occasions" label={t('care.policy.occasions')}>
          <Checkbox.Group
            className="gx-checkbox-grid"
            options={OCCASIONS.map((o) => ({ value: o, label: t(`care.occasion.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="callAbcTiers" label={t('care.policy.callAbcTiers')}>
          <Checkbox.Group options={['A', 'B', 'C'].map((tier) => ({ value: tier, label: tier }))} />
        </Form.Item>
        <Form.Item name="callMinLevel" label={t('care.policy.callMinLevel')}>
          <Select
            allowClear
            aria-label={t('care.policy.callMinLevel')}
            style={{ maxWidth: 240 }}
            options={['SILVER', 'GOLD', 'PLATINUM'].map((level) => ({
              value: level,
              label: t(`tiers.level.${level}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="greetingZh"
          label={t('care.policy.greetingZh')}
          extra={t('care.policy.placeholders')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="greetingEn"
          label={t('care.policy.greetingEn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('care.policy.save')}
        </Button>
      </Form>
    </Card>
  );
}
