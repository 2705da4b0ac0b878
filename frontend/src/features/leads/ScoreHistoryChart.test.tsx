import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { ScoreHistoryChart } from './ScoreHistoryChart';

describe('ScoreHistoryChart', () => {
  it('draws one point per change, oldest first, with both thresholds', () => {
    changeLanguage('en');
    const { container } = render(
      <ScoreHistoryChart
        priority={80}
        highValue={85}
        until="2026-11-23T10:00:00Z"
        changes={[
          {
            score: 84,
            matchScore: 100,
            activityCount: 3,
            policyVersion: 1,
            cause: 'INTERACTION_LOGGED',
            changedAt: '2026-11-22T10:00:00Z',
          },
          {
            score: 60,
            matchScore: 100,
            activityCount: 0,
            policyVersion: 1,
            cause: 'CREATED',
            changedAt: '2026-11-20T10:00:00Z',
          },
        ]}
      />,
    );
    const points = [...container.querySelectorAll('circle')];
    expect(points).toHaveLength(2);
    expect(points[0]?.textContent).toMatch(/^60\.00 · Created/);
    expect(points[1]?.textContent).toMatch(/^84\.00 · Interaction logged/);
    expect(Number(points[0]?.getAttribute('cx'))).toBeLessThan(Number(points[1]?.getAttribute('cx')));
    // Higher score, higher on the chart (smaller y).
    expect(Number(points[1]?.getAttribute('cy'))).toBeLessThan(Number(points[0]?.getAttribute('cy')));
    expect(screen.getByText('High value 85')).toBeTruthy();
    expect(screen.getByText('Priority 80')).toBeTruthy();
  });

  it('says so when there is no history', () => {
    changeLanguage('en');
    render(<ScoreHistoryChart priority={80} highValue={85} until="2026-11-23T10:00:00Z" changes={[]} />);
    expect(screen.getByText('No score changes yet.')).toBeTruthy();
  });
});
