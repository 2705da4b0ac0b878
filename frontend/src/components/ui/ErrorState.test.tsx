import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../../lib/api/client';
import { changeLanguage } from '../../lib/i18n';
import { ErrorState } from './ErrorState';

describe('ErrorState', () => {
  it('explains a network failure and retries on request', async () => {
    changeLanguage('en');
    const onRetry = vi.fn();
    render(<ErrorState error={new NetworkError('fetch failed')} onRetry={onRetry} />);
    expect(screen.getByText(/cannot be reached/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('tells a missing or invisible record apart from a server failure, in Chinese', () => {
    changeLanguage('zh-CN');
    const { rerender } = render(
      <ErrorState error={new ApiError(404, { type: 'x', title: 'Not found', status: 404 })} />,
    );
    expect(screen.getByText('该记录不存在，或您无权查看。')).toBeInTheDocument();
    rerender(<ErrorState error={new ApiError(503, { type: 'x', title: 'Unavailable', status: 503 })} />);
    expect(screen.getByText(/服务暂时无法响应（503）/)).toBeInTheDocument();
  });
});
