import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../lib/queryClient';
import { changeLanguage } from '../../lib/i18n';
import type { Contact } from './api';
import { ContactActionBar } from './ContactActionBar';

const contact: Contact = {
  id: '0190a0a0-0000-7000-8000-000000000002',
  name: '李静',
  namePinyin: 'lijing',
  mobile: '+86 138 0013 8000',
  wechatId: 'lijing_sz',
  tags: [],
  lifecycleStage: 'PURCHASE',
  ownerId: 'u1',
  marketingConsent: false,
  completeness: 60,
  missingFields: [],
  createdAt: '2026-11-23T08:00:00Z',
  updatedAt: '2026-11-23T08:00:00Z',
  version: 1,
  reachMasked: false,
};

function renderBar(shown: Contact = contact) {
  const onLog = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <ContactActionBar contact={shown} onLog={onLog} />
      </AntApp>
    </QueryClientProvider>,
  );
  return { onLog };
}

describe('ContactActionBar', () => {
  beforeEach(() => changeLanguage('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('calls the mobile without its spaces, copies the WeChat ID and asks the page to open the log form', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { onLog } = renderBar();
    expect(screen.getByRole('link', { name: /拨打电话/ })).toHaveAttribute('href', 'tel:+8613800138000');
    await userEvent.click(screen.getByRole('button', { name: /复制微信/ }));
    expect(writeText).toHaveBeenCalledWith('lijing_sz');
    expect(await screen.findByText('已复制微信号 lijing_sz')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /记录互动/ }));
    expect(onLog).toHaveBeenCalledOnce();
  });

  it('shows the WeChat ID to copy by hand where the clipboard refuses', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
    });
    renderBar();
    await userEvent.click(screen.getByRole('button', { name: /复制微信/ }));
    expect(await screen.findByText('此处无法复制，微信号：lijing_sz')).toBeInTheDocument();
  });

  it('offers no call and no copy for a customer without mobile or WeChat ID', () => {
    renderBar({ ...contact, mobile: undefined, wechatId: undefined });
    expect(screen.getByRole('button', { name: /拨打电话/ })).toBeDisabled();
    expect(screen.getByRole('button', { name: /复制微信/ })).toBeDisabled();
  });
});
