import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../components/ui/ErrorState';
import { ApiError } from '../../lib/api/client';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { showFieldErrors } from '../../lib/forms';
import { type Contact, contactQueries, type ContactRequest, useCreateContact, useUpdateContact } from './api';
import { enumOptions } from '../../lib/enums';
import { ReferrerSelect } from './ReferrerSelect';

type FormValues = Omit<ContactRequest, 'birthday' | 'birthMonthDay'> & {
  birthday?: Dayjs | null;
  /** The birthday is known without the year: month and day instead of the date. */
  birthYearUnknown?: boolean;
  birthMonth?: number | null;
  birthDay?: number | null;
};

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
// The days of a month in a leap year: 29 February is a birthday too.
const daysIn = (month?: number | null) =>
  Array.from({ length: month ? dayjs(`2000-${pad(month)}-01`).daysInMonth() : 31 }, (_, i) => i + 1);

const FIELDS = [
  'name',
  'mobile',
  'email',
  'wechatId',
  'company',
  'industry',
  'region',
  'city',
  'birthday',
  'birthMonthDay',
  'sourceChannel',
  'preferredChannel',
  'tags',
  'hiddenNeeds',
  'personalityType',
  'lifecycleStage',
  'ownerId',
  'marketingConsent',
  'referredById',
] as const;

type ContactFormDrawerProps = {
  open: boolean;
  /** The contact to edit with the ETag it was read with; absent to create one. */
  editing?: { contact: Contact; etag: string };
  onClose: () => void;
  onSaved: (contact: Contact) => void;
  onStale?: () => void;
};

function toValues(contact?: Contact): FormValues {
  if (!contact) return { name: '', tags: [], lifecycleStage: 'POTENTIAL', marketingConsent: false };
  return {
    name: contact.name,
    mobile: contact.mobile,
    email: contact.email,
    wechatId: contact.wechatId,
    company: contact.company,
    industry: contact.industry,
    region: contact.region,
    city: contact.city,
    birthday: contact.birthday ? dayjs(contact.birthday) : undefined,
    birthYearUnknown: !!contact.birthMonthDay,
    birthMonth: contact.birthMonthDay ? Number(contact.birthMonthDay.slice(2, 4)) : undefined,
    birthDay: contact.birthMonthDay ? Number(contact.birthMonthDay.slice(5, 7)) : undefined,
    sourceChannel: contact.sourceChannel,
    preferredChannel: contact.preferredChannel,
    tags: contact.tags,
    hiddenNeeds: contact.hiddenNeeds,
    personalityType: contact.personalityType,
    lifecycleStage: contact.lifecycleStage,
    ownerId: contact.ownerId,
    marketingConsent: contact.marketingConsent,
    referredById: contact.referredById,
  };
}

function toRequest(values: FormValues): ContactRequest {
  const { birthYearUnknown, birthMonth, birthDay, birthday, ...rest } = values;
  const request: ContactRequest = {
    ...rest,
    birthday: !birthYearUnknown && birthday ? birthday.format('YYYY-MM-DD') : undefined,
    birthMonthDay: birthYearUnknown && birthMonth && birthDay ? `--${pad(birthMonth)}-${pad(birthDay)}` : undefined,
  };
  // Empty inputs are absent fields, not empty strings.
  FIELDS.forEach((key) => {
    if (request[key] === '' || request[key] === null) delete request[key];
  });
  return request;
}

