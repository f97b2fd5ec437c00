import '@mantine/core/styles.css';
import './app/app.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProviders } from './app/AppProviders';
import { LoginFailed } from './app/LoginFailed';
import { CALLBACK_PATH, completeLogin, startLogin } from './lib/auth/oidc';
import { getAccessToken } from './lib/auth/tokens';
import { detectInitialLanguage, initI18n } from './lib/i18n/i18n';
import { FullPageLoader } from './lib/ui/states';

async function bootstrap() {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
  const language = detectInitialLanguage();
  const i18n = await initI18n(language);

  if (window.location.pathname === CALLBACK_PATH) {
    render(
      <AppProviders>
        <FullPageLoader />
      </AppProviders>,
    );
    try {
      const returnTo = await completeLogin(window.location.search);
      window.history.replaceState(null, '', returnTo);
    } catch (error) {
      render(
        <AppProviders>
          <LoginFailed error={error} />
        </AppProviders>,
      );
      return;
    }
  }

  if (!getAccessToken()) {
    render(
      <AppProviders>
        <FullPageLoader label={i18n.t('auth.redirecting')} />
      </AppProviders>,
    );
    try {
      await startLogin(language);
    } catch (error) {
      render(
        <AppProviders>
          <LoginFailed error={error} />
        </AppProviders>,
      );
    }
    return;
  }

  render(<App />);
}

void bootstrap();
