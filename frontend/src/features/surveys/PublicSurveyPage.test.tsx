import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { PublicSurveyPage } from './PublicSurveyPage';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function json(body: unknown, status = 200) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function renderPage() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <MemoryRouter initialEntries={[`/s/${TOKEN}`]}>
          <Routes>
            <Route path="/s/:token" element={<PublicSurveyPage />} />
          </Routes>
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('PublicSurveyPage', () => {
  beforeEach(() => {
    resetSessionForTests();
    changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks the NPS question with eleven scores, sends the chosen one and thanks the customer', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.method === 'POST') {
          sent.push(await request.json());
          return new Response(null, { status: 204 });
        }
        return json({
          template: 'NPS',
          scaleMin: 0,
          scaleMax: 10,
          commentMaxLength: 1000,
          companyName: '新东方',
          firstName: 'Emma',
        });
      }),
    );
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: /recommend 新东方/ })).toBeInTheDocument();
    expect(screen.getByText('Hello Emma,')).toBeInTheDocument();
    expect(within(screen.getByTestId('survey-scale')).getAllByRole('radio')).toHaveLength(11);
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    await userEvent.click(screen.getByRole('radio', { name: '9' }));
    expect(screen.getByRole('radio', { name: '9' })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(send);
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you for your answer!' })).toBeInTheDocument();
    expect(sent).toEqual([{ score: 9 }]);
  });

  it('says when the link was used or has expired, and when it is unknown', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ type: 'urn:guanxi:problem:survey-closed', title: 'Survey closed', status: 410 }, 410)),
    );
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: /already been answered or has expired/ }),
    ).toBeInTheDocument();
  });

  it('says when the link is not valid', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json({ type: 'urn:guanxi:problem:not-found', title: 'Not found', status: 404 }, 404)),
    );
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is not valid.' })).toBeInTheDocument();
  });
});
