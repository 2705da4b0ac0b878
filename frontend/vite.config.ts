import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev` talks to a service started with ./run.sh
    proxy: { '/api': 'http://localhost:8080', '/q': 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
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
