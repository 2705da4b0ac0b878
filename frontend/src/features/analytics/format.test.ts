import { describe, expect, it } from 'vitest';
import { change, formatValue } from './format';
import { readParams, writeParams } from './params';

describe('analytics figures', () => {
  it('shows ratios as percentages and money in CNY', () => {
    expect(formatValue(0.25, 'RATIO', 'en')).toBe('25%');
    expect(formatValue(1234.5, 'MONEY', 'en')).toBe('CN¥1,235');
    expect(formatValue(null, 'COUNT', 'zh-CN')).toBe('—');
  });

  it('compares counts relatively and ratios in points, and not against nothing', () => {
    expect(change(12, 10, 'COUNT')).toEqual({ delta: 0.2, relative: true });
    expect(change(0.5, 0.25, 'RATIO')).toEqual({ delta: 0.25, relative: false });
    expect(change(3, 0, 'COUNT')).toBeNull();
    expect(change(3, null, 'COUNT')).toBeNull();
  });

  it('keeps a custom period only with both days, and drops unknown values', () => {
    expect(readParams(new URLSearchParams('period=CUSTOM&from=2026-01-01'))).toEqual({
      period: undefined,
      from: undefined,
      to: undefined,
      ownerId: undefined,
      region: undefined,
      tier: undefined,
    });
    const params = readParams(new URLSearchParams('period=CUSTOM&from=2026-01-01&to=2026-03-31&tier=Z'));
    expect(params).toMatchObject({ period: 'CUSTOM', from: '2026-01-01', to: '2026-03-31', tier: undefined });
    expect(writeParams(params, { key: 'A' })).toBe('period=CUSTOM&from=2026-01-01&to=2026-03-31&key=A');
  });
});
