import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { ScoreBreakdown } from './api';

/** The score in words: which rules fired, how much activity counted, and the weighted sum. */
export function ScoreExplanation({ breakdown }: { breakdown: ScoreBreakdown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ruleValue = (field: string, value: string) => {
    if (field === 'SOURCE') return t(`enum.SourceChannel.${value}`);
    if (field === 'REGION') return t(`enum.Region.${value}`);
    if (field === 'BUDGET_AT_LEAST') return format.money(Number(value));
    return value;
  };
  // The customer objected to profiling (PIPL Art. 24): no rule applies, and the app says so rather than show a 0.
  if (breakdown.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST')
    return <Typography.Text data-testid="score-explanation">{t('leads.notScoredAtRequest')}</Typography.Text>;
  const matchPart = (breakdown.matchScore * breakdown.matchWeight).toFixed(2);
  const activityPart = (breakdown.activityScore * breakdown.activityWeight).toFixed(2);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="score-explanation">
      <Typography.Text strong>
        {t('leads.explain.total', {
          score: breakdown.score.toFixed(2),
          match: breakdown.matchScore,
          matchWeight: breakdown.matchWeight,
          activity: breakdown.activityScore,
          activityWeight: breakdown.activityWeight,
          matchPart,
          activityPart,
        })}
      </Typography.Text>
      <List
        size="small"
        header={<Typography.Text>{t('leads.explain.match', { score: breakdown.matchScore })}</Typography.Text>}
        dataSource={breakdown.matchRules}
        renderItem={(line) => (
          <List.Item>
            <Space>
              {line.fired ? (
                <CheckCircleFilled style={{ color: '#52c41a' }} />
              ) : (
                <MinusCircleOutlined style={{ color: '#bfbfbf' }} />
              )}
              <Typography.Text type={line.fired ? undefined : 'secondary'}>
                {t(`leads.rule.${line.rule.field}`, { value: ruleValue(line.rule.field, line.rule.value) })}
              </Typography.Text>
              <Typography.Text type="secondary">+{line.rule.points}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Text>
        {t('leads.explain.activity', {
          count: breakdown.activityCount,
          days: breakdown.activityWindowDays,
          points: breakdown.pointsPerInteraction,
          cap: breakdown.activityCap,
          score: breakdown.activityScore,
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('leads.explain.thresholds', {
          priority: breakdown.priorityThreshold,
          highValue: breakdown.highValueThreshold,
          version: breakdown.policyVersion,
        })}
      </Typography.Text>
    </Space>
  );
}
