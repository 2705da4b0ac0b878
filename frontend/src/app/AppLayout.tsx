import {
  MergeCellsOutlined,
  AlertOutlined,
  BarChartOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DesktopOutlined,
  GiftOutlined,
  HeartOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  PieChartOutlined,
  RetweetOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SmileOutlined,
  TeamOutlined,
  UserDeleteOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, signOut } from '../lib/auth/session';
import { useSession } from '../lib/auth/useSession';
import { changeLanguage, type Language } from '../lib/i18n';
import { NotificationBell } from '../features/notifications';
import { GlobalSearch } from '../features/search';
import { navigationFor, selectedPath } from './navigation';

const NAV_ICONS: Record<string, ReactNode> = {
  '/today': <CalendarOutlined />,
  '/contacts': <UserOutlined />,
  '/leads': <RiseOutlined />,
  '/at-risk': <AlertOutlined />,
  '/complaints': <CustomerServiceOutlined />,
  '/loyalty': <GiftOutlined />,
  '/care': <HeartOutlined />,
  '/campaigns': <NotificationOutlined />,
  '/winback': <RetweetOutlined />,
  '/analytics': <BarChartOutlined />,
  '/surveys': <SmileOutlined />,
  '/churn': <UserDeleteOutlined />,
  '/tiers': <PieChartOutlined />,
  '/admin/lead-assignment': <ApartmentOutlined />,
  '/admin/lead-scoring': <ControlOutlined />,
  '/admin/users': <TeamOutlined />,
  '/admin/audit': <AuditOutlined />,
  '/admin/privacy': <SafetyCertificateOutlined />,
  '/contacts/duplicates': <MergeCellsOutlined />,
};

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Below the md breakpoint (a phone) the navigation and the language move into a drawer.
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [menuOpen, setMenuOpen] = useState(false);

  const items = navigationFor(session).map((entry) => ({
    key: entry.path,
    icon: NAV_ICONS[entry.path],
    label: t(entry.label),
  }));
  const selected = selectedPath(navigationFor(session), location.pathname);

  const language = (
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
  );

  const handleSignOut = async () => {
    await signOut();
    queryClient.clear();
    navigate('/login');
  };

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: phone ? 8 : 24, paddingInline: phone ? 8 : 24 }}
      >
        {phone && (
          <Button
            type="text"
            aria-label={t('nav.menu')}
            data-testid="nav-menu"
            icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <span className="gx-brand">
          <span className="gx-brand-mark">关</span>
          {t('app.name')}
        </span>
        {phone ? (
          <div style={{ flex: 1 }} />
        ) : (
          <nav aria-label={t('nav.main')} style={{ flex: 1, minWidth: 0 }}>
            <Menu
              theme="dark"
              mode="horizontal"
              selectedKeys={[selected]}
              items={items}
              onClick={({ key }) => navigate(key)}
            />
          </nav>
        )}
        <Space size="middle">
          <GlobalSearch />
          {hasRole(session, 'SALES_REP', 'SERVICE_AGENT', 'MANAGER', 'ADMIN') && <NotificationBell />}
          {!phone && language}
          <Dropdown
            // Click, not hover: phones have no hover.
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'sessions',
                  icon: <DesktopOutlined />,
                  label: t('nav.sessions'),
                  onClick: () => navigate('/account/sessions'),
                },
                {
                  key: 'signOut',
                  icon: <LogoutOutlined />,
                  label: t('nav.signOut'),
                  onClick: () => void handleSignOut(),
                },
              ],
            }}
          >
            <Button
              type="text"
              style={{ color: '#fff' }}
              data-testid="user-menu"
              // On a phone only the avatar's initial shows: say whose menu it is.
              aria-label={phone ? t('nav.accountMenu', { name: session?.displayName }) : undefined}
            >
              <Space>
                <Avatar size="small" style={{ background: '#c8102e' }}>
                  {session?.displayName.slice(0, 1)}
                </Avatar>
                {!phone && <span>{session?.displayName}</span>}
                {!phone && (
                  <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>
                    {session?.roles.map((role) => t(`roles.${role}`)).join(' · ')}
                  </Typography.Text>
                )}
              </Space>
            </Button>
          </Dropdown>
        </Space>
      </Layout.Header>
      {phone && (
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={280}
          title={session?.displayName}
          data-testid="nav-drawer"
        >
          <nav aria-label={t('nav.main')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={items}
              onClick={({ key }) => {
                setMenuOpen(false);
                navigate(key);
              }}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
          <div style={{ marginTop: 16 }}>{language}</div>
        </Drawer>
      )}
      <Layout.Content>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
