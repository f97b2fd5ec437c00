import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { platformAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { page, sipTrunk } from '@/test/telephony';

const routes = { 'GET /api/cc/platform/carriers': page([sipTrunk]) };

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId('carriers-create'));
  return screen.findByTestId('carrier-form');
}

const input = (form: HTMLElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

describe('Carriers page (TEL-02)', () => {
  it('lists the carriers with their address, codecs and number count', async () => {
    renderApp({ path: '/platform/carriers', me: platformAdmin, routes });
    const row = await screen.findByTestId('carrier-row');
    expect(row).toHaveAttribute('data-carrier-name', 'Moldtelecom');
    expect(row).toHaveTextContent('sip.moldtelecom.example:5060');
    expect(row).toHaveTextContent('UDP · linea · password set');
    expect(row).toHaveTextContent('G.711 A-law');
    expect(row).toHaveTextContent('198.51.100.0/24');
    expect(within(row).getByTestId('carrier-number-count')).toHaveTextContent('2');
  });

  it('shows an empty state', async () => {
    renderApp({
      path: '/platform/carriers',
      me: platformAdmin,
      routes: { 'GET /api/cc/platform/carriers': page([]) },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No carriers yet');
  });

  it('creates a carrier with ordered codecs and its networks', async () => {
    const { api } = renderApp({
      path: '/platform/carriers',
      me: platformAdmin,
      routes: {
        ...routes,
        'POST /api/cc/platform/carriers': { status: 201, body: { ...sipTrunk, id: 'c-new' } },
      },
    });
    const user = userEvent.setup();
    const form = await openForm(user);
    await user.type(input(form, 'name'), 'Orange');
    await user.type(input(form, 'host'), 'sip.orange.example');
    await user.selectOptions(form.querySelector('select[name="transport"]')!, 'tls');
    expect(input(form, 'port')).toHaveValue('5061'); // follows the transport's usual port
    // G.722 first, then A-law; µ-law dropped
    await user.click(within(form).getByRole('checkbox', { name: 'G.722' }));
    await user.click(within(form).getByRole('checkbox', { name: 'G.711 µ-law' }));
    await user.click(within(form).getByRole('button', { name: 'Move G.722 up' }));
    // a network added with Enter, another left typed in the field: both are kept
    await user.type(input(form, 'matchCidrs'), '198.51.100.0/24{Enter}');
    await user.type(input(form, 'matchCidrs'), '203.0.113.7/32');
    await user.click(within(form).getByTestId('carrier-save'));

    await waitFor(() => expect(api.callsTo('POST', '/api/cc/platform/carriers')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/platform/carriers')[0]!.body).toEqual({
      name: 'Orange',
      host: 'sip.orange.example',
      port: 5061,
      transport: 'tls',
      username: null,
      codecs: ['g722', 'alaw'],
      matchCidrs: ['198.51.100.0/24', '203.0.113.7/32'],
      enabled: true,
    });
    await waitFor(() => expect(screen.queryByTestId('carrier-form')).toBeNull());
  });

  it('validates inline before calling the server', async () => {
    const { api } = renderApp({ path: '/platform/carriers', me: platformAdmin, routes });
    const user = userEvent.setup();
    const form = await openForm(user);
    await user.type(input(form, 'host'), 'sip://bad host');
    await user.click(within(form).getByRole('checkbox', { name: 'G.711 A-law' }));
    await user.click(within(form).getByRole('checkbox', { name: 'G.711 µ-law' }));
    await user.type(input(form, 'matchCidrs'), '10.0.0.1{Enter}');
    expect(within(form).getByText('“10.0.0.1” is not a network in CIDR notation.')).toBeInTheDocument();
    await user.click(within(form).getByTestId('carrier-save'));
    expect(input(form, 'name')).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(form).getByText('A host name or IP address, without port or protocol.'),
    ).toBeInTheDocument();
    expect(within(form).getByText('Choose at least one codec.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/platform/carriers')).toHaveLength(0);
  });

  it('shows the problem detail field errors next to their fields', async () => {
    renderApp({
      path: '/platform/carriers',
      me: platformAdmin,
      routes: {
        ...routes,
        'POST /api/cc/platform/carriers': {
          status: 400,
          body: {
            status: 400,
            code: 'validation.failed',
            detail: 'The request has invalid fields.',
            errors: [
              { field: 'host', code: 'unresolvable', message: 'This host cannot be resolved.' },
              { field: 'matchCidrs[0]', code: 'overlap', message: 'Overlaps the networks of Moldtelecom.' },
            ],
          },
        },
      },
    });
    const user = userEvent.setup();
    const form = await openForm(user);
    await user.type(input(form, 'name'), 'Orange');
    await user.type(input(form, 'host'), 'sip.nowhere.example');
    await user.type(input(form, 'matchCidrs'), '198.51.100.0/24{Enter}');
    await user.click(within(form).getByTestId('carrier-save'));
    expect(await within(form).findByText('This host cannot be resolved.')).toBeInTheDocument();
    expect(input(form, 'host')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByText('Overlaps the networks of Moldtelecom.')).toBeInTheDocument();
    expect(within(screen.getByTestId('notifications')).queryByRole('alert')).toBeNull();
  });

  it('keeps the stored password when the field is left empty and sends the version', async () => {
    const { api } = renderApp({
      path: '/platform/carriers',
      me: platformAdmin,
      routes: { ...routes, 'PUT /api/cc/platform/carriers/c-moldtel': { ...sipTrunk, version: 4 } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('carrier-edit'));
    const form = await screen.findByTestId('carrier-form');
    expect(within(form).getByText('A password is stored. Leave empty to keep it.')).toBeInTheDocument();
    await user.clear(input(form, 'host'));
    await user.type(input(form, 'host'), '198.51.100.10');
    await user.click(within(form).getByTestId('carrier-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/platform/carriers/c-moldtel')).toHaveLength(1));
    const body = api.callsTo('PUT', '/api/cc/platform/carriers/c-moldtel')[0]!.body as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ host: '198.51.100.10', username: 'linea', version: 3 });
    expect(body).not.toHaveProperty('password');
  });

  it('explains why a carrier that still carries numbers cannot be deleted (409 carrier.in-use)', async () => {
    const { api } = renderApp({
      path: '/platform/carriers',
      me: platformAdmin,
      routes: {
        ...routes,
        'DELETE /api/cc/platform/carriers/c-moldtel': {
          status: 409,
          body: { status: 409, code: 'carrier.in-use', detail: 'carrier.in-use' },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('carrier-delete'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('It still carries numbers (2)');
    await user.click(within(modal).getByTestId('confirm-action'));
    expect(await within(modal).findByTestId('delete-error')).toHaveTextContent(
      'Moldtelecom still carries numbers. Move them to another carrier or delete them, then try again.',
    );
    expect(within(modal).getByTestId('confirm-action')).toBeDisabled();
    expect(api.callsTo('DELETE', '/api/cc/platform/carriers/c-moldtel')).toHaveLength(1);
  });
});
