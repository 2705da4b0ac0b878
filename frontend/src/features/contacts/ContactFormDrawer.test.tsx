import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../lib/queryClient';
import { changeLanguage } from '../../lib/i18n';
import type { Contact } from './api';
import { ContactFormDrawer } from './ContactFormDrawer';

const contact: Contact = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  name: '张伟',
  namePinyin: 'zhangwei',
  tags: ['VIP'],
  lifecycleStage: 'AWARENESS',
  ownerId: 'u1',
  marketingConsent: false,
  completeness: 25,
  missingFields: [],
  createdAt: '2026-11-23T08:00:00Z',
  updatedAt: '2026-11-23T08:00:00Z',
  version: 3,
  reachMasked: false,
};

function problem(status: number, body: Record<string, unknown>) {
  return new Response(JSON.stringify({ status, title: 't', type: 'x', ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function renderDrawer(props: Partial<Parameters<typeof ContactFormDrawer>[0]> = {}) {
  const onSaved = vi.fn();
  const onStale = vi.fn();
  const router = createMemoryRouter(
    [
      {
        path: '/contacts',
        element: <ContactFormDrawer open onClose={() => undefined} onSaved={onSaved} onStale={onStale} {...props} />,
      },
      { path: '/contacts/:id', element: <p>existing contact page</p> },
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
  return { onSaved, onStale };
}

describe('ContactFormDrawer', () => {
  beforeEach(() => changeLanguage('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('warns about a duplicate and opens the existing contact', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        problem(409, {
          existingId: 'existing-1',
          duplicates: [{ id: 'existing-1', matchedOn: 'mobile', visibleToYou: true }],
        }),
      ),
    );
    renderDrawer();
    await userEvent.type(screen.getByLabelText('姓名'), '张伟');
    await userEvent.type(screen.getByLabelText('手机'), '13800138000');
    await userEvent.click(screen.getByTestId('contact-save'));
    expect(await screen.findByText('已有客户使用该手机号。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '打开已有客户' }));
    expect(await screen.findByText('existing contact page')).toBeInTheDocument();
  });

  it('creates anyway when the user confirms the duplicate', async () => {
    const fetchMock = vi.fn(async (request: Request) =>
      new URL(request.url).searchParams.get('confirmDuplicate') === 'true'
        ? new Response(JSON.stringify({ ...contact, id: 'new-1' }), {
            status: 201,
            headers: { 'Content-Type': 'application/json' },
          })
        : problem(409, {
            existingId: 'existing-1',
            duplicates: [{ id: 'existing-1', matchedOn: 'email', visibleToYou: false }],
          }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const { onSaved } = renderDrawer();
    await userEvent.type(screen.getByLabelText('姓名'), '张伟');
    await userEvent.click(screen.getByTestId('contact-save'));
    expect(await screen.findByText('该客户属于其他销售代表。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '打开已有客户' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '仍然创建' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'new-1' })));
  });

  it('tells the user when someone else changed the contact and offers to reload', async () => {
    const fetchMock = vi.fn(async (_request: Request) => problem(412, { detail: 'stale' }));
    vi.stubGlobal('fetch', fetchMock);
    const { onStale } = renderDrawer({ editing: { contact, etag: '"3"' } });
    await userEvent.click(screen.getByTestId('contact-save'));
    expect((await screen.findAllByText('记录已被他人修改'))[0]).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]?.[0];
    expect(request?.method).toBe('PUT');
    expect(request?.headers.get('If-Match')).toBe('"3"');
    await userEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onStale).toHaveBeenCalled();
  });

  it("shows the service's validation message on the field it names", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(400, { errors: [{ field: 'mobile', message: 'must be a mainland mobile' }] })),
    );
    renderDrawer();
    await userEvent.type(screen.getByLabelText('姓名'), '张伟');
    await userEvent.type(screen.getByLabelText('手机'), '12345');
    await userEvent.click(screen.getByTestId('contact-save'));
    expect(await screen.findByText('must be a mainland mobile')).toBeInTheDocument();
  });
});
