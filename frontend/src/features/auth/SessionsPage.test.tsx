import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { SessionsPage } from './SessionsPage';

const here = {
  id: 's-here',
  createdAt: '2026-11-30T08:00:00Z',
  lastUsedAt: '2026-11-30T09:00:00Z',
  expiresAt: '2026-12-07T08:00:00Z',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
  address: '10.0.0.1',
  current: true,
};
const phone = {
  id: 's-phone',
  createdAt: '2026-11-29T08:00:00Z',
  lastUsedAt: '2026-11-29T09:00:00Z',
  expiresAt: '2026-12-06T08:00:00Z',
  userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1',
  address: '10.0.0.2',
  current: false,
};

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
}

describe('SessionsPage', () => {
  beforeEach(() => {
    resetSessionForTests();
    changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists where the user is signed in and signs another place out', async () => {
    let items = [here, phone];
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        calls.push(`${request.method} ${path}`);
        if (request.method === 'DELETE') {
          items = [here];
          return new Response(null, { status: 204 });
        }
        return json({ items, page: 0, size: 100, total: items.length });
      }),
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AntApp>
          <SessionsPage />
        </AntApp>
      </QueryClientProvider>,
    );

    const cards = await screen.findAllByTestId('session-item');
    expect(cards).toHaveLength(2);
    expect(within(cards[0] as HTMLElement).getByText('This browser')).toBeInTheDocument();
    expect(within(cards[1] as HTMLElement).getByText('Safari · iOS')).toBeInTheDocument();
    expect(within(cards[0] as HTMLElement).queryByRole('button', { name: 'Sign out' })).toBeNull();
    await userEvent.click(within(cards[1] as HTMLElement).getByRole('button', { name: 'Sign out' }));
    // The confirmation's own button, once the popover is open.
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Sign out' })).toHaveLength(2));
    await userEvent.click(screen.getAllByRole('button', { name: 'Sign out' })[1] as HTMLElement);
    expect(await screen.findByText('Session signed out')).toBeInTheDocument();
    expect(calls).toContain('DELETE /api/v1/me/sessions/s-phone');
    expect(await screen.findAllByTestId('session-item')).toHaveLength(1);
  });
});
