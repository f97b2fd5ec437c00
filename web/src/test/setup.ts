import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { clearNotes } from '@/lib/ui/notify';
import { resetRedirectingForTests } from '@/lib/auth/oidc';
import { setActiveTenantId } from '@/lib/session/activeTenant';
import { initTestI18n, missingKeys } from './i18n';

// jsdom lacks what Mantine measures with.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= () => {};
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

// Lazy page chunks are transformed on first use, which can take more than the default second.
configure({ asyncUtilTimeout: 8000 });

await initTestI18n();

beforeEach(async () => {
  missingKeys.length = 0;
  await initTestI18n('en');
});

afterEach(() => {
  cleanup();
  clearNotes();
  setActiveTenantId(null);
  resetRedirectingForTests();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
