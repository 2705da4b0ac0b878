import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { enumOptions } from '../../lib/enums';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  type AssignmentRule,
  type AssignmentRuleRequest,
  fetchAssignmentRuleForEdit,
  leadQueries,
  useDeleteAssignmentRule,
  useSaveAssignmentRule,
} from './api';

const FIELDS = ['position', 'name', 'region', 'industry', 'minScore', 'assigneeIds', 'strategy', 'active'];

/** Managers order the rules that decide who works a new lead: region, industry, minimum score → a rep or a pool. */
export function AssignmentRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignmentRuleRequest>();
  const [editing, setEditing] = useState<{ rule?: AssignmentRule; etag?: string } | null>(null);
  const rules = useQuery(leadQueries.rules());
  const reps = useQuery(leadQueries.salesReps());
  const repNames = new Map((reps.data?.items ?? []).map((user) => [user.id, user.displayName]));

  const save = useSaveAssignmentRule();
  const remove = useDeleteAssignmentRule({ onError: (error) => message.error(describeError(error, t)) });

  const openEdit = async (rule?: AssignmentRule) => {
    form.resetFields();
    if (!rule) {
      const last = Math.max(0, ...(rules.data ?? []).map((r) => r.position));
      form.setFieldsValue({ position: last + 10, strategy: 'ROUND_ROBIN', active: true, assigneeIds: [] });
      setEditing({});
      return;
    }
    const { rule: fresh, etag } = await fetchAssignmentRuleForEdit(rule.id);
    form.setFieldsValue({ ...fresh });
    setEditing({ rule: fresh, etag });
  };

  const handleSave = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await save.mutateAsync({
        editing: editing?.rule ? { id: editing.rule.id, etag: editing.etag } : undefined,
        body: values,
      });
      message.success(t('rules.saved'));
      setEditing(null);
    } catch (error) {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    }
  };

  const assignees = (ids: string[]) => ids.map((id) => <Tag key={id}>{repNames.get(id) ?? id.slice(0, 8)}</Tag>);
  const activeTag = (value: boolean) => (
    <Tag color={value ? 'green' : 'default'}>{value ? t('common.yes') : t('common.no')}</Tag>
  );
  const actions = (rule: AssignmentRule) => (
    <Space wrap>
      <Button
        size="small"
        onClick={() => openEdit(rule).catch((error: unknown) => message.error(describeError(error, t)))}
      >
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('rules.confirmDelete')}
        onConfirm={() => remove.mutate(rule.id)}
        okText={t('common.yes')}
        cancelText={t('common.no')}
      >
        <Button size="small" danger>
          {t('rules.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <div className="gx-page">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('rules.title')}
          </Typography.Title>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEdit()} data-testid="rule-new">
            {t('rules.new')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
        {rules.isError ? (
          <ErrorState error={rules.error} onRetry={() => rules.refetch()} />
        ) : (
          <ResponsiveTable<AssignmentRule>
            rowKey="id"
            data-testid="rule-table"
            renderCard={(rule) => (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>
                    {rule.position}. {rule.name}
                  </Typography.Text>
                  {activeTag(rule.active)}
                </Space>
                <Typography.Text>
                  {rule.region ? t(`enum.Region.${rule.region}`) : t('rules.any')} · {rule.industry ?? t('rules.any')}
                  {rule.minScore != null && ` · ${t('rules.fields.minScore')} ${rule.minScore}`}
                </Typography.Text>
                <Space wrap size={4}>
                  {assignees(rule.assigneeIds)}
                  <Typography.Text>{t(`rules.strategy.${rule.strategy}`)}</Typography.Text>
                </Space>
                {actions(rule)}
              </Space>
            )}
            loading={rules.isFetching}
            dataSource={rules.data ?? []}
            pagination={false}
            columns={[
              { title: t('rules.fields.position'), dataIndex: 'position', width: 80 },
              { title: t('rules.fields.name'), dataIndex: 'name' },
              {
                title: t('rules.fields.region'),
                dataIndex: 'region',
                render: (value?: string) => (value ? t(`enum.Region.${value}`) : t('rules.any')),
              },
              {
                title: t('rules.fields.industry'),
                dataIndex: 'industry',
                render: (value?: string) => value ?? t('rules.any'),
              },
              { title: t('rules.fields.minScore'), dataIndex: 'minScore', render: (value?: number) => value ?? '—' },
              {
                title: t('rules.fields.assigneeIds'),
                dataIndex: 'assigneeIds',
                render: (ids: string[]) => assignees(ids),
              },
              {
                title: t('rules.fields.strategy'),
                dataIndex: 'strategy',
                render: (value: string) => t(`rules.strategy.${value}`),
              },
              {
                title: t('rules.fields.active'),
                dataIndex: 'active',
                render: (value: boolean) => activeTag(value),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, rule) => actions(rule),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={!!editing}
        title={editing?.rule ? t('rules.editTitle') : t('rules.new')}
        onCancel={() => setEditing(null)}
        onOk={handleSave}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<AssignmentRuleRequest> form={form} layout="vertical" preserve={false} data-testid="rule-form">
          <Form.Item
            name="name"
            label={t('rules.fields.name')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          {/* Two across where they fit, one under the other on a phone. */}
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="position"
                label={t('rules.fields.position')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="region" label={t('rules.fields.region')}>
                <Select allowClear placeholder={t('rules.any')} options={enumOptions(t, 'Region')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="industry" label={t('rules.fields.industry')}>
                <Input placeholder={t('rules.any')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="minScore" label={t('rules.fields.minScore')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="assigneeIds"
            label={t('rules.fields.assigneeIds')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              mode="multiple"
              loading={reps.isPending}
              optionFilterProp="label"
              options={(reps.data?.items ?? []).map((user) => ({
                value: user.id,
                label: user.seniority ? `${user.displayName} · ${t(`seniority.${user.seniority}`)}` : user.displayName,
              }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="strategy" label={t('rules.fields.strategy')} rules={[{ required: true }]}>
                <Select
                  options={['ROUND_ROBIN', 'LEAST_LOADED'].map((value) => ({
                    value,
                    label: t(`rules.strategy.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="active" label={t('rules.fields.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </div>
  );
}
