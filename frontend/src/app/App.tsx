import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ServiceUnavailableBanner } from '../lib/availability/ServiceUnavailableBanner';
import { OfflineSupport } from '../lib/offline/OfflineSupport';
import { createQueryClient } from '../lib/queryClient';
import { router } from './router';

/**
 * antd's defaults put grey text, links, placeholders and badges below WCAG AA (4.5:1): secondary text
 * #8c8c8c is 3.4:1 on white, links #1677ff 4.1:1, a badge 3.3:1. These tokens darken exactly those and
 * leave the rest of the look alone. (Light tags are fixed in global.css: their colours come from a
 * generated palette, which a token override does not reach.)
 */
const theme = {
  token: {
    colorPrimary: '#c8102e',
    borderRadius: 6,
    colorLink: '#0958d9',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Badges and danger buttons: white on #ff4d4f is 3.3:1.
    colorError: '#cf1322',
  },
};

/** The app; `queryClient` is the light today page's when it takes over from it (its answers stay). */
export function App({ queryClient: given }: { queryClient?: QueryClient } = {}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  dayjs.locale(isEnglish ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <OfflineSupport />
          <ServiceUnavailableBanner />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
