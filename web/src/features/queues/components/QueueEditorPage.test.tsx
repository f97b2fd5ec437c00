import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoAdmin, DEMO_ID, officeHours, operator, queueDefaults, queuesByTenant } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { billingMembers, skills } from '@/test/routing';
import { agents, page } from '@/test/telephony';

const [billingQueue] = queuesByTenant[DEMO_ID];
const none = { queueId: null, agentId: null, number: null, message: null };
const billing = {
  ...billingQueue!,
  maxWaitSeconds: 600,
  overflow: {
    closed: { ...none, type: 'QUEUE', queueId: 'q-outages' },
    timeout: { ...none, type: 'VOICEMAIL' },
    full: { ...none, type: 'NUMBER', number: '+37322123456' },
    noAgents: { ...none, type: 'ANNOUNCE_HANGUP', message: 'Sorry, nobody can take your call.' },
  },
};

const routes = {
  'GET /api/cc/queues': queuesByTenant[DEMO_ID],
  'GET /api/cc/queues/q-billing': billing,
  'GET /api/cc/queues/q-billing/members': billingMembers,
  'GET /api/cc/calendars': [officeHours],
  'GET /api/cc/agents': page(agents),
  'GET /api/cc/skills': page(skills),
};

/** The whole PUT body of the Billing queue as loaded, with `changes` applied. */
const billingBody = (changes: object = {}) => ({
  name: 'Billing',
  description: 'Invoices',
  serviceLevelSeconds: 20,
  enabled: true,
  calendarId: 'c-office',
  selfLoginAllowed: true,
  strategy: 'MOST_SKILLED',
  priority: 5,
  ringTimeoutSeconds: 20,
  wrapUpSeconds: 30,
  stickyDays: 0,
  stickyWaitSeconds: 10,
  skillFallbackSeconds: null,
  maxWaitSeconds: 600,
  maxLength: 0,
  announcePosition: true,
  announceWait: true,
  announceIntervalSeconds: 60,
  callbackOffer: false,
  callbackPreferredTime: false,
  voicemailOption: false,
  overflow: billing.overflow,
  version: 1,
  ...changes,
});

async function openEditor(extra: Record<string, unknown> = {}, me = demoAdmin) {
  const result = renderApp({ path: '/queues/q-billing', me, routes: { ...routes, ...extra } });
  const user = userEvent.setup();
  const form = await screen.findByTestId('queue-form');
  const field = <T extends Element = HTMLInputElement>(name: string) =>
    form.querySelector<T & Element>(`[name="${name}"]`)!;
  const tab = (name: string) => user.click(screen.getByTestId(`queue-tab-${name}`));
  return { ...result, user, form, field, tab };
}

