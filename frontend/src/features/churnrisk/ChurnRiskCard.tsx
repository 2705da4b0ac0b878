import { useQuery } from '@tanstack/react-query';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState';
import { useFormat } from '../../lib/format';
import { churnRiskQueries } from './api';
import { LEVEL_COLORS, reasonText } from './reasons';

/**
 * A customer's churn risk on the 360 view: score, level and the reasons in words, the largest first
 * (docs/churn-risk.md). A contact who is not a customer yet has no score and says so.
 */
export function ChurnRiskCard({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const risk = useQuery(churnRiskQueries.contact(contactId));
  return (
    <Card size="small" title={t('churnRisk.card')} data-testid="churn-risk-card" loading={risk.isPending}>
      {risk.isError ? (
        <ErrorState error={risk.error} onRetry={() => risk.refetch()} />
      ) : !risk.data ? (
        <Typography.Text type="secondary">{t('churnRisk.notScored')}</Typography.Text>
      ) : risk.data.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST' || risk.data.level === undefined ? (
        // The customer objected to profiling (PIPL Art. 24): said plainly, never an empty card.
        <Typography.Text data-testid="churn-risk-not-scored">{t('churnRisk.notScoredAtRequest')}</Typography.Text>
      ) : (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap align="center">
            <Tag color={LEVEL_COLORS[risk.data.level]} data-testid="churn-risk-level">
              {t(`churnRisk.level.${risk.data.level}`)}
            </Tag>
            <Typography.Text strong data-testid="churn-risk-score">
              {t('churnRisk.score')} {risk.data.score}
            </Typography.Text>
          </Space>
          <Progress
            percent={risk.data.score}
            showInfo={false}
            size="small"
            strokeColor={LEVEL_COLORS[risk.data.level]}
            aria-label={t('churnRisk.score')}
          />
          {risk.data.reasons.length === 0 ? (
            <Typography.Text type="secondary">{t('churnRisk.noReasons')}</Typography.Text>
          ) : (
            <ul
              className="gx-churn-reasons"
              data-testid="churn-risk-reasons"
              style={{ margin: 0, paddingInlineStart: 20 }}
            >
              {risk.data.reasons.map((reason) => (
                <li key={reason.code}>
                  <Typography.Text>{reasonText(reason, t)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t('churnRisk.points', { points: Math.round(reason.points * 10) / 10 })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('churnRisk.computedAt', { at: format.dateTime(risk.data.computedAt), version: risk.data.policyVersion })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
