import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import { ImportPage } from './ImportPage';

const ID = '0190a0a0-0000-7000-8000-000000000009';
const PREVIEW = {
  id: ID,
  fileName: '客户.csv',
  format: 'CSV',
  encoding: 'GB18030',
  state: 'PREVIEW',
  headerRow: 1,
  columns: [
    { index: 0, letter: 'A', header: '姓名', field: 'NAME', samples: ['张伟'] },
    { index: 1, letter: 'B', header: '手机号', field: 'MOBILE', samples: ['13800138000'] },
  ],
  counts: { rows: 3, valid: 2, invalid: 1, groups: 1, rowsInGroups: 2 },
  problems: [{ row: 4, column: 'B', field: 'MOBILE', code: 'INVALID_MOBILE' }],
  groups: [{ id: 'r2', kind: 'SURE', rows: [2, 3], existing: [], decision: 'FILL_EMPTY' }],
  createdAt: '2026-12-01T08:00:00Z',
  version: 0,
};

function renderPage(path: string) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <ImportPage />
        </MemoryRouter>
      </AntApp>
    </QueryClientProvider>,
  );
}

function desktop(wide: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: wide && query.includes('min-width'),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }));
}

describe('ImportPage', () => {
  beforeEach(() => changeLanguage('zh-CN'));
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a computer on a phone instead of showing the wizard', () => {
    desktop(false);
    renderPage('/contacts/import');
    expect(screen.getByTestId('import-use-computer')).toHaveTextContent('请在电脑上');
    expect(screen.queryByTestId('import-upload')).toBeNull();
  });

  it('shows the detected mapping, the problems with their translated codes and the duplicate decisions', async () => {
    desktop(true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(PREVIEW), { headers: { 'Content-Type': 'application/json' } })),
    );
    await changeLanguage('en');
    renderPage(`/contacts/import?id=${ID}`);
    expect(await screen.findByTestId('import-detail')).toBeInTheDocument();
    expect(screen.getByText('CSV · GB18030')).toBeInTheDocument();
    expect(screen.getByText('Not a mobile number')).toBeInTheDocument();
    expect(screen.getByTestId('import-decision-r2')).toHaveTextContent('Fill empty fields');
    expect(screen.getByTestId('import-commit')).toHaveTextContent('Import 2 valid rows');
  });
});
