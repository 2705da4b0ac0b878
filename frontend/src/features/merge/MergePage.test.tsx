import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { MergePage } from './MergePage';

const base = {
  ownerId: 'u-1',
  ownerName: '王经理',
  lifecycleStage: 'AWARENESS',
  tags: [],
  marketingConsent: false,
  completeness: 40,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
  reachMasked: false,
};
const keep = { ...base, id: 'c-keep', name: '周晓明', mobile: '13700000001', company: '云帆', version: 3 };
const other = { ...base, id: 'c-other', name: '周晓明', mobile: '13700000001', email: 'zhou@example.cn', version: 1 };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('MergePage', () => {
  beforeEach(() => {
    resetSessionForTests();
    changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the first contact, takes the picked value from the other, and sends the versions the user saw', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        const path = new URL(request.url).pathname;
        if (request.method === 'POST') {
          sent.push(await request.json());
          return json(
            { id: 'm-1', survivorId: keep.id, mergedIds: [other.id], choices: {}, moved: {}, pointsMoved: 0 },
            201,
          );
        }
        return json(path.endsWith(keep.id) ? keep : other);
      }),
    );
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AntApp>
          <MemoryRouter initialEntries={[`/contacts/duplicates/merge?ids=${keep.id},${other.id}`]}>
            <Routes>
              <Route path="/contacts/duplicates/merge" element={<MergePage />} />
              <Route path="/merges/:id" element={<p>result</p>} />
            </Routes>
          </MemoryRouter>
        </AntApp>
      </QueryClientProvider>,
    );

    expect(await screen.findAllByTestId('merge-contact')).toHaveLength(2);
    // Fields that are the same on both (name, mobile) offer no choice.
    expect(screen.queryByTestId('pick-name-0')).toBeNull();
    await userEvent.click(screen.getByTestId('pick-email-1'));
    await userEvent.click(screen.getByTestId('merge-submit'));
    expect(await screen.findByText('result')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        survivor: { id: keep.id, etag: '3' },
        others: [{ id: other.id, etag: '1' }],
        choices: { email: other.id, company: keep.id },
      },
    ]);
  });
});
