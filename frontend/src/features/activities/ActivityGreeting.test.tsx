import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import type { Activity } from './api';
import { ActivityItems } from './ActivityList';

const greeting: Activity = {
  id: '00000000-0000-7000-8000-000000000001',
  contactId: '00000000-0000-7000-8000-000000000002',
  contactName: '王芳',
  kind: 'CARE',
  assigneeId: '00000000-0000-7000-8000-000000000003',
  dueAt: '2027-03-19T16:00:00Z',
  allDay: true,
  dueDate: '2027-03-20',
  overdue: false,
  priority: 'NORMAL',
  status: 'OPEN',
  originRule: 'CARE_GREETING',
  originParams: {
    occasion: 'BIRTHDAY',
    date: '2027-03-22',
    messageZh: '尊敬的王芳，值此生日之际，祝您和家人幸福安康！',
    messageEn: 'Dear 王芳, warm wishes for your birthday!',
  },
  createdAt: '2027-03-20T02:00:00Z',
  updatedAt: '2027-03-20T02:00:00Z',
  version: 0,
};

function renderItems(items: Activity[]) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <ActivityItems items={items} emptyText="" />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('a care greeting on the activity list', () => {
  it('says the occasion and shows the greeting to copy, in the reader’s language', () => {
    changeLanguage('zh-CN');
    renderItems([greeting]);
    expect(screen.getByText('发送祝福：生日（2027-03-22）')).toBeInTheDocument();
    expect(screen.getByTestId('activity-greeting')).toHaveTextContent('尊敬的王芳，值此生日之际');
    expect(screen.getByRole('button', { name: /复制/ })).toBeInTheDocument();
  });

  it('speaks English too, and other activities have no greeting', () => {
    changeLanguage('en');
    renderItems([
      greeting,
      { ...greeting, id: '00000000-0000-7000-8000-000000000009', originRule: 'CARE_CALL', kind: 'CALL' },
    ]);
    expect(screen.getAllByTestId('activity-greeting')).toHaveLength(1);
    expect(screen.getByTestId('activity-greeting')).toHaveTextContent('Dear 王芳, warm wishes for your birthday!');
    expect(screen.getByText('Care call: Birthday (2027-03-22)')).toBeInTheDocument();
  });
});
