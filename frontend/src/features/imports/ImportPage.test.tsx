import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/queryClient';
import en from '../../lib/i18n/locales/en.json';
import zhCN from '../../lib/i18n/locales/zh-CN.json';
import { ImportPage } from './ImportPage';
import { IMPORT_PROBLEM_CODES } from './problems';

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

  type Language = Parameters<typeof changeLanguage>[0];

  describe('translates the problem codes of the service instead of its English detail', () => {
    /** The service's answer: an RFC 9457 problem with an English detail and a code. */
    function problem(status: number, type: string, code: string) {
      return new Response(
        JSON.stringify({ type: `urn:guanxi:problem:${type}`, title: 'T', status, detail: 'English detail', code }),
        { status, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }

    async function upload(answer: Response) {
      desktop(true);
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => answer),
      );
      renderPage('/contacts/import');
      await screen.findByTestId('import-upload');
      const input = document.querySelector<HTMLInputElement>('input[type=file]');
      if (!input) throw new Error('no file input');
      await userEvent.upload(input, new File(['x'], 'customers.csv', { type: 'text/csv' }));
    }

    it.each<[Language, string, string]>([
      ['zh-CN', 'BAD_ENCODING', '文件编码既不是 UTF-8 也不是 GBK'],
      ['en', 'BAD_ENCODING', 'The text is neither UTF-8 nor GBK'],
      ['zh-CN', 'XLS_NOT_SUPPORTED', '不支持导入旧版 Excel（.xls）文件'],
      ['en', 'XLS_NOT_SUPPORTED', 'Old Excel files (.xls) cannot be imported'],
    ])('an unreadable upload in %s: %s', async (language, code, text) => {
      await changeLanguage(language);
      await upload(problem(422, 'import-unreadable', code));
      expect(await screen.findByText(text, { exact: false })).toBeInTheDocument();
      expect(screen.queryByText('English detail')).toBeNull();
    });

    it.each<[Language, string]>([
      ['zh-CN', '未撤销：本次导入创建的部分客户之后已有互动'],
      ['en', 'Not undone: some contacts it created have since gained interactions'],
    ])('an undo refused for HAS_RECORDS in %s', async (language, text) => {
      desktop(true);
      const committed = { ...PREVIEW, state: 'COMMITTED', result: { created: 2, updated: 0, skipped: 0, invalid: 1 } };
      vi.stubGlobal(
        'fetch',
        vi.fn(async (request: Request) =>
          request.method === 'POST'
            ? problem(409, 'import-undo-blocked', 'HAS_RECORDS')
            : new Response(JSON.stringify(committed), { headers: { 'Content-Type': 'application/json' } }),
        ),
      );
      await changeLanguage(language);
      renderPage(`/contacts/import?id=${ID}`);
      await userEvent.click(await screen.findByTestId('import-undo'));
      const confirm = await screen.findByRole('button', { name: language === 'en' ? 'Undo import' : '撤销导入' });
      await userEvent.click(confirm);
      expect(await screen.findByText(text, { exact: false })).toBeInTheDocument();
      expect(screen.queryByText('English detail')).toBeNull();
    });

    it('has a text for every code in both languages', () => {
      const problems = [en.imports.problem, zhCN.imports.problem] as Record<string, string>[];
      for (const texts of problems) {
        for (const code of IMPORT_PROBLEM_CODES) expect(texts[code], code).toBeTruthy();
      }
    });
  });
});
