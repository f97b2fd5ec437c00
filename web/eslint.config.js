import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = [
  'agents',
  'audit',
  'break-reasons',
  'calendars',
  'callbacks',
  'carriers',
  'client-fields',
  'clients',
  'home',
  'interactions',
  'inventory',
  'kb',
  'numbers',
  'people',
  'policy',
  'presence',
  'profile',
  'queues',
  'settings',
  'skills',
  'tenants',
  'tickets',
  'users',
  // CRM admin and agent pages
  'client-import',
  'forms',
  'categories',
  'api-credentials',
  // agent workspace
  'softphone',
  'my-calls',
];

// Imports flow lib -> features -> app (STYLE.md, after bulletproof-react): shared code never reaches
// into a feature or the app, and a feature never reaches into another feature.
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@/app/*', '**/app/*'], message: 'Features must not import the app layer.' },
          {
            group: FEATURES.filter((f) => f !== feature).flatMap((f) => [
              `@/features/${f}/*`,
              `**/features/${f}/*`,
            ]),
            message: 'Features must not import each other; move shared code to src/lib.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'target', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    ignores: ['src/lib/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '@/features/*'],
              message: 'src/lib is shared: it must not import app or features.',
            },
          ],
        },
      ],
    },
  },
  ...featureBoundaries,
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
