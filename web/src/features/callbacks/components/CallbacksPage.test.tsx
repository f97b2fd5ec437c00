import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoAdmin, DEMO_ID, operator, queuesByTenant } from '@/test/fixtures';
import { renderApp } from '@/test/render';
import { callbackRequest, doneCallback, missedCall, openCallbacks, voicemailMessage } from '@/test/routing';
import { page, tenantNumbers } from '@/test/telephony';

const routes = {
  'GET /api/cc/callbacks': openCallbacks,
  'GET /api/cc/calls/caller-numbers': tenantNumbers,
};

async function rows() {
  const found = await screen.findAllByTestId('callback-row');
  return Object.fromEntries(found.map((row) => [row.getAttribute('data-id'), row])) as Record<
    string,
    HTMLElement
  >;
}

describe('Callbacks page (ACD-10, ACD-14, IVR-09)', () => {
  it('lists open callbacks, missed calls and voicemails', async () => {
    const { api } = renderApp({ path: '/callbacks', me: operator, routes });
    const row = await rows();
    expect(Object.keys(row)).toEqual(['cb-1', 'cb-2', 'cb-3']);
    expect(row['cb-1']).toHaveTextContent('Callback request');
    expect(within(row['cb-1']!).getByTestId('callback-number')).toHaveTextContent('+373 69 555 666');
    expect(row['cb-1']).toHaveTextContent('Billing');
    expect(within(row['cb-1']!).getByTestId('callback-preferred')).not.toHaveTextContent('—');
    expect(within(row['cb-1']!).getByTestId('callback-attempts')).toHaveTextContent(/^1last /);
    expect(within(row['cb-1']!).getByTestId('callback-status')).toHaveTextContent('Scheduled');
    expect(row['cb-2']).toHaveTextContent('Missed call');
    // a withheld number cannot be dialled back
    expect(within(row['cb-2']!).getByTestId('callback-number')).toHaveTextContent('Withheld number');
    expect(within(row['cb-2']!).getByTestId('callback-dial')).toBeDisabled();
    expect(row['cb-3']).toHaveTextContent('Voicemail');
    expect(within(row['cb-3']!).getByTestId('voicemail-play')).toHaveTextContent('Play 0:42');
    const call = api.callsTo('GET', '/api/cc/callbacks')[0]!;
    expect(call.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(call.search.get('status')).toBe('OPEN');
    expect(call.search.get('kind')).toBeNull();
  });

  it('shows who closed a done entry, how it ended, and no actions', async () => {
    renderApp({
      path: '/callbacks',
      me: demoAdmin,
      routes: { 'GET /api/cc/callbacks': page([doneCallback]) },
    });
    const row = (await rows())['cb-4']!;
    expect(within(row).getByTestId('callback-status')).toHaveTextContent('Done');
    expect(row).toHaveTextContent('Caller reached');
    expect(row).toHaveTextContent('by Ana Agent');
    expect(row).toHaveTextContent('Paid by card');
    expect(within(row).queryByTestId('callback-dial')).toBeNull();
    expect(within(row).queryByTestId('callback-done')).toBeNull();
  });

  it('filters by status and kind, with an empty state for each filter', async () => {
    const { api } = renderApp({
      path: '/callbacks',
      me: demoAdmin,
      routes: {
        ...routes,
        'GET /api/cc/callbacks': (call: { search: URLSearchParams }) =>
          call.search.get('status') === 'OPEN' && !call.search.get('kind') ? openCallbacks : page([]),
      },
    });
    const user = userEvent.setup();
    await rows();
    await user.click(within(screen.getByTestId('callbacks-kind')).getByText('Voicemails'));
    expect(await screen.findByTestId('empty-state')).toHaveTextContent('No open voicemails.');
    expect(api.calls.at(-1)!.search.get('kind')).toBe('VOICEMAIL');
    await user.click(within(screen.getByTestId('callbacks-status')).getByText('Done'));
    await waitFor(() =>
      expect(screen.getByTestId('empty-state')).toHaveTextContent('No voicemail has been marked done yet.'),
    );
    expect(api.calls.at(-1)!.search.get('status')).toBe('DONE');
    await user.click(within(screen.getByTestId('callbacks-kind')).getByText('All types'));
    await user.click(within(screen.getByTestId('callbacks-status')).getByText('All'));
    await waitFor(() =>
      expect(screen.getByTestId('empty-state')).toHaveTextContent(
        'No callback requests, missed calls or voicemails yet.',
      ),
    );
    expect(api.calls.at(-1)!.search.get('status')).toBe('ALL');
    expect(api.calls.at(-1)!.search.get('kind')).toBeNull();
  });

  it('marks an entry done after asking the outcome, with the version', async () => {
    let listed: unknown = openCallbacks;
    const { api } = renderApp({
      path: '/callbacks',
      me: operator,
      routes: {
        ...routes,
        'GET /api/cc/callbacks': () => listed,
        'POST /api/cc/callbacks/cb-1/done': () => {
          listed = page([missedCall, voicemailMessage]);
          // (a bare item with a `status` field would read as a reply)
          return { status: 200, body: { ...callbackRequest, status: 'DONE', outcome: 'NO_ANSWER' } };
        },
      },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['cb-1']!).getByTestId('callback-done'));
    const form = await screen.findByTestId('done-form');
    expect(form).toHaveTextContent('Close the entry of +373 69 555 666?');

    // nothing is sent before an outcome is chosen
    await user.click(within(form).getByTestId('done-confirm'));
    expect(within(form).getByText('Choose how it ended.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/cc/callbacks/cb-1/done')).toHaveLength(0);

    await user.selectOptions(within(form).getByRole('combobox', { name: /^Outcome/ }), 'NO_ANSWER');
    await user.type(within(form).getByRole('textbox', { name: /^Note/ }), '  Tried twice, voicemail full.  ');
    await user.click(within(form).getByTestId('done-confirm'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/callbacks/cb-1/done')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/callbacks/cb-1/done')[0]!.body).toEqual({
      outcome: 'NO_ANSWER',
      note: 'Tried twice, voicemail full.',
      version: 4,
    });
    await waitFor(() => expect(screen.queryByTestId('done-form')).toBeNull());
    await waitFor(() => expect(Object.keys(screen.getAllByTestId('callback-row'))).toHaveLength(2));
  });

  it('cancelling "mark done" sends nothing', async () => {
    const { api } = renderApp({ path: '/callbacks', me: operator, routes });
    const user = userEvent.setup();
    await user.click(within((await rows())['cb-3']!).getByTestId('callback-done'));
    await user.click(within(await screen.findByTestId('done-form')).getByTestId('done-cancel'));
    await waitFor(() => expect(screen.queryByTestId('done-form')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says so when someone else closed the entry first (409 callback.done)', async () => {
    renderApp({
      path: '/callbacks',
      me: operator,
      routes: {
        ...routes,
        'POST /api/cc/callbacks/cb-1/done': {
          status: 409,
          body: { status: 409, code: 'callback.done', detail: 'Ion already marked this done.' },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['cb-1']!).getByTestId('callback-done'));
    const form = await screen.findByTestId('done-form');
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Outcome/ }), 'DUPLICATE');
    await user.click(within(form).getByTestId('done-confirm'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ion already marked this done.');
    await waitFor(() => expect(screen.queryByTestId('done-form')).toBeNull());
  });

  it('dials the caller back from the chosen tenant number', async () => {
    const { api } = renderApp({
      path: '/callbacks',
      me: operator,
      routes: { ...routes, 'POST /api/cc/callbacks/cb-1/dial': { interactionId: 'i-new' } },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['cb-1']!).getByTestId('callback-dial'));
    const form = await screen.findByTestId('dial-form');
    const select = form.querySelector<HTMLSelectElement>('select[name="numberId"]')!;
    await waitFor(() => expect(select).toBeEnabled());
    expect([...select.options].map((o) => o.textContent)).toEqual(['+373 80 012 345', '+373 69 123 456']);
    await user.selectOptions(select, 'n-mobile');
    await user.click(within(form).getByTestId('dial-submit'));
    await waitFor(() => expect(api.callsTo('POST', '/api/cc/callbacks/cb-1/dial')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/cc/callbacks/cb-1/dial')[0]!.body).toEqual({ numberId: 'n-mobile' });
    expect(await screen.findByText('Calling +373 69 555 666: answer your phone.')).toBeInTheDocument();
    // the attempt it counts shows after the list is read again
    await waitFor(() => expect(api.callsTo('GET', '/api/cc/callbacks').length).toBeGreaterThan(1));
  });

  it('shows why the server refused to dial, in the form', async () => {
    renderApp({
      path: '/callbacks',
      me: operator,
      routes: {
        ...routes,
        'POST /api/cc/callbacks/cb-1/dial': {
          status: 409,
          body: { status: 409, code: 'call.agent-busy', detail: 'You are on another call.' },
        },
      },
    });
    const user = userEvent.setup();
    await user.click(within((await rows())['cb-1']!).getByTestId('callback-dial'));
    const form = await screen.findByTestId('dial-form');
    await waitFor(() => expect(within(form).getByTestId('dial-submit')).toBeEnabled());
    await user.click(within(form).getByTestId('dial-submit'));
    expect(await within(form).findByTestId('dial-refused')).toHaveTextContent('You are on another call.');
  });

  describe('schedule a callback (ACD-10)', () => {
    const scheduleRoutes = { ...routes, 'GET /api/cc/queues': page(queuesByTenant[DEMO_ID]) };

    async function openSchedule(user: ReturnType<typeof userEvent.setup>) {
      await rows();
      await user.click(screen.getByTestId('callback-schedule'));
      const form = await screen.findByTestId('schedule-form');
      const queue = within(form).getByRole('combobox', { name: /^Queue/ });
      await waitFor(() => expect(queue).toBeEnabled());
      return form;
    }

    it('sends the number, the queue and the preferred time as an instant, then refreshes the list', async () => {
      let listed: unknown = openCallbacks;
      const scheduled = {
        ...callbackRequest,
        id: 'cb-9',
        number: '+37322123456',
        queueId: 'q-outages',
        queueName: 'Outages',
        attempts: 0,
        lastAttemptAt: null,
        version: 0,
      };
      const { api } = renderApp({
        path: '/callbacks',
        me: operator,
        routes: {
          ...scheduleRoutes,
          'GET /api/cc/callbacks': () => listed,
          'POST /api/cc/callbacks': () => {
            listed = page([scheduled, callbackRequest, missedCall, voicemailMessage]);
            return { status: 201, body: scheduled };
          },
        },
      });
      const user = userEvent.setup();
      const form = await openSchedule(user);
      expect(form).toHaveTextContent('The queue calls the customer back through a free agent.');
      await user.type(within(form).getByRole('textbox', { name: /^Phone number/ }), ' +373 22 123 456 ');
      await user.selectOptions(within(form).getByRole('combobox', { name: /^Queue/ }), 'q-outages');
      fireEvent.change(form.querySelector<HTMLInputElement>('input[name="preferredAt"]')!, {
        target: { value: '2026-06-01T09:30' },
      });
      await user.click(within(form).getByTestId('schedule-save'));
      await waitFor(() => expect(api.callsTo('POST', '/api/cc/callbacks')).toHaveLength(1));
      expect(api.callsTo('POST', '/api/cc/callbacks')[0]!.body).toEqual({
        number: '+37322123456',
        queueId: 'q-outages',
        // the local time the person chose, as an instant
        preferredAt: new Date(2026, 5, 1, 9, 30).toISOString(),
      });
      await waitFor(() => expect(screen.queryByTestId('schedule-form')).toBeNull());
      expect(await screen.findByText('Callback to +373 22 123 456 scheduled.')).toBeInTheDocument();
      await waitFor(() => expect(Object.keys(screen.getAllByTestId('callback-row'))).toHaveLength(4));
    });

    it('without a queue or a time, sends nulls', async () => {
      const { api } = renderApp({
        path: '/callbacks',
        me: operator,
        routes: { ...scheduleRoutes, 'POST /api/cc/callbacks': { status: 201, body: callbackRequest } },
      });
      const user = userEvent.setup();
      const form = await openSchedule(user);
      await user.type(within(form).getByRole('textbox', { name: /^Phone number/ }), '+37369555666');
      await user.click(within(form).getByTestId('schedule-save'));
      await waitFor(() => expect(api.callsTo('POST', '/api/cc/callbacks')).toHaveLength(1));
      expect(api.callsTo('POST', '/api/cc/callbacks')[0]!.body).toEqual({
        number: '+37369555666',
        queueId: null,
        preferredAt: null,
      });
    });

    it('shows the server field error on the number, and sends nothing without one', async () => {
      const { api } = renderApp({
        path: '/callbacks',
        me: operator,
        routes: {
          ...scheduleRoutes,
          'POST /api/cc/callbacks': {
            status: 400,
            body: {
              status: 400,
              code: 'validation.failed',
              detail: 'The request has invalid fields.',
              errors: [{ field: 'number', code: 'number.invalid', message: 'This number cannot be called.' }],
            },
          },
        },
      });
      const user = userEvent.setup();
      const form = await openSchedule(user);
      const number = within(form).getByRole('textbox', { name: /^Phone number/ });
      await user.click(within(form).getByTestId('schedule-save'));
      expect(within(form).getByText('This field is required.')).toBeInTheDocument();
      expect(api.callsTo('POST', '/api/cc/callbacks')).toHaveLength(0);

      await user.type(number, '+37399999999');
      await user.click(within(form).getByTestId('schedule-save'));
      expect(await within(form).findByText('This number cannot be called.')).toBeInTheDocument();
      expect(number).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByTestId('schedule-form')).toBeInTheDocument();
      expect(within(screen.getByTestId('notifications')).queryByRole('alert')).toBeNull();
    });
  });

  describe('voicemail (IVR-09)', () => {
    const created: unknown[] = [];
    const createObjectURL = vi.fn((blob: unknown) => {
      created.push(blob);
      return 'blob:voicemail-1';
    });
    const revokeObjectURL = vi.fn();

    beforeEach(() => {
      created.length = 0;
      createObjectURL.mockClear();
      revokeObjectURL.mockClear();
      // jsdom has no object URLs and no media playback
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
      vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
      vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => {});
    });
    afterEach(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });

    it('fetches the audio with the token as a blob, plays it from an object URL and revokes it', async () => {
      const { api } = renderApp({
        path: '/callbacks',
        me: operator,
        routes: {
          ...routes,
          'GET /api/cc/callbacks': (call: { search: URLSearchParams }) =>
            call.search.get('kind') === 'MISSED' ? page([missedCall]) : openCallbacks,
          'GET /api/cc/voicemails/vm-1/audio': {
            status: 200,
            body: new Blob(['RIFF....WAVE'], { type: 'audio/wav' }),
            contentType: 'audio/wav',
          },
        },
      });
      const user = userEvent.setup();
      const row = (await rows())['cb-3']!;
      // an <audio src> to the API would go without the bearer token: nothing is played before the fetch
      expect(row.querySelector('audio')).toBeNull();
      await user.click(
        within(row).getByRole('button', { name: 'Play the voicemail from +40 712 345 678 (0:42)' }),
      );
      const audio = await within(row).findByTestId('voicemail-audio');
      expect(audio).toHaveAttribute('src', 'blob:voicemail-1');
      expect(audio).toHaveAccessibleName('Voicemail from +40 712 345 678');

      const [call] = api.callsTo('GET', '/api/cc/voicemails/vm-1/audio');
      expect(call!.headers.Authorization).toBe('Bearer test-token');
      expect(call!.headers['X-Linea-Tenant']).toBe(DEMO_ID);
      expect(createObjectURL).toHaveBeenCalledTimes(1);
      const blob = created[0] as Blob;
      expect(blob.type).toBe('audio/wav');
      expect(await blob.text()).toBe('RIFF....WAVE');
      expect(revokeObjectURL).not.toHaveBeenCalled();

      // the row goes away (another filter): its object URL is released
      await user.click(within(screen.getByTestId('callbacks-kind')).getByText('Missed calls'));
      await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:voicemail-1'));
    });

    it('says so when the audio cannot be fetched', async () => {
      renderApp({
        path: '/callbacks',
        me: operator,
        routes: {
          ...routes,
          'GET /api/cc/voicemails/vm-1/audio': {
            status: 404,
            body: { status: 404, code: 'voicemail.not-found', detail: 'The voicemail was deleted.' },
          },
        },
      });
      const user = userEvent.setup();
      await user.click(within((await rows())['cb-3']!).getByTestId('voicemail-play'));
      expect(await screen.findByRole('alert')).toHaveTextContent('The voicemail was deleted.');
      expect(createObjectURL).not.toHaveBeenCalled();
    });
  });
});
