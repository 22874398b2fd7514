import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n, type Lang } from '../../../lib/i18n.tsx';
import { useLogin, useMe } from '../api.ts';

type LoginValues = { username: string; password: string };

export function LoginPage() {
  const i18n = useI18n();
  const { t, lang, setLang } = i18n;
  const login = useLogin();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';

  if (me.data) return <Navigate to={target} replace />;

  const handleFinish = (values: LoginValues) => login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });
  const err = login.error;
  const errText = err ? (err instanceof ApiError && (err.status === 401 || err.code === 'UNAUTHENTICATED') ? t('login.failed') : errorText(err, i18n)) : null;

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 12, boxSizing: 'border-box', background: 'linear-gradient(135deg,#e8f5ec,#f6faf7)' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <Segmented<Lang>
            size="small"
            aria-label={t('common.language')}
            value={lang}
            onChange={setLang}
            options={[
              { label: '中', value: 'zh' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 24 }}>
          {t('login.title')}
        </Typography.Title>
        {errText ? <Alert type="error" showIcon role="alert" title={errText} style={{ marginBottom: 16 }} /> : null}
        <Form<LoginValues> layout="vertical" onFinish={handleFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
