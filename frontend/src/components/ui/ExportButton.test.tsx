import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { ExportButton, exportUrl } from './ExportButton';

describe('exportUrl', () => {
  it('keeps the filters, drops paging, repeats list values and names the columns in order', () => {
    const url = exportUrl(
      'contacts',
      { q: '张伟', tag: ['VIP', '华东'], region: 'EAST', archived: undefined, page: 3, size: 20, industry: '' },
      'XLSX',
      ['name', 'mobile'],
    );
    const [path, query] = url.split('?');
    expect(path).toBe('/api/v1/contacts/export');
    const params = new URLSearchParams(query);
    expect(params.get('q')).toBe('张伟');
    expect(params.getAll('tag')).toEqual(['VIP', '华东']);
    expect(params.get('region')).toBe('EAST');
    expect(params.has('page') || params.has('size') || params.has('archived') || params.has('industry')).toBe(false);
    expect(params.get('format')).toBe('xlsx');
    expect(params.get('columns')).toBe('name,mobile');
  });

  it('sends an explicit selection as ids', () => {
    const params = new URLSearchParams(exportUrl('leads', {}, 'CSV', undefined, ['a', 'b']).split('?')[1]);
    expect(params.get('ids')).toBe('a,b');
    expect(params.get('format')).toBe('csv');
  });
});

describe('ExportButton', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('downloads the list as filtered, in the reader language, and says so when it fails', async () => {
    changeLanguage('en');
    const fetch = vi.fn().mockResolvedValue(new Response('', { status: 500 }));
    vi.stubGlobal('fetch', fetch);
    render(
      <App>
        <ExportButton list="contacts" params={{ region: 'EAST' }} columns={['name']} />
      </App>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await userEvent.click(await screen.findByTestId('contacts-export-csv'));
    expect(await screen.findByText(/The export failed/)).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/contacts/export?region=EAST&format=csv&columns=name');
    expect(init.headers).toMatchObject({ 'Accept-Language': 'en' });
  });
});
