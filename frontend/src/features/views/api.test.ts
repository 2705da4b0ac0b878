import { describe, expect, it } from 'vitest';
import { applyView, queryOf, sameQuery } from './api';

describe('saved view queries', () => {
  it('keep only the list’s own parameters, never the page or a drawer’s id', () => {
    const url = new URLSearchParams('region=EAST&tag=VIP&tag=预算充足&page=3&lead=abc&q=');
    expect(queryOf('contacts', url)).toEqual({ region: ['EAST'], tag: ['VIP', '预算充足'] });
    expect(queryOf('leads', new URLSearchParams('queue=MINE&lead=abc&page=2'))).toEqual({ queue: ['MINE'] });
  });

  it('apply over the URL: the list’s parameters replaced, the page reset, the rest kept', () => {
    const url = new URLSearchParams('region=EAST&page=4&lead=abc');
    const next = applyView('contacts', { tag: ['VIP', 'A'], sort: ['name,asc'] }, url);
    expect(next.getAll('tag')).toEqual(['VIP', 'A']);
    expect(next.get('region')).toBeNull();
    expect(next.get('page')).toBeNull();
    expect(next.get('lead')).toBe('abc');
  });

  it('compare whatever the key order', () => {
    expect(sameQuery({ a: ['1'], b: ['2'] }, { b: ['2'], a: ['1'] })).toBe(true);
    expect(sameQuery({ a: ['1', '2'] }, { a: ['2', '1'] })).toBe(false);
    expect(sameQuery({ a: ['1'] }, {})).toBe(false);
  });
});
