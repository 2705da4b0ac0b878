import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../lib/auth/session';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import type { ConsentEntry, ContactConsents } from './api';
import { ConsentCard } from './ConsentCard';

const CONTACT = '0190f000-0000-7000-8000-000000000001';

function state(purpose: string, nameEn: string, legalBasis: 'CONSENT' | 'CONTRACT', status: string, allowed: boolean) {
  return {
    purpose,
    nameZh: purpose,
    nameEn,
    legalBasis,
    active: true,
    status,
    allowed,
  } as ContactConsents['purposes'][0];
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('ConsentCard', () => {
  beforeEach(() => {
    resetSessionForTests();
    changeLanguage('en');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows each purpose with its state and records a withdrawal with its channel and evidence', async () => {
    const ledger: ConsentEntry[] = [];
    let marketing = state('MARKETING', 'Marketing messages', 'CONSENT', 'GRANTED_ON_PROFILE', true);
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) => {
        if (request.method === 'POST') {
          const body = await request.json();
          posted.push({ body, key: request.headers.get('Idempotency-Key') });
          const entry: ConsentEntry = {
            id: 'e1',
            contactId: CONTACT,
            purpose: 'MARKETING',
            decision: 'WITHDRAWN',
            channel: body.channel,
            evidence: body.evidence,
            redacted: false,
            recordedBy: 'u1',
            recordedByName: '王经理',
            recordedAt: '2026-12-01T02:00:00Z',
          };
          ledger.unshift(entry);
          marketing = { ...marketing, status: 'WITHDRAWN', allowed: false, since: entry.recordedAt };
          return json(entry, 201);
        }
        return json({
          contactId: CONTACT,
          purposes: [marketing, state('PROFILING', 'Automated profiling', 'CONTRACT', 'NOT_REQUIRED', true)],
          ledger,
        } satisfies ContactConsents);
      }),
    );
    const onChanged = vi.fn();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <AntApp>
          <ConsentCard contactId={CONTACT} onChanged={onChanged} />
        </AntApp>
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId('consent-status-MARKETING')).toHaveTextContent('Granted (profile tick)');
    expect(screen.getByTestId('consent-status-PROFILING')).toHaveTextContent('Applies (no consent needed)');
    // Profiling is not consent-based: the customer objects rather than withdraws.
    expect(screen.getByTestId('consent-action-PROFILING')).toHaveTextContent('Record objection');

    await userEvent.click(screen.getByTestId('consent-action-MARKETING'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('consent-evidence'), { target: { value: '客户来电退订' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Record' }));

    await waitFor(() =>
      expect(screen.getByTestId('consent-status-MARKETING')).toHaveTextContent('Withdrawn / objected'),
    );
    expect(posted).toEqual([
      {
        body: { purpose: 'MARKETING', decision: 'WITHDRAWN', channel: 'PHONE', evidence: '客户来电退订' },
        key: expect.any(String),
      },
    ]);
    expect(screen.getByTestId('consent-action-MARKETING')).toHaveTextContent('Grant');
    expect(onChanged).toHaveBeenCalled();
  }, 60_000);
});
