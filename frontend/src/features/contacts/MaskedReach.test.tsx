import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { MaskedReach } from './MaskedReach';

const ID = '0190a0a0-0000-7000-8000-000000000003';

function renderReach(masked: boolean, value: string) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <MaskedReach contactId={ID} kind="mobile" value={value} masked={masked} />
        <MaskedReach
          contactId={ID}
          kind="email"
          value={masked ? 'z***@example.com' : 'zhang@example.com'}
          masked={masked}
        />
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('MaskedReach', () => {
  beforeEach(() => changeLanguage('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('calls a number shown in full without asking the service', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderReach(false, '13800138000');
    expect(screen.getByTestId('reach-mobile')).toHaveAttribute('href', 'tel:13800138000');
    expect(screen.queryByTestId('reveal-mobile')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a masked number with a Show button that reveals mobile and email with one call', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ id: ID, mobile: '13800138000', email: 'zhang@example.com' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetch);
    renderReach(true, '138****8000');
    expect(screen.getByTestId('masked-mobile')).toHaveTextContent('138****8000');
    expect(screen.queryByRole('link')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '显示完整手机号' }));

    expect(await screen.findByTestId('reach-mobile')).toHaveAttribute('href', 'tel:13800138000');
    expect(await screen.findByTestId('reach-email')).toHaveAttribute('href', 'mailto:zhang@example.com');
    expect(fetch).toHaveBeenCalledTimes(1);
    const request = fetch.mock.calls[0] as unknown as [Request];
    expect(request[0].method).toBe('POST');
    expect(request[0].url).toContain(`/api/v1/contacts/${ID}/reveal`);
  });
});
