import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { demoAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';

// A smoke test of the built shell without a backend: header, tenant, navigation, menus, home.
describe('app shell smoke', () => {
  it('renders the header with the tenant name, the navigation and the landing page', async () => {
    renderApp({ path: '/', me: demoAdmin });
    expect(await screen.findByTestId('app-shell')).toBeInTheDocument();
    expect(screen.getByTestId('active-tenant-name')).toHaveTextContent('Demo Energy');
    expect(screen.getByTestId('user-name')).toHaveTextContent('Ana Popescu');
    expect(screen.queryByTestId('tenant-switcher')).toBeNull(); // one membership: nothing to switch
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Welcome, Ana Popescu');
    expect(screen.getByTestId('home-tile-queues')).toHaveAttribute('href', '/queues');
    expect(within(screen.getByTestId('navigation')).getByTestId('nav-home')).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('switches the UI language and saves it on the profile (I18N-01)', async () => {
    const { api } = renderApp({
      path: '/',
      me: demoAdmin,
      routes: { 'PUT /api/identity/me/locale': { status: 204 } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('language-switcher'));
    await user.click(await screen.findByTestId('language-option-ro'));
    expect(await screen.findByText('Bun venit, Ana Popescu')).toBeInTheDocument();
    expect(within(screen.getByTestId('navigation')).getByTestId('nav-queues')).toHaveTextContent('Cozi');
    expect(api.callsTo('PUT', '/api/identity/me/locale').map((c) => c.body)).toEqual([{ locale: 'ro' }]);
    expect(document.documentElement.lang).toBe('ro');
  });

  it('logs out through the provider with the id token hint', async () => {
    renderApp({ path: '/', me: demoAdmin });
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign, origin: 'http://localhost:8080' });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByTestId('user-menu-logout'));
    const target = new URL(String(assign.mock.calls[0]?.[0]), 'http://localhost:8080');
    expect(target.pathname).toBe('/connect/logout');
    expect(target.searchParams.get('id_token_hint')).toBe('h.e.s');
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:8080/');
    expect(sessionStorage.getItem('linea.tokens')).toBeNull();
  });
});
