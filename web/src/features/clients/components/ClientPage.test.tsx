import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ana, crmRoutes, ion } from '@/test/crm';
import { demoAdmin } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import {
  abandonedCall,
  answeredCall,
  answeredCallDetail,
  outboundCall,
  page,
  tenantNumbers,
} from '@/test/telephony';

const historyRoutes = {
  ...crmRoutes,
  'GET /api/cc/clients/c-ana/interactions': page([outboundCall, answeredCall, abandonedCall], 3),
  'GET /api/cc/interactions': page([answeredCall]),
  'GET /api/cc/interactions/i-answered': answeredCallDetail,
};

async function openTab(name: 'notes' | 'history') {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId(`client-tab-${name}`));
  return user;
}

describe('Client card (CRM-01, AGT-05, AGT-12)', () => {
  it('shows the name, organisation and external id, and the CRM link in a new tab', async () => {
    renderApp({ path: '/clients/c-ana', me: demoAdmin, routes: crmRoutes });
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Ana Popa');
    expect(screen.getByText('Moldova Gaz · ID A-100')).toBeInTheDocument();
    const link = screen.getByTestId('client-crm-link');
    expect(link).toHaveTextContent('Open in your CRM');
    expect(link).toHaveAttribute('href', 'https://crm.example.test/clients/A-100');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    // the details, custom fields included, are in the form
    const form = await screen.findByTestId('client-form');
    expect(within(form).getByLabelText(/^Region/)).toHaveValue('North');
    expect(within(form).getByLabelText('Age')).toHaveValue('41');
    expect(within(form).getByLabelText('VIP')).toBeChecked();
  });

  it('has no CRM link when the client has none', async () => {
    renderApp({ path: '/clients/c-ion', me: demoAdmin, routes: crmRoutes });
    expect(await screen.findByTestId('page-title')).toHaveTextContent('Ion Rusu');
    expect(screen.queryByTestId('client-crm-link')).toBeNull();
  });

  it('saves changed details with the version it read', async () => {
    let current = ana;
    const { api } = renderApp({
      path: '/clients/c-ana',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/clients/c-ana': () => current,
        'PUT /api/cc/clients/c-ana': () => (current = { ...ana, organisation: 'Termocom', version: 4 }),
      },
    });
    const form = await screen.findByTestId('client-form');
    const user = userEvent.setup();
    const organisation = within(form).getByLabelText('Organisation');
    await user.clear(organisation);
    await user.type(organisation, 'Termocom');
    await user.click(within(form).getByTestId('client-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/clients/c-ana')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/clients/c-ana')[0]!.body).toEqual({
      firstName: 'Ana',
      lastName: 'Popa',
      organisation: 'Termocom',
      externalId: 'A-100',
      language: 'ro',
      phones: [{ number: '+37369123456', label: 'mobile' }],
      emails: [{ address: 'ana@example.test', label: null }],
      tags: ['vip', 'billing'],
      custom: {
        contract_no: 'K-7',
        region: 'North',
        age: 41,
        vip: true,
        topics: ['Billing'],
        since: '2020-01-15',
      },
      version: 3,
    });
    expect(await screen.findByText('Client Ana Popa was saved.')).toBeInTheDocument();
    expect(screen.getByText('Termocom · ID A-100')).toBeInTheDocument();
  });

  it('lists notes newest first, adds one and edits one with its version', async () => {
    const { api } = renderApp({
      path: '/clients/c-ana',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'POST /api/cc/clients/c-ana/notes': { id: 'n-3', text: 'Called back.', version: 0 },
        'PUT /api/cc/clients/c-ana/notes/n-old': { id: 'n-old', text: 'Paid.', version: 1 },
      },
    });
    const user = await openTab('notes');
    const notes = await screen.findAllByTestId('note');
    expect(notes.map((n) => n.getAttribute('data-id'))).toEqual(['n-new', 'n-old']);
    expect(notes[0]).toHaveTextContent('Olena Operator');
    expect(notes[0]).toHaveTextContent(/Edited/);
    expect(notes[1]).toHaveTextContent('You');

    // an empty note is refused here
    await user.click(screen.getByTestId('note-add'));
    expect(screen.getByText('This field is required.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('New note'), '  Called back. ');
    await user.click(screen.getByTestId('note-add'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/clients/c-ana/notes')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/clients/c-ana/notes')[0]!.body).toEqual({ text: 'Called back.' });
    await waitFor(() => expect(screen.getByLabelText('New note')).toHaveValue(''));

    await user.click(within(notes[1]!).getByTestId('note-edit'));
    const text = within(notes[1]!).getByLabelText('Note');
    expect(text).toHaveValue('Asked about the March invoice.');
    await user.clear(text);
    await user.type(text, 'Paid.');
    await user.click(within(notes[1]!).getByTestId('note-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/clients/c-ana/notes/n-old')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/clients/c-ana/notes/n-old')[0]!.body).toEqual({
      text: 'Paid.',
      version: 0,
    });
    expect(
      await screen.findByText('The note was saved; the earlier text is kept in its history.'),
    ).toBeVisible();
  });

  it("lists an edited note's earlier versions with their author and time", async () => {
    const { api } = renderApp({
      path: '/clients/c-ana',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/clients/c-ana/notes/n-new/versions': [
          {
            number: 1,
            text: 'Prefers calls.',
            authorId: 'u-other',
            authorName: 'Olena Operator',
            writtenAt: '2026-05-01T10:05:00Z',
          },
          {
            number: 2,
            text: 'Prefers calls after 16:00.',
            authorId: 'p-admin',
            writtenAt: '2026-05-01T10:30:00Z',
          },
          // the current text comes last; the card shows it as the note itself, not as an earlier version
          {
            number: 3,
            text: 'Prefers calls after 17:00.',
            authorId: 'p-admin',
            writtenAt: '2026-05-01T11:00:00Z',
          },
        ],
      },
    });
    const user = await openTab('notes');
    const notes = await screen.findAllByTestId('note');
    // a note never edited has no history to show
    expect(within(notes[1]!).queryByTestId('note-history')).toBeNull();
    await user.click(within(notes[0]!).getByTestId('note-history'));
    const modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Earlier versions of the note');
    const versions = await within(modal).findAllByTestId('note-version');
    // the newest earlier version first
    expect(versions[0]).toHaveTextContent('Prefers calls after 16:00.');
    expect(versions[0]).toHaveTextContent('Written by You');
    expect(versions[1]).toHaveTextContent('Prefers calls.');
    expect(versions[1]).toHaveTextContent('Written by Olena Operator');
    expect(versions[1]).toHaveTextContent(/2026/);
    expect(modal).toHaveTextContent('Prefers calls after 17:00.');
    expect(api.callsTo('GET', '/api/cc/clients/c-ana/notes/n-new/versions')).toHaveLength(1);
  });

  it('has an empty notes tab and no note form without clients.manage', async () => {
    renderApp({
      path: '/clients/c-ion',
      me: {
        ...demoAdmin,
        memberships: [{ ...demoAdmin.memberships[0]!, permissions: ['clients.view'] }],
      },
      routes: {
        ...crmRoutes,
        'GET /api/cc/clients/c-ion/notes': { items: [], page: 0, size: 100, total: 0 },
      },
    });
    await openTab('notes');
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No notes yet');
    expect(screen.queryByTestId('note-new')).toBeNull();
  });

  it("lists the client's calls newest first, each opening in the interactions page", async () => {
    const { api } = renderApp({ path: '/clients/c-ana', me: demoAdmin, routes: historyRoutes });
    const user = await openTab('history');
    const rows = await screen.findAllByTestId('history-row');
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['i-answered', 'i-abandoned', 'i-out']);
    expect(rows[0]).toHaveTextContent('Inbound');
    expect(rows[0]).toHaveTextContent('Ended');
    expect(within(rows[0]!).getByTestId('history-duration')).toHaveTextContent('2:17');
    expect(rows[2]).toHaveTextContent('Outbound');
    expect(api.callsTo('GET', '/api/cc/clients/c-ana/interactions')[0]!.search.get('page')).toBe('0');

    const open = within(rows[0]!).getByTestId('history-open');
    expect(open).toHaveAttribute('href', '/interactions?open=i-answered');
    await user.click(open);
    expect(await screen.findByTestId('interaction-state')).toHaveTextContent('Ended');
  });

  it('has an empty history', async () => {
    renderApp({
      path: '/clients/c-ion',
      me: demoAdmin,
      routes: { ...crmRoutes, 'GET /api/cc/clients/c-ion/interactions': page([]) },
    });
    await openTab('history');
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No calls yet');
  });

  it("calls one of the client's saved numbers with a caller ID of the tenant (AGT-02)", async () => {
    const { api } = renderApp({
      path: '/clients/c-ana',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/calls/caller-numbers': tenantNumbers,
        'POST /api/cc/calls': { status: 202, body: { interactionId: 'i-new' } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Call +37369123456' }));
    const form = await screen.findByTestId('place-call-form');
    expect(within(form).getByLabelText(/^Number to call/)).toHaveValue('+37369123456');
    await user.click(within(form).getByTestId('place-call-submit'));
    await waitFor(() =>
      expect(api.calls.some((c) => c.path === '/api/cc/calls' && c.method === 'POST')).toBe(true),
    );
    const placed = api.calls.find((c) => c.path === '/api/cc/calls' && c.method === 'POST')!;
    expect(placed.body).toMatchObject({ to: '+37369123456' });
    // the card was not saved by the call's form
    expect(api.calls.some((c) => c.path === '/api/cc/clients/c-ana' && c.method === 'PUT')).toBe(false);
  });

  it('deletes the client only after confirmation', async () => {
    const { api } = renderApp({
      path: '/clients/c-ion',
      me: demoAdmin,
      routes: { ...crmRoutes, 'DELETE /api/cc/clients/c-ion': { status: 204 } },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('client-delete'));
    let modal = await screen.findByRole('dialog');
    expect(modal).toHaveTextContent('Delete the client Ion Rusu with their notes?');
    await user.click(within(modal).getByTestId('confirm-cancel'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('DELETE', '/api/cc/clients/c-ion')).toHaveLength(0);

    await user.click(screen.getByTestId('client-delete'));
    modal = await screen.findByRole('dialog');
    await user.click(within(modal).getByTestId('confirm-action'));
    await waitFor(() => expect(api.callsTo('DELETE', '/api/cc/clients/c-ion')).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Clients'));
    expect(await screen.findByText('Client Ion Rusu was deleted.')).toBeInTheDocument();
  });

  it('says when the client does not exist', async () => {
    renderApp({
      path: '/clients/c-gone',
      me: demoAdmin,
      routes: { ...crmRoutes, 'GET /api/cc/clients/c-gone': { status: 404, body: { status: 404 } } },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('Not found');
  });

  it('shows an unnamed client by its number', async () => {
    renderApp({
      path: '/clients/c-ion',
      me: demoAdmin,
      routes: {
        ...crmRoutes,
        'GET /api/cc/clients/c-ion': {
          ...ion,
          firstName: null,
          lastName: null,
          phones: [{ number: '+37322123456', label: null }],
        },
      },
    });
    expect(await screen.findByTestId('page-title')).toHaveTextContent('+373 22 123 456');
  });
});
