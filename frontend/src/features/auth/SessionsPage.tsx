import { DesktopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { useFormat } from '../../lib/format';
import { authQueries, useRevokeSession } from './api';
import { describeUserAgent } from './userAgent';

/** Where the user is signed in to the web app, with a way to sign any other place out. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormat();
  const sessions = useQuery(authQueries.sessions());
  const revoke = useRevokeSession();

  const handleRevoke = async (sessionId: string) => {
    try {
      await revoke.mutateAsync(sessionId);
      message.success(t('sessions.revoked'));
    } catch (error) {
      message.error(describeError(error, t));
    }
  };

  if (sessions.error) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;

  return (
    <div className="gx-page">
      <Card title={<PageTitle>{t('sessions.title')}</PageTitle>}>
        <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
        {sessions.isLoading && <Spin />}
        {sessions.data?.items.length === 0 && <Empty description={t('sessions.empty')} />}
        <Flex vertical gap={12} data-testid="session-list">
          {sessions.data?.items.map((session) => (
            <Card key={session.id} size="small" data-testid="session-item">
              <Flex justify="space-between" align="start" gap={12} wrap>
                <Flex gap={12} align="start">
                  <DesktopOutlined style={{ fontSize: 20, marginTop: 4 }} />
                  <Flex vertical>
                    <Space wrap>
                      <Typography.Text strong title={session.userAgent}>
                        {session.userAgent ? describeUserAgent(session.userAgent) : t('sessions.unknownBrowser')}
                      </Typography.Text>
                      {session.current && <Tag color="green">{t('sessions.current')}</Tag>}
                    </Space>
                    <Typography.Text type="secondary">
                      {t('sessions.signedIn', {
                        when: format.dateTime(session.createdAt),
                        address: session.address ?? '—',
                      })}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {t('sessions.lastUsed', { when: format.dateTime(session.lastUsedAt) })}
                    </Typography.Text>
                  </Flex>
                </Flex>
                {!session.current && (
                  <Popconfirm
                    title={t('sessions.revokeConfirm')}
                    onConfirm={() => handleRevoke(session.id)}
                    okText={t('sessions.revoke')}
                    cancelText={t('common.cancel')}
                  >
                    <Button danger size="small" loading={revoke.isPending && revoke.variables === session.id}>
                      {t('sessions.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Card>
          ))}
        </Flex>
      </Card>
    </div>
  );
}