describe('Queue editor (ACD-01 … ACD-11)', () => {
  it('shows the settings of the queue, tab by tab, and its targets', async () => {
    const { field, tab } = await openEditor();
    expect(screen.getByTestId('page-title')).toHaveTextContent('Billing');
    expect(field('name')).toHaveValue('Billing');

    await tab('distribution');
    expect(screen.getByRole('radio', { name: /^Most skilled/ })).toBeChecked();
    expect(screen.getByText(/highest levels in the required skills/)).toBeVisible();
    expect(field('priority')).toHaveValue('5');
    // sticky agent is off (0 days): its wait has nothing to do
    expect(field('stickyWaitSeconds')).toBeDisabled();

    await tab('waiting');
    expect(field('maxWaitSeconds')).toHaveValue('600');
    expect(field('callbackPreferredTime')).toBeDisabled();

    await tab('overflow');
    const closedQueue = field<HTMLSelectElement>('overflow.closed.queueId');
    expect(closedQueue).toHaveValue('q-outages');
    // a queue cannot overflow to itself: Billing is not offered
    expect([...closedQueue.options].map((o) => o.textContent)).toEqual(['Choose a queue', 'Outages']);
    expect(field('overflow.full.number')).toHaveValue('+37322123456');
    expect(field('overflow.noAgents.message')).toHaveValue('Sorry, nobody can take your call.');
    expect(field('overflow.timeout.type')).toHaveValue('VOICEMAIL');
    expect(screen.getByTestId('overflow-timeout').querySelectorAll('input,textarea')).toHaveLength(0);
  });

  it('saves every setting with the version', async () => {
    const { api, user, form, field, tab } = await openEditor({
      'PUT /api/cc/queues/q-billing': { ...billing, version: 2 },
    });
    await tab('distribution');
    await user.click(screen.getByRole('radio', { name: /^Round robin/ }));
    await user.clear(field('priority'));
    await user.type(field('priority'), '7');
    await tab('waiting');
    await user.clear(field('maxWaitSeconds'));
    await user.click(field('callbackOffer'));
    await user.click(field('callbackPreferredTime'));
    await user.click(within(form).getByTestId('queue-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/queues/q-billing')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/queues/q-billing')[0]!.body).toEqual(
      billingBody({
        strategy: 'ROUND_ROBIN',
        priority: 7,
        maxWaitSeconds: null,
        callbackOffer: true,
        callbackPreferredTime: true,
      }),
    );
    expect(await screen.findByText('Queue saved.')).toBeInTheDocument();
  });

  it('checks each overflow target before saving, on the overflow tab (ACD-08)', async () => {
    const { api, user, form, field, tab } = await openEditor({
      'PUT /api/cc/queues/q-billing': (call: { body: unknown }) => ({ ...billing, ...(call.body as object) }),
    });
    await tab('overflow');
    await user.selectOptions(field<HTMLSelectElement>('overflow.closed.type'), 'AGENT');
    await user.selectOptions(field<HTMLSelectElement>('overflow.timeout.type'), 'QUEUE');
    await user.clear(field('overflow.full.number'));
    await user.type(field('overflow.full.number'), '0712 345');
    await user.clear(field<HTMLTextAreaElement>('overflow.noAgents.message'));

    // saved from another tab: the editor goes to the tab with the first wrong field
    await tab('general');
    await user.click(within(form).getByTestId('queue-save'));
    expect(screen.getByTestId('queue-tab-overflow')).toHaveAttribute('aria-selected', 'true');
    expect(within(form).getByText('Choose the agent who takes these calls.')).toBeVisible();
    expect(within(form).getByText('Choose the queue that takes these calls.')).toBeVisible();
    expect(
      within(form).getByText('Enter the number in international format, e.g. +37322123456.'),
    ).toBeVisible();
    expect(within(form).getByText('Enter the message to play.')).toBeVisible();
    expect(field('overflow.timeout.queueId')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('queue-tab-overflow')).toHaveTextContent('4');
    expect(api.callsTo('PUT', '/api/cc/queues/q-billing')).toHaveLength(0);

    await user.selectOptions(field<HTMLSelectElement>('overflow.closed.agentId'), 'a-ion');
    await user.selectOptions(field<HTMLSelectElement>('overflow.timeout.queueId'), 'q-outages');
    await user.clear(field('overflow.full.number'));
    await user.type(field('overflow.full.number'), '+40 712 345 678');
    await user.type(field<HTMLTextAreaElement>('overflow.noAgents.message'), '  We are closed.  ');
    expect(within(form).queryByText('Choose the queue that takes these calls.')).toBeNull();
    await user.click(within(form).getByTestId('queue-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/queues/q-billing')).toHaveLength(1));
    // only the target of each action's type is sent
    expect(
      (api.callsTo('PUT', '/api/cc/queues/q-billing')[0]!.body as { overflow: unknown }).overflow,
    ).toEqual({
      closed: { ...none, type: 'AGENT', agentId: 'a-ion' },
      timeout: { ...none, type: 'QUEUE', queueId: 'q-outages' },
      full: { ...none, type: 'NUMBER', number: '+40712345678' },
      noAgents: { ...none, type: 'ANNOUNCE_HANGUP', message: 'We are closed.' },
    });
  });

  it('shows the server field errors of an overflow target next to it (queue.overflow-self)', async () => {
    const { user, form, field } = await openEditor({
      'PUT /api/cc/queues/q-billing': {
        status: 400,
        body: {
          status: 400,
          code: 'queue.overflow-self',
          detail: 'A queue cannot overflow to itself.',
          errors: [
            {
              field: 'overflow.closed.queueId',
              code: 'queue.overflow-self',
              message: 'Billing cannot overflow to Billing.',
            },
          ],
        },
      },
    });
    await user.click(within(form).getByTestId('queue-save'));
    expect(await within(form).findByText('Billing cannot overflow to Billing.')).toBeVisible();
    expect(screen.getByTestId('queue-tab-overflow')).toHaveAttribute('aria-selected', 'true');
    expect(field('overflow.closed.queueId')).toHaveAttribute('aria-invalid', 'true');
  });

  it('saves the members and their skill levels as one list (ACD-03)', async () => {
    const saved = [
      {
        agentId: 'a-ana',
        displayName: 'Ana Agent',
        loggedIn: true,
        skills: [{ skillId: 's-billing', level: 2 }],
      },
      {
        agentId: 'a-ion',
        displayName: 'Ion Mobile',
        loggedIn: false,
        skills: [{ skillId: 's-billing', level: 4 }],
      },
    ];
    const { api, user, tab } = await openEditor({ 'PUT /api/cc/queues/q-billing/members': saved });
    await tab('members');
    const rows = await screen.findAllByTestId('member-row');
    expect(rows.map((r) => r.getAttribute('data-agent-id'))).toEqual(['a-ana', 'a-ion']);
    const [ana, ion] = rows as [HTMLElement, HTMLElement];
    expect(within(ana).getByTestId('member-select')).toBeChecked();
    expect(within(ana).getByText('Logged in')).toBeInTheDocument();
    expect(within(ana).getByTestId('member-level-s-ro')).toHaveValue('5');
    expect(within(ion).getByTestId('member-select')).not.toBeChecked();
    expect(within(ion).getByTestId('member-level-s-billing')).toBeDisabled();
    expect(screen.getByTestId('members-save')).toBeDisabled();

    await user.click(within(ion).getByRole('checkbox', { name: 'Ion Mobile is a member of this queue' }));
    await user.selectOptions(
      within(ion).getByRole('combobox', { name: 'Level of Ion Mobile in Billing' }),
      '4',
    );
    await user.selectOptions(within(ana).getByTestId('member-level-s-ro'), '');
    await user.click(screen.getByTestId('members-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/queues/q-billing/members')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/queues/q-billing/members')[0]!.body).toEqual({
      members: [
        { agentId: 'a-ana', skills: [{ skillId: 's-billing', level: 2 }] },
        { agentId: 'a-ion', skills: [{ skillId: 's-billing', level: 4 }] },
      ],
    });
    expect(await screen.findByText('Members of Billing saved.')).toBeInTheDocument();
    // the table starts again from the stored list
    await waitFor(() => expect(screen.getByTestId('members-save')).toBeDisabled());
    expect(screen.getByTestId('members-count')).toHaveTextContent('Members: 2');
  });

  it('removes every member when all are unchecked', async () => {
    const { api, user, tab } = await openEditor({ 'PUT /api/cc/queues/q-billing/members': [] });
    await tab('members');
    const [ana] = await screen.findAllByTestId('member-row');
    await user.click(within(ana!).getByTestId('member-select'));
    await user.click(screen.getByTestId('members-save'));
    await waitFor(() => expect(api.callsTo('PUT', '/api/cc/queues/q-billing/members')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/cc/queues/q-billing/members')[0]!.body).toEqual({ members: [] });
  });

  it('creates a queue with the defaults shown, then opens its members', async () => {
    const created = {
      ...billing,
      ...queueDefaults,
      id: 'q-new',
      name: 'Complaints',
      description: '',
      calendarId: null,
    };
    const { api } = renderApp({
      path: '/queues/new',
      me: demoAdmin,
      routes: {
        ...routes,
        'POST /api/cc/queues': created,
        'GET /api/cc/queues/q-new': created,
        'GET /api/cc/queues/q-new/members': [],
      },
    });
    const user = userEvent.setup();
    const form = await screen.findByTestId('queue-form');
    await user.click(screen.getByTestId('queue-tab-members'));
    expect(screen.getByText('Save the queue first')).toBeVisible();
    await user.click(screen.getByTestId('queue-tab-general'));
    await user.type(form.querySelector('input[name="name"]')!, 'Complaints');
    await user.click(within(form).getByTestId('queue-save'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/queues')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/queues')[0]!.body).toEqual({
      name: 'Complaints',
      description: '',
      serviceLevelSeconds: 20,
      enabled: true,
      calendarId: null,
      ...queueDefaults,
    });
    await waitFor(() => expect(screen.getByTestId('page-title')).toHaveTextContent('Complaints'));
    expect(screen.getByTestId('queue-tab-members')).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findAllByTestId('member-row')).toHaveLength(2);
  });

  it('is read-only for an agent with queues.view', async () => {
    const { api, field, tab } = await openEditor({}, operator);
    expect(screen.getByTestId('queue-read-only')).toBeInTheDocument();
    expect(field('name')).toBeDisabled();
    expect(screen.queryByTestId('queue-save')).toBeNull();
    await tab('members');
    const rows = await screen.findAllByTestId('member-row');
    // only the members: the agent list is not asked for
    expect(rows).toHaveLength(1);
    expect(within(rows[0]!).getByTestId('member-select')).toBeDisabled();
    expect(screen.queryByTestId('members-save')).toBeNull();
    expect(api.callsTo('GET', '/api/cc/agents')).toHaveLength(0);
  });

  it('says when the queue does not exist', async () => {
    renderApp({
      path: '/queues/q-gone',
      me: demoAdmin,
      routes: { ...routes, 'GET /api/cc/queues/q-gone': { status: 404, body: { status: 404 } } },
    });
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('Not found');
  });
});
