import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEMO_ID, operator } from '@/test/fixtures';
import type { RecordedCall } from '@/test/render';
import { renderApp } from '@/test/render';
import { myPresence } from '@/test/routing';

const hour = (h: number) => new Date(Date.UTC(2026, 10, 23, h)).toISOString();

const day = {
  from: hour(0),
  to: hour(23),
  handled: 5,
  missed: 2,
  serviceLevel: 0.8,
  averageTalkSeconds: 95,
  serviceLevelSeconds: 20,
  buckets: Array.from({ length: 24 }, (_, h) => ({
    start: hour(h),
    handled: h === 9 ? 3 : h === 10 ? 2 : 0,
    missed: h === 10 ? 2 : 0,
  })),
};

const calls = [
  {
    id: 'i-1',
    direction: 'INBOUND',
    state: 'ENDED',
    remoteNumber: '+37369000001',
    startedAt: hour(9),
    answeredAt: hour(9),
    endedAt: hour(9),
    talkSeconds: 125,
    agentName: 'Ana Agent',
    handedOver: false,
    notes: ['Boiler pressure is low'],
  },
  {
    id: 'i-2',
    direction: 'INBOUND',
    state: 'ENDED',
    remoteNumber: '+37369000002',
    startedAt: hour(8),
    answeredAt: hour(8),
    endedAt: hour(8),
    talkSeconds: 30,
    agentName: 'Ion Agent',
    handedOver: true,
    notes: [],
  },
];

const routes = {
  'GET /api/cc/presence/me': myPresence,
  'GET /api/cc/queues/q-billing/live': { waiting: 3, longestWaitSeconds: 75 },
  'GET /api/cc/me/stats': (call: RecordedCall) =>
    call.search.get('days') === '7'
      ? { ...day, handled: 40, missed: 0, serviceLevel: null, buckets: day.buckets.slice(0, 7) }
      : day,
  'GET /api/cc/me/calls': (call: RecordedCall) => {
    const q = call.search.get('q');
    const items = q ? calls.filter((c) => c.notes.join(' ').toLowerCase().includes(q.toLowerCase())) : calls;
    return { items, page: 0, size: 20, total: items.length };
  },
};

describe('My calls (AGT-07, AGT-10)', () => {
  it('shows waiting callers of my queues, my figures with a chart, and my calls with their notes', async () => {
    const { api } = renderApp({ path: '/my-calls', me: operator, routes });

    // only the queue I am logged in to, with its waiting count
    const waiting = await screen.findAllByTestId('my-waiting-queue');
    expect(waiting).toHaveLength(1);
    await waitFor(() => expect(waiting[0]).toHaveTextContent(/Billing\s*3/));
    expect(waiting[0]).toHaveTextContent('longest 1:15');

    expect(await screen.findByTestId('my-handled')).toHaveTextContent('5');
    expect(screen.getByTestId('my-missed')).toHaveTextContent('2');
    expect(screen.getByTestId('my-service-level')).toHaveTextContent('80 %');
    expect(screen.getByTestId('my-average-talk')).toHaveTextContent('1:35');
    const bars = within(screen.getByTestId('my-chart')).getAllByTestId('my-chart-bar');
    expect(bars).toHaveLength(24);
    expect(bars[10]).toHaveAccessibleName(/2 handled, 2 missed/);
    const stats = api.calls.find((c) => c.path === '/api/cc/me/stats')!;
    expect(stats.headers['X-Linea-Tenant']).toBe(DEMO_ID);
    expect(stats.search.get('zone')).toBeTruthy();

    const rows = await screen.findAllByTestId('my-call');
    expect(rows.map((r) => r.getAttribute('data-interaction'))).toEqual(['i-1', 'i-2']);
    expect(rows[0]).toHaveTextContent('Boiler pressure is low');
    expect(rows[0]).toHaveTextContent('2:05');
    expect(rows[1]).toHaveTextContent('Transferred to Ion Agent');

    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    await waitFor(() => expect(screen.getByTestId('my-handled')).toHaveTextContent('40'));
    expect(screen.getByTestId('my-service-level')).toHaveTextContent('—');

    await user.type(screen.getByTestId('my-search'), 'boiler');
    await waitFor(() => expect(screen.getAllByTestId('my-call')).toHaveLength(1));
    expect(api.calls.some((c) => c.path === '/api/cc/me/calls' && c.search.get('q') === 'boiler')).toBe(true);
    await user.clear(screen.getByTestId('my-search'));
    await user.type(screen.getByTestId('my-search'), 'nothing like it');
    expect(await screen.findByText('No call matches the search.')).toBeInTheDocument();
  });

  it('tells a person who is no agent of this client', async () => {
    renderApp({
      path: '/my-calls',
      me: operator,
      routes: {
        'GET /api/cc/me/stats': { status: 404, body: { status: 404, code: 'resource.not-found' } },
      },
    });
    expect(await screen.findByText(/not an agent|not set up/i)).toBeInTheDocument();
  });
});
