import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { OfflineSupport } from '../lib/offline/OfflineSupport';
import { createQueryClient } from '../lib/queryClient';
import { router } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  dayjs.locale(isEnglish ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <OfflineSupport />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
