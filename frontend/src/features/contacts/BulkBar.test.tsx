import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { BulkBar } from './BulkBar';
import type { BulkResult } from './bulkApi';
import type { ComponentProps } from 'react';

const report: BulkResult = {
  action: 'ADD_TAGS',
  selected: 2,
  changed: 1,
  unchanged: 0,
  conflict: 1,
  notVisible: 0,
  refused: 0,
  failed: 0,
  rows: [
    { contactId: 'c1', outcome: 'CHANGED', version: 4 },
    { contactId: 'c2', outcome: 'CONFLICT', version: 7 },
  ],
};

type BarOverrides = Partial<Pick<ComponentProps<typeof BulkBar>, 'selection' | 'count' | 'countExact' | 'allMatching'>>;

function renderBar(onClear = vi.fn(), overrides: BarOverrides = {}) {
  const router = createMemoryRouter(
    [
      {
        path: '/contacts',
        element: (
          <BulkBar
            selection={{
              kind: 'ids',
              items: [
                { id: 'c1', version: 3 },
                { id: 'c2', version: 6 },
              ],
            }}
            count={2}
            allMatching={{ total: 57, totalExact: true, onSelect: vi.fn() }}
            {...overrides}
            isManager={false}
            owners={[]}
            phone={false}
            names={{ c1: '张伟', c2: '李静' }}
            onClear={onClear}
          />
        ),
      },
    ],
    { initialEntries: ['/contacts'] },
  );
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
  return { onClear };
}

describe('BulkBar', () => {
  const sent: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    sent.push(request.clone());
    return new Response(JSON.stringify(report), { headers: { 'Content-Type': 'application/json' } });
  });
  beforeEach(() => {
    changeLanguage('en');
    sent.length = 0;
    vi.stubGlobal('fetch', fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the ticked rows with the versions the user saw, once per dialog, and shows the per-row report', async () => {
    const { onClear } = renderBar();
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Select all 57 matching' })).toBeInTheDocument();
    // A rep is offered no reassignment.
    expect(screen.queryByRole('button', { name: 'Assign owner' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add tags' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Tags' }), 'VIP{Enter}');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply to 2' }));

    expect(await screen.findByText('Bulk action report')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(new URL(request.url).pathname).toBe('/api/v1/contacts/bulk');
    expect(request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await request.json()).toEqual({
      action: 'ADD_TAGS',
      tags: ['VIP'],
      selection: {
        ids: [
          { id: 'c1', version: 3 },
          { id: 'c2', version: 6 },
        ],
      },
    });
    // The row someone else changed meanwhile is named, with why it was left alone.
    const conflicted = screen.getByRole('link', { name: '李静' });
    expect(conflicted).toHaveAttribute('href', '/contacts/c2');
    expect(screen.getAllByText('Changed by someone else').length).toBeGreaterThan(0);
    expect(screen.queryByRole('link', { name: '张伟' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('bulk-report-close'));
    expect(onClear).toHaveBeenCalled();
    // antd's dialogs render slowly in jsdom on a loaded machine.
  }, 60_000);

  it('says "1000+" rather than a count when the list stopped counting', async () => {
    renderBar(vi.fn(), {
      allMatching: { total: 1000, totalExact: false, onSelect: vi.fn() },
    });
    expect(screen.getByRole('button', { name: 'Select all 1000+ matching' })).toBeInTheDocument();
  });

  it('applies "all 1000+ matching" without claiming an exact number', async () => {
    renderBar(vi.fn(), {
      selection: { kind: 'filter', filter: { q: '张伟' }, total: 1000 },
      count: 1000,
      countExact: false,
      allMatching: undefined,
    });
    expect(screen.getByText('1000+ selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add tags' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Applies to more than 1000 contacts/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Apply to 1000+' })).toBeInTheDocument();
  }, 60_000);
});
