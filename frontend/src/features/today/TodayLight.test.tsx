import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { type Upgrade, UpgradeContext } from '../../lib/lightPage';
import { ActivityItems } from '../activities';
import { type Today, todayQueries } from './api';
import { TodayLight } from './TodayLight';

const call = {
  id: '00000000-0000-7000-8000-000000000001',
  contactId: '00000000-0000-7000-8000-000000000002',
  contactName: '王芳',
  kind: 'CALL',
  title: '回访报价',
  assigneeId: '00000000-0000-7000-8000-000000000003',
  dueAt: '2027-03-19T02:00:00Z',
  allDay: false,
  overdue: true,
  priority: 'HIGH',
  status: 'OPEN',
  originParams: {},
  createdAt: '2027-03-18T02:00:00Z',
  updatedAt: '2027-03-18T02:00:00Z',
  version: 0,
} satisfies Today['overdue']['first'][number];

const day: Today = {
  asOf: '2027-03-20T01:00:00Z',
  day: '2027-03-20',
  overdue: { total: 1, capped: false, first: [call] },
  dueToday: { total: 0, capped: false, first: [] },
  nextSevenDays: 3,
};

function renderLight() {
  const upgrade = vi.fn<(upgrade: Upgrade) => void>();
  const queryClient = new QueryClient();
  queryClient.setQueryData(todayQueries.day().queryKey, day);
  const { container } = render(
    <UpgradeContext.Provider value={upgrade}>
      <QueryClientProvider client={queryClient}>
        <TodayLight />
      </QueryClientProvider>
    </UpgradeContext.Provider>,
  );
  return { upgrade, container };
}

afterEach(() => resetSessionForTests());

describe('the light today page', () => {
  it('shows the day without antd, and hands each tap over to the app', () => {
    changeLanguage('zh-CN');
    resetSessionForTests({
      status: 'ready',
      session: {
        token: 't',
        userId: 'u',
        sessionId: 's',
        username: 'rep.zhang',
        displayName: '张晓明',
        roles: ['SALES_REP'],
        expiresAt: Date.now() + 600_000,
      },
    });
    const { upgrade, container } = renderLight();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('张晓明');
    const item = within(screen.getByTestId('today-overdue')).getByTestId('activity-item');
    expect(item).toHaveTextContent('回访报价');
    expect(screen.getByTestId('today-due')).toHaveTextContent('今天没有其他待办');
    expect(container.querySelector('[class*="ant-"]')).toBeNull();

    fireEvent.click(within(item).getByRole('link', { name: '王芳' }));
    expect(upgrade).toHaveBeenLastCalledWith({ to: `/contacts/${call.contactId}` });
    fireEvent.click(within(item).getByRole('button', { name: '完成' }));
    const done = upgrade.mock.lastCall?.[0].click;

    // The selector it hands over finds the antd list's own button for this activity.
    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <ActivityItems items={[call]} emptyText="" />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(document.querySelector(done ?? 'none')).toHaveTextContent('完成');
  });
});
