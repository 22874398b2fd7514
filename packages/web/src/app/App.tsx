import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiError } from '../lib/api-client.ts';
import { I18nProvider, useI18n } from '../lib/i18n.tsx';
import { StaleSaveProvider } from '../ui/StaleSave.tsx';
import { router } from './router.tsx';
import './global.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Never retry answers the server meant (4xx); retry network hiccups once.
      retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

function LocalisedApp() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1f7a4d', borderRadius: 6 } }}>
      <AntApp>
        <StaleSaveProvider>
          <RouterProvider router={router} />
        </StaleSaveProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Providers: server state, language, antd locale/theme, router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalisedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
