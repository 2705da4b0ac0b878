import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const LOAD_OPENED_PAGE = 'loadOpenedPage';

/**
 * Runs src/app/loadOpenedPage.ts, its own small entry, before the app's entry: the opened page's chunks
 * download while the app's code (~250 KB gzip) downloads and runs, not after it (issue 16, phone).
 */
function loadOpenedPageFirst(): Plugin {
  return {
    name: 'guanxi-load-opened-page-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const entry = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === LOAD_OPENED_PAGE,
        );
        if (!entry) return [];
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `/${entry.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    loadOpenedPageFirst(),
    // Installable on a phone, and the app shell opens offline (issue 16).
    VitePWA({
      registerType: 'autoUpdate',
      // A /registerSW.js file, not an inline script: the Content-Security-Policy allows script-src 'self' only.
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: '关系 CRM · Guanxi',
        short_name: '关系CRM',
        description: '关系 CRM：客户、线索、跟进与会员',
        lang: 'zh-CN',
        start_url: '/today',
        scope: '/',
        display: 'standalone',
        theme_color: '#c8102e',
        background_color: '#ffffff',
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: '/pwa-maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell and every hashed chunk, so any page opens without the network.
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        // The API and the operations paths are never answered from the cache (no runtimeCaching either).
        navigateFallbackDenylist: [/^\/api\//, /^\/q\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: {
    // `npm run dev` talks to a service started with ./run.sh
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        [LOAD_OPENED_PAGE]: fileURLToPath(new URL('src/app/loadOpenedPage.ts', import.meta.url)),
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // jsdom + antd on a 2-core machine that is also building the backend: 5 s timed out once.
    testTimeout: 20_000,
  },
});