export function ContactFormDrawer({ open, editing, onClose, onSaved, onStale }: ContactFormDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateContact();
  const update = useUpdateContact();
  const isManager = hasRole(session, 'MANAGER', 'ADMIN');
  const owners = useQuery({ ...contactQueries.owners(), enabled: open && isManager });

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toValues(editing?.contact));
    }
  }, [open, editing, form]);

  const save = async (confirmDuplicate: boolean) => {
    const body = toRequest(form.getFieldsValue(true));
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.contact.id, etag: editing.etag, body, confirmDuplicate })
        : await create.mutateAsync({ body, confirmDuplicate });
      message.success(t(editing ? 'contacts.saved' : 'contacts.created'));
      onSaved(saved);
      onClose();
    } catch (error) {
      handleError(error);
    }
  };

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && error.problem.existingId) {
      const first = error.problem.duplicates?.[0];
      const existingId = error.problem.existingId;
      const instance = modal.confirm({
        title: t('contacts.duplicateTitle'),
        content: (
          <div data-testid="duplicate-warning">
            <p>{first?.matchedOn === 'email' ? t('contacts.duplicateEmail') : t('contacts.duplicateMobile')}</p>
            {first && !first.visibleToYou && <p>{t('contacts.duplicateOtherOwner')}</p>}
          </div>
        ),
        okText: editing ? t('contacts.saveAnyway') : t('contacts.createAnyway'),
        cancelText: t('common.cancel'),
        onOk: () => save(true),
        footer: (_, { OkBtn, CancelBtn }) => (
          <Space>
            <CancelBtn />
            {first?.visibleToYou && (
              <Button
                onClick={() => {
                  instance.destroy();
                  onClose();
                  navigate(`/contacts/${existingId}`);
                }}
              >
                {t('contacts.openExisting')}
              </Button>
            )}
            <OkBtn />
          </Space>
        ),
      });
      return;
    }
    if (error instanceof ApiError && error.status === 412) {
      modal.warning({
        title: t('errors.staleTitle'),
        content: t('errors.stale'),
        okText: t('common.reload'),
        onOk: () => {
          onClose();
          onStale?.();
        },
      });
      return;
    }
    if (showFieldErrors(form, error, FIELDS)) {
      message.error(t('errors.validation'));
      return;
    }
    message.error(describeError(error, t));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={editing ? t('contacts.editTitle') : t('contacts.new')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="contact-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {/* One column on a phone (the drawer is full-screen there), two from 576 px. */}
      <Form<FormValues> form={form} layout="vertical" onFinish={() => save(false)}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('contacts.fields.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="company" label={t('contacts.fields.company')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mobile" label={t('contacts.fields.mobile')}>
              <Input maxLength={32} type="tel" inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={t('contacts.fields.email')}>
              <Input maxLength={254} type="email" inputMode="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="wechatId" label={t('contacts.fields.wechatId')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="industry" label={t('contacts.fields.industry')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="region" label={t('contacts.fields.region')}>
              <Select allowClear options={enumOptions(t, 'Region')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="city" label={t('contacts.fields.city')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('contacts.fields.birthday')} style={{ marginBottom: 0 }}>
              <Form.Item
                noStyle
                shouldUpdate={(a, b) => a.birthYearUnknown !== b.birthYearUnknown || a.birthMonth !== b.birthMonth}
              >
                {({ getFieldValue }) =>
                  getFieldValue('birthYearUnknown') ? (
                    <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
                      <Form.Item name="birthMonth" noStyle>
                        <Select
                          allowClear
                          aria-label={t('contacts.birthMonth')}
                          placeholder={t('contacts.birthMonth')}
                          options={MONTHS.map((m) => ({ value: m, label: t('contacts.monthLabel', { month: m }) }))}
                          onChange={() => form.setFieldValue('birthDay', undefined)}
                        />
                      </Form.Item>
                      <Form.Item name="birthDay" noStyle>
                        <Select
                          allowClear
                          aria-label={t('contacts.birthDay')}
                          placeholder={t('contacts.birthDay')}
                          options={daysIn(getFieldValue('birthMonth')).map((d) => ({
                            value: d,
                            label: t('contacts.dayLabel', { day: d }),
                          }))}
                        />
                      </Form.Item>
                    </Space.Compact>
                  ) : (
                    <Form.Item name="birthday" noStyle>
                      <DatePicker
                        style={{ width: '100%', marginBottom: 8 }}
                        aria-label={t('contacts.fields.birthday')}
                        disabledDate={(day) => day.isAfter(dayjs())}
                      />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name="birthYearUnknown" valuePropName="checked" style={{ marginBottom: 16 }}>
                <Checkbox data-testid="birth-year-unknown">{t('contacts.birthYearUnknown')}</Checkbox>
              </Form.Item>
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="lifecycleStage" label={t('contacts.fields.lifecycleStage')}>
              <Select options={enumOptions(t, 'LifecycleStage')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceChannel" label={t('contacts.fields.sourceChannel')}>
              <Select allowClear options={enumOptions(t, 'SourceChannel')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="preferredChannel" label={t('contacts.fields.preferredChannel')}>
              <Select allowClear options={enumOptions(t, 'ContactChannel')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="personalityType" label={t('contacts.fields.personalityType')}>
              <Select allowClear options={enumOptions(t, 'PersonalityType')} />
            </Form.Item>
          </Col>
          {isManager && (
            <Col xs={24} sm={12}>
              <Form.Item name="ownerId" label={t('contacts.fields.owner')}>
                <Select allowClear showSearch optionFilterProp="label" options={owners.data ?? []} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12}>
            <Form.Item name="referredById" label={t('contacts.fields.referredById')} extra={t('contacts.referrerHint')}>
              <ReferrerSelect currentName={editing?.contact.referredByName} excludeId={editing?.contact.id} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('contacts.fields.tags')}>
              <Select
                mode="tags"
                placeholder={t('contacts.tagsPlaceholder')}
                maxCount={20}
                open={false}
                suffixIcon={null}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="hiddenNeeds" label={t('contacts.fields.hiddenNeeds')}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={t('contacts.hiddenNeedsPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="marketingConsent" label={t('contacts.fields.marketingConsent')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
