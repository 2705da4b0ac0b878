import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { SignInError, signIn, takeSessionExpired } from '../../lib/auth/session';
import { changeLanguage, type Language } from '../../lib/i18n';
import { describeError } from '../../lib/errors';
import { PageTitle } from '../../components/ui/PageTitle';

type Credentials = { username: string; password: string };

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [expired] = useState(takeSessionExpired);

  const handleSubmit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/today', { replace: true });
    } catch (cause) {
      if (cause instanceof SignInError && cause.status === 401) setError(t('login.invalid'));
      else if (cause instanceof SignInError && cause.status === 429) {
        const problem = cause.problem;
        const seconds = Number(
          (typeof problem === 'object' && problem !== null && 'retryAfterSeconds' in problem
            ? problem.retryAfterSeconds
            : undefined) ?? 60,
        );
        setError(t('login.throttled', { seconds }));
      } else if (cause instanceof SignInError) setError(t('errors.server', { status: cause.status }));
      else setError(describeError(cause, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(135deg, #1f1f1f 0%, #5a0b18 100%)',
      }}
    >
      <section
        style={{
          boxSizing: 'border-box',
          width: 380,
          maxWidth: 'calc(100vw - 24px)',
          background: '#fff',
          borderRadius: 8,
          padding: 24,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <PageTitle>{t('app.name')}</PageTitle>
          <Segmented
            size="small"
            aria-label={t('nav.language')}
            value={i18n.language}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(value) => changeLanguage(value as Language)}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        {expired && !error && <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<Credentials> layout="vertical" onFinish={handleSubmit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
      </section>
    </div>
  );
}
