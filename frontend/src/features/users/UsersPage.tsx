import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { showFieldErrors, validValues } from '../../lib/forms';
import {
  fetchUserForEdit,
  type Role,
  type Seniority,
  type User,
  userQueries,
  useResetPassword,
  useSaveUser,
  useSignOutEverywhere,
} from './api';

type UserForm = {
  username?: string;
  displayName: string;
  password?: string;
  roles: Role[];
  seniority?: Seniority;
  active: boolean;
};

const ROLES: Role[] = ['ADMIN', 'MANAGER', 'SALES_REP', 'SERVICE_AGENT', 'INTEGRATOR'];
const FIELDS = ['username', 'displayName', 'password', 'roles', 'seniority', 'active'];

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<{ user?: User; etag?: string } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm<UserForm>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const users = useQuery(userQueries.list(page));
  const save = useSaveUser();
  const resetPassword = useResetPassword();
  const signOutEverywhere = useSignOutEverywhere();

  const openEdit = async (user?: User) => {
    form.resetFields();
    if (!user) {
      form.setFieldsValue({ roles: ['SALES_REP'], seniority: 'JUNIOR', active: true });
      setEditing({});
      return;
    }
    const { user: fresh, etag } = await fetchUserForEdit(user.id);
    form.setFieldsValue({
      displayName: fresh.displayName,
      roles: fresh.roles,
      seniority: fresh.seniority,
      active: fresh.active,
    });
    setEditing({ user: fresh, etag });
  };

  const handleSave = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await save.mutateAsync(
        editing?.user
          ? {
              id: editing.user.id,
              etag: editing.etag,
              update: {
                displayName: values.displayName,
                roles: values.roles,
                seniority: values.seniority,
                active: values.active,
              },
            }
          : { create: { ...values, username: values.username ?? '', password: values.password ?? '' } },
      );
      message.success(t(editing?.user ? 'users.saved' : 'users.created'));
      setEditing(null);
    } catch (error) {
      if (!showFieldErrors(form, error, FIELDS)) message.error(describeError(error, t));
    }
  };

  const handleReset = async () => {
    const values = await validValues(passwordForm);
    if (!values) return;
    try {
      await resetPassword.mutateAsync({ id: resetting?.id ?? '', password: values.password });
      message.success(t('users.passwordReset'));
      setResetting(null);
    } catch (error) {
      if (!showFieldErrors(passwordForm, error, ['password'])) message.error(describeError(error, t));
    }
  };

  const roles = Form.useWatch('roles', form) ?? [];
  const roleTags = (value: Role[]) => value.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>);
  const activeTag = (value: boolean) => (
    <Tag color={value ? 'green' : 'default'}>{value ? t('users.active') : t('users.inactive')}</Tag>
  );
  const actions = (user: User) => (
    <Space wrap>
      <Button
        size="small"
        onClick={() => openEdit(user).catch((error: unknown) => message.error(describeError(error, t)))}
      >
        {t('common.edit')}
      </Button>
      <Button
        size="small"
        onClick={() => {
          passwordForm.resetFields();
          setResetting(user);
        }}
      >
        {t('users.resetPassword')}
      </Button>
      <Popconfirm
        title={t('users.signOutEverywhereConfirm')}
        okText={t('users.signOutEverywhere')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          signOutEverywhere
            .mutateAsync(user.id)
            .then(() => message.success(t('users.signedOutEverywhere')))
            .catch((error: unknown) => message.error(describeError(error, t)))
        }
      >
        <Button size="small" danger>
          {t('users.signOutEverywhere')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <div className="gx-page">
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('users.title')}
          </Typography.Title>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEdit()} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
      >
        {users.isError ? (
          <ErrorState error={users.error} onRetry={() => users.refetch()} />
        ) : (
          <ResponsiveTable<User>
            rowKey="id"
            data-testid="user-table"
            renderCard={(user) => (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap size={8} style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>
                    {user.displayName} · {user.username}
                  </Typography.Text>
                  {activeTag(user.active)}
                </Space>
                <Space wrap size={4}>
                  {roleTags(user.roles)}
                  {user.seniority && <Typography.Text>{t(`seniority.${user.seniority}`)}</Typography.Text>}
                </Space>
                {actions(user)}
              </Space>
            )}
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            pagination={{
              current: page + 1,
              pageSize: 50,
              total: users.data?.total ?? 0,
              onChange: (p) => setPage(p - 1),
              showTotal: (count) => t('common.total', { count }),
            }}
            columns={[
              { title: t('users.fields.username'), dataIndex: 'username' },
              { title: t('users.fields.displayName'), dataIndex: 'displayName' },
              {
                title: t('users.fields.roles'),
                dataIndex: 'roles',
                render: (value: Role[]) => roleTags(value),
              },
              {
                title: t('users.fields.seniority'),
                dataIndex: 'seniority',
                render: (value?: string) => (value ? t(`seniority.${value}`) : '—'),
              },
              {
                title: t('users.fields.active'),
                dataIndex: 'active',
                render: (value: boolean) => activeTag(value),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, user) => actions(user),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={!!editing}
        title={editing?.user ? t('users.editTitle') : t('users.new')}
        onCancel={() => setEditing(null)}
        onOk={handleSave}
        confirmLoading={save.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form<UserForm> form={form} layout="vertical" preserve={false} data-testid="user-form">
          {!editing?.user && (
            <>
              <Form.Item
                name="username"
                label={t('users.fields.username')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('users.fields.password')}
                extra={t('users.passwordHelp')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input.Password />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="displayName"
            label={t('users.fields.displayName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t('users.fields.roles')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select mode="multiple" options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
          </Form.Item>
          {roles.includes('SALES_REP') && (
            <Form.Item name="seniority" label={t('users.fields.seniority')}>
              <Select
                options={(['JUNIOR', 'SENIOR'] as const).map((value) => ({ value, label: t(`seniority.${value}`) }))}
              />
            </Form.Item>
          )}
          <Form.Item name="active" label={t('users.fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resetting}
        title={`${t('users.resetPassword')} · ${resetting?.username ?? ''}`}
        onCancel={() => setResetting(null)}
        onOk={handleReset}
        confirmLoading={resetPassword.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={passwordForm} layout="vertical">
          <Form.Item
            name="password"
            label={t('users.fields.newPassword')}
            extra={t('users.passwordHelp')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
