import {
  ApartmentOutlined,
  AccountBookOutlined,
  BankOutlined,
  PieChartOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  ClusterOutlined,
  FundProjectionScreenOutlined,
  GiftOutlined,
  ProjectOutlined,
  ReadOutlined,
  RiseOutlined,
  ShopOutlined,
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  LineChartOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Flex, Layout, Menu, Typography, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, useCurrentUser, useLogout } from '../features/auth/api.ts';
import { useTodo } from '../features/todo/api.ts';
import { useRegion } from '../features/regions/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { useIsMobile } from '../ui/use-is-mobile.ts';
import { UserMenu } from './UserMenu.tsx';

const { Header, Sider, Content } = Layout;

type Item = NonNullable<MenuProps['items']>[number];

/** Every menu key (routes), children included. */
function menuKeys(items: Item[]): string[] {
  return items.flatMap((i) => (i && 'key' in i ? [String(i.key), ...('children' in i && i.children ? menuKeys(i.children as Item[]) : [])] : []));
}

/**
 * Shell: side menu and header with user, region, language and logout. On phones (< md) the menu is a Drawer
 * opened by the header's menu button and the header's user part is one dropdown.
 */
export function AppLayout() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { data: region } = useRegion(user.regionName ? undefined : user.regionCode);
  const regionName = user.regionName ?? region?.name ?? user.regionCode;
  const todo = useTodo(user.role !== 'viewer');

  const items: MenuProps['items'] = [
    { key: '/dashboard', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    { key: '/households', icon: <TeamOutlined />, label: t('nav.households') },
    {
      key: '/todo',
      icon: <CheckSquareOutlined />,
      label: (
        <span data-testid="nav-todo">
          {t('nav.todo')} <Badge count={todo.data?.total ?? 0} size="small" offset={[4, -2]} />
        </span>
      ),
    },
    {
      key: '/industry',
      icon: <ClusterOutlined />,
      label: t('nav.industry'),
      children: [
        { key: '/industry/entities', icon: <ShopOutlined />, label: t('nav.entities') },
        { key: '/industry/backbones', icon: <ExperimentOutlined />, label: t('entities.backbones.title') },
        { key: '/industry/spectrum', icon: <BranchesOutlined />, label: t('nav.industries') },
        { key: '/industry/projects', icon: <ProjectOutlined />, label: t('nav.projects') },
        { key: '/industry/assets', icon: <BankOutlined />, label: t('assets.title') },
        { key: '/industry/distributions', icon: <PieChartOutlined />, label: t('dist.title') },
        { key: '/industry/posts', icon: <SafetyCertificateOutlined />, label: t('posts.title') },
        { key: '/industry/funds', icon: <AccountBookOutlined />, label: t('nav.funds') },
        { key: '/industry/calculators', icon: <CalculatorOutlined />, label: t('nav.calculators') },
      ],
    },
    { key: '/coverage', icon: <RiseOutlined />, label: t('coverage.title') },
    { key: '/trainings', icon: <ReadOutlined />, label: t('trainings.title') },
    { key: '/job-subsidies', icon: <GiftOutlined />, label: t('jobSub.title') },
    { key: '/rules', icon: <FundProjectionScreenOutlined />, label: t('nav.rules') },
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
        { key: '/admin/monitoring-lines', icon: <LineChartOutlined />, label: t('nav.monitoringLines') },
        { key: '/admin/audit', icon: <AuditOutlined />, label: t('nav.audit') },
      ],
    });
  }
  // the longest menu key the path starts with
  const selected = menuKeys(items)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];

  // a page change closes the phone menu
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const handleLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  const brand = (dark: boolean) => (
    <Flex vertical style={{ padding: '16px 20px', color: dark ? '#fff' : undefined }}>
      <Typography.Text strong style={{ color: dark ? '#fff' : undefined, fontSize: 20 }}>
        {t('app.name')}
      </Typography.Text>
      <Typography.Text style={{ color: dark ? 'rgba(255,255,255,0.65)' : 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t('app.subtitle')}</Typography.Text>
    </Flex>
  );
  const menu = (dark: boolean) => (
    <nav aria-label={t('app.name')}>
      <Menu
        theme={dark ? 'dark' : 'light'}
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={location.pathname.startsWith('/admin') ? ['/admin'] : []}
        onClick={({ key }) => navigate(key)}
      />
    </nav>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? null : (
        <Sider width={208} breakpoint="lg" collapsedWidth={64} theme="dark">
          {brand(true)}
          {menu(true)}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            paddingInline: mobile ? 8 : 24,
            borderBottom: '1px solid #f0f0f0',
            height: mobile ? 52 : 64,
            lineHeight: mobile ? '52px' : '64px',
            position: mobile ? 'sticky' : undefined,
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" gap={8} style={{ height: '100%' }}>
            {mobile ? (
              <Flex align="center" gap={4} style={{ minWidth: 0 }}>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.openMenu')}
                  aria-expanded={drawerOpen}
                  onClick={() => setDrawerOpen(true)}
                  data-testid="menu-button"
                />
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {t('app.name')}
                </Typography.Text>
              </Flex>
            ) : (
              <span />
            )}
            <UserMenu displayName={user.displayName} role={user.role} regionName={regionName} loggingOut={logout.isPending} onLogout={handleLogout} compact={mobile} />
          </Flex>
        </Header>
        <Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={null}
          closable={false}
          styles={{ body: { padding: 0 } }}
          data-testid="menu-drawer"
        >
          {brand(false)}
          {menu(false)}
        </Drawer>
      ) : null}
    </Layout>
  );
}
