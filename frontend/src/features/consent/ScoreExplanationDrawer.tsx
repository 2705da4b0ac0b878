import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Drawer, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState';
import { usePhone } from '../../components/ui/usePhone';
import { useFormat } from '../../lib/format';
import { churnReasonText } from '../churnrisk';
import { ScoreExplanation } from '../leads';
import { consentQueries } from './api';

/**
 * What a customer is told when they ask how automated scores about them were reached (PIPL Art. 24): each lead
 * score's rules, activity and weights, the churn-risk signals with their weights and points — or that they are
 * not scored at their own request.
 */
export function ScoreExplanationDrawer({
  contactId,
  open,
  onClose,
}: {
  contactId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = usePhone();
  const explanation = useQuery({ ...consentQueries.explanation(contactId), enabled: open });
  const data = explanation.data;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={phone ? '100%' : 640}
      title={t('consent.explanation.title')}
      destroyOnHidden
    >
      {explanation.isError ? (
        <ErrorState error={explanation.error} onRetry={() => explanation.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="score-explanation-drawer">
          {data.profiling === 'NOT_SCORED_AT_CUSTOMER_REQUEST' && (
            <Alert type="info" showIcon title={t('consent.notScoredAtRequest')} data-testid="not-scored-at-request" />
          )}
          <Card size="small" title={t('consent.explanation.leads')}>
            {data.leads.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consent.explanation.noLeads')} />
            ) : (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                {data.leads.map((lead) => (
                  <div key={lead.leadId}>
                    <Typography.Text type="secondary">{t(`leads.status.${lead.status}`)}</Typography.Text>
                    <ScoreExplanation breakdown={lead.breakdown} />
                  </div>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={t('consent.explanation.churnRisk')}>
            {!data.churnRisk ? (
              <Typography.Text type="secondary">{t('churnRisk.notScored')}</Typography.Text>
            ) : data.churnRisk.scoring === 'NOT_SCORED_AT_CUSTOMER_REQUEST' ? (
              <Typography.Text>{t('consent.notScoredAtRequest')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <Typography.Text strong>
                  {t('consent.explanation.churnTotal', {
                    score: data.churnRisk.score,
                    level: data.churnRisk.level ? t(`churnRisk.level.${data.churnRisk.level}`) : '',
                  })}
                </Typography.Text>
                <List
                  size="small"
                  dataSource={data.churnRisk.signals}
                  renderItem={(signal) => (
                    <List.Item>
                      <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                        <Typography.Text type={signal.points > 0 ? undefined : 'secondary'}>
                          {churnReasonText(signal, t)}
                        </Typography.Text>
                        <Space wrap size={[4, 4]}>
                          <Tag>{t('consent.explanation.weight', { weight: signal.weight })}</Tag>
                          <Tag color={signal.points > 0 ? 'orange' : 'default'}>
                            {t('churnRisk.points', { points: Math.round(signal.points * 10) / 10 })}
                          </Tag>
                        </Space>
                      </Space>
                    </List.Item>
                  )}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('churnRisk.computedAt', {
                    at: format.dateTime(data.churnRisk.computedAt),
                    version: data.churnRisk.policyVersion,
                  })}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
