import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { describeError } from '../errors';
import { changeLanguage, i18n } from '../i18n';
import { createQueryClient } from '../queryClient';
import { isServiceUnavailable, noteResponse } from './availability';
import { ServiceUnavailableBanner } from './ServiceUnavailableBanner';

const outage = () =>
  new ApiError(503, {
    type: 'urn:guanxi:problem:service-unavailable',
    title: 'Service unavailable',
    status: 503,
    retryAfterSeconds: 3,
  });
const searchTimeout = () =>
  new ApiError(503, { type: 'urn:guanxi:problem:query-timeout', title: 'Query took too long', status: 503 });

describe('a database outage (503 service-unavailable)', () => {
  it('is explained in both languages, apart from a search timeout', () => {
    const t = i18n.t.bind(i18n);
    changeLanguage('zh-CN');
    expect(describeError(outage(), t)).toBe('服务暂时不可用（数据库正在重启或切换），请几秒后重试；页面会自动重试。');
    changeLanguage('en');
    expect(describeError(outage(), t)).toMatch(/briefly unavailable/);
    expect(describeError(searchTimeout(), t)).toMatch(/failed to answer \(503\)/);
  });

  it('shows the retrying banner from a 503 with Retry-After until the next other answer', () => {
    changeLanguage('en');
    render(<ServiceUnavailableBanner />);
    const banner = screen.getByTestId('unavailable-banner');
    expect(banner).toBeEmptyDOMElement();
    act(() => noteResponse(new Response(null, { status: 503, headers: { 'Retry-After': '5' } })));
    expect(banner).toHaveTextContent('briefly unavailable; retrying');
    act(() => noteResponse(new Response(null, { status: 200 })));
    expect(banner).toBeEmptyDOMElement();
    // A search timeout is also a 503, but has no Retry-After and is the query's own problem.
    act(() => noteResponse(new Response(null, { status: 503 })));
    expect(isServiceUnavailable()).toBe(false);
  });

  it('is retried for about a minute, waiting what the service asks', () => {
    const queries = createQueryClient().getDefaultOptions().queries!;
    const retry = queries.retry as (failureCount: number, error: unknown) => boolean;
    const retryDelay = queries.retryDelay as (failureCount: number, error: unknown) => number;
    expect(retry(11, outage())).toBe(true);
    expect(retry(12, outage())).toBe(false);
    expect(retryDelay(1, outage())).toBe(3000);
    expect(retry(2, searchTimeout())).toBe(false);
  });
});
