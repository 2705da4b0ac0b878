import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import type { SearchResponse } from './api';
import { SearchDialog } from './SearchDialog';

const answer: SearchResponse = {
  contacts: { items: [{ id: 'c1', title: '张伟', subtitle: '云帆科技 · 13800138000' }], more: false },
  leads: { items: [{ id: 'l1', title: '张伟', subtitle: '企业培训' }], more: false },
  complaints: { items: [{ id: 'k1', title: '张伟', subtitle: '包裹晚到' }], more: true },
};

function renderDialog() {
  const router = createMemoryRouter(
    [
      { path: '/today', element: <SearchDialog open onClose={() => undefined} /> },
      { path: '/contacts/:id', element: <p>contact page</p> },
      { path: '/leads', element: <p>lead list</p> },
      { path: '/complaints/:id', element: <p>complaint page</p> },
    ],
    { initialEntries: ['/today'] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return router;
}

describe('SearchDialog', () => {
  const fetch = vi.fn(async (request: Request) => {
    expect(new URL(request.url).searchParams.get('q')).toBe('zhangwei');
    return new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } });
  });
  beforeEach(() => {
    changeLanguage('en');
    vi.stubGlobal('fetch', fetch);
    // jsdom lays nothing out, so it has no scrollIntoView (the arrows keep the active option in view).
    Element.prototype.scrollIntoView = vi.fn();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('groups the results and opens the first with Enter', async () => {
    const router = renderDialog();
    const input = screen.getByRole('combobox', { name: 'Search contacts, leads and complaints' });
    await userEvent.type(input, 'zhangwei');
    expect(await screen.findAllByRole('option')).toHaveLength(3);
    expect(screen.getByRole('group', { name: 'Leads' })).toBeInTheDocument();
    expect(screen.getByText(/More leads or complaints match/)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-activedescendant', screen.getAllByRole('option')[0]?.id);
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/contacts/c1');
  });

  it('moves with the arrows and opens the chosen one', async () => {
    const router = renderDialog();
    await userEvent.type(screen.getByRole('combobox'), 'zhangwei');
    await screen.findAllByRole('option');
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname + router.state.location.search).toBe('/leads?lead=l1');
  });

  it('opens a complaint with a click, and wraps from the first option to the last', async () => {
    const router = renderDialog();
    await userEvent.type(screen.getByRole('combobox'), 'zhangwei');
    await screen.findAllByRole('option');
    await userEvent.keyboard('{ArrowUp}');
    expect(screen.getAllByRole('option')[2]).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(screen.getByRole('option', { name: /包裹晚到/ }));
    expect(router.state.location.pathname).toBe('/complaints/k1');
  });
});
