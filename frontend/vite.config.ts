import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    react(),
    // Installable on a phone, and the app shell opens offline (docs/architecture.md, "Offline").
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
