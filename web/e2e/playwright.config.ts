import { defineConfig } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/env';

// Flows a person performs, against the real platform started by `./linea test` (seeded demo data).
// No browser download: Debian's Chromium is driven by playwright-core.
export default defineConfig({
  testDir: '.',
  // benchmarks (benchmarks/run-offer-ringing.sh) are not tests: only run when asked for
  testMatch: process.env.LINEA_BENCH ? '*.bench.ts' : '*.spec.ts',
  outputDir: '../test-results/e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
