/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Everything the identity provider and the APIs serve lives on the gateway's origin; the dev
// server forwards it so `npm run dev` works against a platform started with `./linea start`.
const platform = process.env.LINEA_URL ?? 'http://localhost:8080';
const proxied = [
  '/api',
  '/oauth2',
  '/login',
  '/logout',
  '/connect',
  '/.well-known',
  '/userinfo',
  '/assets/identity',
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: platform, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/support/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 20000,
  },
});
