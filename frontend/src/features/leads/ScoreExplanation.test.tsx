import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import type { ScoreBreakdown } from './api';
import { ScoreExplanation } from './ScoreExplanation';

const breakdown: ScoreBreakdown = {
  score: 76,
  scoring: 'SCORED',
  level: 'STANDARD',
  policyVersion: 1,
  matchScore: 100,
  matchWeight: 0.6,
  activityCount: 2,
  activityWindowDays: 7,
  pointsPerInteraction: 20,
  activityCap: 100,
  activityScore: 40,
  activityWeight: 0.4,
  priorityThreshold: 80,
  highValueThreshold: 85,
  scoredAt: '2026-11-23T08:00:00Z',
  matchRules: [
    { rule: { field: 'SOURCE', value: 'REFERRAL', points: 30 }, fired: true },
    { rule: { field: 'REGION', value: 'EAST', points: 10 }, fired: false },
    { rule: { field: 'BUDGET_AT_LEAST', value: '100000', points: 40 }, fired: true },
  ],
};

describe('ScoreExplanation', () => {
  it('explains the weighted sum and each rule in Chinese', () => {
    changeLanguage('zh-CN');
    render(<ScoreExplanation breakdown={breakdown} />);
    expect(screen.getByText('评分 76.00 = 匹配度 100 × 0.6（60.00）+ 活跃度 40 × 0.4（16.00）')).toBeInTheDocument();
    expect(screen.getByText('来源为转介绍')).toBeInTheDocument();
    expect(screen.getByText('区域为华东')).toBeInTheDocument();
    expect(screen.getByText(/预算不低于/)).toHaveTextContent('100,000');
    expect(screen.getByText('活跃度 40/100：近 7 天互动 2 次 × 每次 20 分（最高 100）')).toBeInTheDocument();
  });

  it('speaks English too', () => {
    changeLanguage('en');
    render(<ScoreExplanation breakdown={breakdown} />);
    expect(screen.getByText('Score 76.00 = match 100 × 0.6 (60.00) + activity 40 × 0.4 (16.00)')).toBeInTheDocument();
    expect(screen.getByText('Source is Referral')).toBeInTheDocument();
  });
});
