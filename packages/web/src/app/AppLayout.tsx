import {
  ApartmentOutlined, AuditOutlined, BookOutlined, DashboardOutlined, LogoutOutlined, SafetyCertificateOutlined,
  SettingOutlined, TeamOutlined, UploadOutlined, UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, Popconfirm, Segmented, Space, Typography, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, useCurrentUser, useLogout } from '../features/auth/api.ts';
import { useRegion } from '../features/regions/api.ts';
import { useI18n, type Lang, type MessageKey } from '../lib/i18n.tsx';

const { Header, Sider, Content } = Layout;

/** Shell: side menu, header with user, region, language and logout. */
export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: region } = useRegion(user.regionName ? undefined : user.regionCode);
  const regionName = user.regionName ?? region?.name ?? user.regionCode;

  const items: MenuProps['items'] = [
    { key: '/dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    { key: '/households', icon: <TeamOutlined />, label: t('nav.households') },
    { key: '/import', icon: <UploadOutlined />, label: t('nav.import') },
    { key: '/regions', icon: <ApartmentOutlined />, label: t('nav.regions') },
  ];
  if (isAdmin(user)) {
    items.push({
      key: '/admin',
      icon: <SettingOutlined />,
      label: t('nav.admin'),
      children: [
        { key: '/admin/users', icon: <UserOutlined />, label: t('nav.users') },
        { key: '/admin/dictionaries', icon: <BookOutlined />, label: t('nav.dictionaries') },
        { key: '/admin/policy', icon: <SafetyCertificateOutlined />, label: t('nav.policy') },
        { key: '/admin/audit', icon: <AuditOutlined />, label: t('nav.audit') },
      ],
    });
  }
  const selected = ['/admin/users', '/admin/dictionaries', '/admin/policy', '/admin/audit', '/dashboard', '/households', '/import', '/regions'].find((k) =>
    location.pathname.startsWith(k),
  );

  const handleLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
        <Flex vertical style={{ padding: '16px 20px', color: '#fff' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 20 }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12 }}>{t('app.subtitle')}</Typography.Text>
        </Flex>
        <nav aria-label={t('app.name')}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={location.pathname.startsWith('/admin') ? ['/admin'] : []}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <Space size={6}>
              <UserOutlined />
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Typography.Text type="secondary">{t(`role.${user.role}` as MessageKey)}</Typography.Text>
            </Space>
            <Space size={6}>
              <ApartmentOutlined />
              <Typography.Text>{regionName}</Typography.Text>
            </Space>
            <Segmented<Lang>
              aria-label={t('common.language')}
              value={lang}
              onChange={(v) => setLang(v)}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'English', value: 'en' },
              ]}
            />
            <Popconfirm title={`${t('common.logout')}?`} onConfirm={handleLogout} okText={t('common.ok')} cancelText={t('common.cancel')}>
              <Button icon={<LogoutOutlined />} loading={logout.isPending}>
                {t('common.logout')}
              </Button>
            </Popconfirm>
          </Flex>
        </Header>
        <Content style={{ padding: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
