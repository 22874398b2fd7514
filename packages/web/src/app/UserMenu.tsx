import { ApartmentOutlined, DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Popconfirm, Segmented, Space, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { ChangePasswordDialog } from '../features/auth/components/ChangePasswordDialog.tsx';
import { useI18n, type Lang, type MessageKey } from '../lib/i18n.tsx';

export type UserMenuProps = {
  displayName: string;
  role: string;
  regionName: string;
  loggingOut: boolean;
  onLogout: () => void;
  /** phones: everything in one dropdown behind the user's name */
  compact: boolean;
};

/** The header's right side: user, role, region, language and logout — spread out on wide screens, one dropdown on phones. */
export function UserMenu({ displayName, role, regionName, loggingOut, onLogout, compact }: UserMenuProps) {
  const { t, lang, setLang, pick } = useI18n();
  const { modal } = App.useApp();
  const [pwOpen, setPwOpen] = useState(false);
  const changePasswordText = pick('修改密码', 'Change password');
  const dialog = <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />;
  const roleText = t(`role.${role}` as MessageKey);

  if (compact) {
    const items: MenuProps['items'] = [
      { key: 'who', disabled: true, icon: <UserOutlined />, label: `${displayName} · ${roleText}` },
      { key: 'region', disabled: true, icon: <ApartmentOutlined />, label: regionName },
      { type: 'divider' },
      { key: 'lang', icon: <GlobalOutlined />, label: lang === 'zh' ? 'English' : '中文' },
      { key: 'password', icon: <KeyOutlined />, label: changePasswordText },
      { key: 'logout', danger: true, icon: <LogoutOutlined />, label: t('common.logout') },
    ];
    const onClick: MenuProps['onClick'] = ({ key }) => {
      if (key === 'lang') setLang(lang === 'zh' ? 'en' : 'zh');
      if (key === 'password') setPwOpen(true);
      if (key === 'logout') void modal.confirm({ title: `${t('common.logout')}?`, okText: t('common.ok'), cancelText: t('common.cancel'), onOk: onLogout });
    };
    return (
      <>
        {dialog}
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          <Button type="text" aria-label={t('common.account')} style={{ maxWidth: 150, paddingInline: 6 }}>
            <UserOutlined />
            <Typography.Text ellipsis style={{ maxWidth: 96 }}>
              {displayName}
            </Typography.Text>
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </>
    );
  }

  return (
    <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%', minWidth: 0 }}>
      <Space size={6}>
        <UserOutlined />
        <Typography.Text strong>{displayName}</Typography.Text>
        <Typography.Text type="secondary">{roleText}</Typography.Text>
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
      <Button icon={<KeyOutlined />} onClick={() => setPwOpen(true)} aria-label={changePasswordText} title={changePasswordText} />
      {dialog}
      <Popconfirm title={`${t('common.logout')}?`} onConfirm={onLogout} okText={t('common.ok')} cancelText={t('common.cancel')}>
        <Button icon={<LogoutOutlined />} loading={loggingOut}>
          {t('common.logout')}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
