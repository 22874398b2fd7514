import { Result, Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAdmin, useMe } from '../features/auth/api.ts';
import { setUnauthenticatedHandler } from '../lib/api-client.ts';
import { useI18n } from '../lib/i18n.tsx';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';

/** Renders children only with a session; otherwise goes to /login?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: user, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const next = location.pathname + location.search;

  useEffect(() => {
    setUnauthenticatedHandler(() => navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true }));
  }, [navigate]);

  if (isLoading) return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
  if (error)
    return (
      <div style={{ padding: 48 }}>
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </div>
    );
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  return <>{children}</>;
}

/** Admin-only section (the server enforces it too). */
export function RequireAdmin() {
  const { data: user } = useMe();
  const { t } = useI18n();
  if (!isAdmin(user)) return <Result status="403" title="403" subTitle={t('err.FORBIDDEN')} />;
  return <Outlet />;
}
