import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Popover, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { usePhone } from '../../components/ui/usePhone';
import { useFormat } from '../../lib/format';
import {
  type Notification,
  notificationQueries,
  targetOf,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
} from './api';

/** The sentence for a notification, from its code and the names the server looked up for you. */
function useNotificationText() {
  const { t } = useTranslation();
  return (n: Notification) =>
    t(`notifications.kind.${n.kind}`, {
      actor: n.actorName ?? t('notifications.system'),
      contact: n.contactName ?? t('notifications.hiddenCustomer'),
      missed: n.params.missed ? t(`notifications.missed.${n.params.missed}`) : '',
      reason: n.params.reason ? t('notifications.reason', { reason: n.params.reason }) : '',
    });
}

function NotificationList({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useNotificationText();
  const list = useQuery(notificationQueries.list(0));
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  if (list.isPending) return <Skeleton active paragraph={{ rows: 3 }} style={{ width: 300 }} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  return (
    <div style={{ width: 'min(360px, 100%)' }} data-testid="notification-list">
      <List
        size="small"
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />,
        }}
        dataSource={list.data.items}
        renderItem={(n) => (
          <List.Item style={{ background: n.readAt ? undefined : '#fff7e6', paddingInline: 8 }}>
            {/* A link, so the keyboard reaches each notification and it opens with Enter. */}
            <Link
              to={targetOf(n)}
              className="gx-notification-link"
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                onOpen();
              }}
            >
              <Typography.Text strong={!n.readAt}>{text(n)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {format.dateTime(n.createdAt)}
              </Typography.Text>
            </Link>
          </List.Item>
        )}
      />
      {list.data.unread > 0 && (
        <Button type="link" block onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      )}
    </div>
  );
}

/**
 * The bell in the header: the unread count, polled; opening it lists the latest. On a phone the list
 * opens as a full-screen drawer: a popover anchored at the bell would not fit beside it.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phone = usePhone();
  const unread = useQuery(notificationQueries.unread());
  const count = unread.data?.unread ?? 0;
  const bell = (
    <Badge count={count} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        data-testid="notification-bell"
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        onClick={phone ? () => setOpen(true) : undefined}
      />
    </Badge>
  );
  if (phone)
    return (
      <>
        {bell}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" title={t('notifications.title')}>
          {open && <NotificationList onOpen={() => setOpen(false)} />}
        </Drawer>
      </>
    );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={open ? <NotificationList onOpen={() => setOpen(false)} /> : null}
    >
      {bell}
    </Popover>
  );
}
