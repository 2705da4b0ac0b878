import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentSession, resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { LoginPage } from './LoginPage';

function renderLogin() {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/today', element: <p>today page</p> },
    ],
    { initialEntries: ['/login'] },
  );
  render(<RouterProvider router={router} />);
}

function jsonResponse(status: number, body: unknown, contentType = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

async function signIn(username: string, password: string) {
  await userEvent.type(screen.getByLabelText('Username'), username);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  beforeEach(() => resetSessionForTests());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the wrong-credentials message from a 401', async () => {
    changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(
          401,
          { type: 'urn:guanxi:problem:unauthorized', title: 'Unauthorized', status: 401 },
          'application/problem+json',
        ),
      ),
    );
    renderLogin();
    await signIn('rep.zhang', 'nope');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong username or password.');
    expect(currentSession()).toBeNull();
  });

  it('says how long to wait when throttled', async () => {
    changeLanguage('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(
          429,
          { type: 't', title: 'Too many', status: 429, retryAfterSeconds: 42 },
          'application/problem+json',
        ),
      ),
    );
    renderLogin();
    await signIn('rep.zhang', 'nope');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Try again in 42 seconds.');
  });

  it('keeps the session and opens the working day on success', async () => {
    changeLanguage('en');
    const claims = btoa(
      JSON.stringify({ sub: 'u1', upn: 'rep.zhang', name: 'Zhang', groups: ['SALES_REP'], exp: 2_000_000_000 }),
    );
    const fetch = vi.fn(async (_request: Request) =>
      jsonResponse(200, { access_token: `h.${claims}.s`, token_type: 'Bearer', expires_in: 600 }),
    );
    vi.stubGlobal('fetch', fetch);
    renderLogin();
    await signIn('rep.zhang', 'demo1234');
    expect(await screen.findByText('today page')).toBeInTheDocument();
    expect(currentSession()?.username).toBe('rep.zhang');
    expect(fetch.mock.calls.map(([request]) => new URL(request.url).pathname)).toEqual(['/api/v1/auth/session']);
    expect(JSON.stringify({ ...localStorage })).not.toContain(claims);
  });

  it('names the empty fields and sends nothing', async () => {
    changeLanguage('en');
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderLogin();
    await userEvent.type(screen.getByLabelText('Username'), 'rep.zhang');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Required');
    expect(password).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'false');
    expect(fetch).not.toHaveBeenCalled();
  });
});
