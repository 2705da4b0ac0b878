import { SyncOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, ErrorState } from '../../components/ui/ErrorState';
import { ResponsiveTable } from '../../components/ui/ResponsiveTable';
import { LevelTag, TierTag } from '../../components/ui/ValueBadges';
import { ABC_TIERS, MEMBERSHIP_LEVELS, oneOf } from '../../lib/enums';
import { ApiError } from '../../lib/api/client';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { useFormat } from '../../lib/format';
import { type TierMovement, type TierReport, type TierShare, tierQueries, useStartRecompute } from './api';
import { TierPolicyCard } from './TierPolicyCard';

const TIER_COLORS: Record<string, string> = { A: '#cf1322', B: '#d46b08', C: '#1677ff', INACTIVE: '#8c8c8c' };

/** Managers' view of customer value: the ABC distribution with real shares, the ABCD quadrant, levels and movements. */
export function TiersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const report = useQuery(tierQueries.report());
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useQuery({ ...tierQueries.job(jobId ?? ''), enabled: !!jobId });

  const start = useStartRecompute({
    onSuccess: (started) => setJobId(started.id),
    onError: (error) => {
      const running = error instanceof ApiError ? error.problem.runningJobId : undefined;
      if (running) setJobId(running);
      else message.error(describeError(error, t));
    },
  });

  const finished = job.data && job.data.state !== 'RUNNING' ? job.data : null;
  useEffect(() => {
    if (finished?.state === 'SUCCEEDED') {
      // A recompute moves tiers and levels that every feature shows (contact lists, points multipliers).
      void queryClient.invalidateQueries();
    }
  }, [finished?.id, finished?.state, queryClient]);

  const notYet = report.error instanceof ApiError && report.error.status === 404;
  const running = job.data?.state === 'RUNNING';

  return (
    <div className="gx-page">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
              {t('tiers.title')}
            </Typography.Title>
          }
          extra={
            <Button
              type="primary"
              icon={<SyncOutlined spin={running} />}
              loading={start.isPending}
              disabled={running}
              onClick={() => start.mutate()}
              data-testid="tiers-recompute"
            >
              {t('tiers.recompute')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('tiers.intro')}</Typography.Paragraph>
          {job.data && (
            <div data-testid="tiers-job" style={{ marginBottom: 16 }}>
              {job.data.state === 'FAILED' ? (
                <Alert type="error" showIcon message={t('tiers.jobFailed')} description={job.data.error} />
              ) : (
                <>
                  <Typography.Text>
                    {job.data.state === 'SUCCEEDED'
                      ? t('tiers.jobDone')
                      : t('tiers.jobRunning', { phase: job.data.phase ?? '' })}
                  </Typography.Text>
                  <Progress
                    aria-label={t('tiers.recompute')}
                    percent={job.data.total ? Math.round((job.data.processed / job.data.total) * 100) : 0}
                    status={job.data.state === 'SUCCEEDED' ? 'success' : 'active'}
                    format={() => `${job.data.processed} / ${job.data.total ?? '…'}`}
                  />
                </>
              )}
            </div>
          )}
          {report.isPending ? (
            <Skeleton active />
          ) : notYet ? (
            <Empty description={t('tiers.noReport')} />
          ) : report.isError ? (
            <ErrorState error={report.error} onRetry={() => report.refetch()} />
          ) : (
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('tiers.customers')} value={report.data.customers} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('tiers.paying')} value={report.data.payingCustomers} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('tiers.revenue', { months: '' })} value={format.money(report.data.totalRevenue)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('tiers.computedAt')}
                  value={format.dateTime(report.data.computedAt)}
                  valueStyle={{ fontSize: 16 }}
                />
                <Typography.Text type="secondary">
                  {t('tiers.policyVersion', { version: report.data.policyVersion })}
                </Typography.Text>
              </Col>
            </Row>
          )}
        </Card>
        {report.data && <ReportCards report={report.data} />}
        {hasRole(session, 'ADMIN') && <TierPolicyCard />}
      </Space>
    </div>
  );
}

function ReportCards({ report }: { report: TierReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A tier, quadrant or level in words ("Silver", "Tier A"), as the rest of the page names them.
  const movementValue = (dimension: TierMovement['dimension'], value: string) =>
    dimension === 'LEVEL'
      ? t(`tiers.level.${value}`)
      : dimension === 'ABC'
        ? t(`tiers.abc.${value}.label`)
        : t('tiers.quadrant.label', { quadrant: value });
  const movementFrom = (dimension: TierMovement['dimension'], value?: string) =>
    value ? movementValue(dimension, value) : t('tiers.new');
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('tiers.abcTitle')} size="small">
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {report.tiers.map((share) => (
              <div key={share.key} data-testid={`tier-row-${share.key}`}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <TierTag tier={oneOf(share.key, ABC_TIERS)} />
                  <Typography.Text data-testid={`tier-summary-${share.key}`}>
                    {t('tiers.shareSummary', {
                      customers: share.customerShare,
                      revenue: share.revenueShare,
                      count: share.customers,
                    })}
                  </Typography.Text>
                </Space>
                <Progress
                  aria-label={t('tiers.customerShareBar', { tier: share.key, share: share.customerShare })}
                  percent={share.customerShare}
                  showInfo={false}
                  strokeColor="#bfbfbf"
                  size="small"
                />
                <Progress
                  aria-label={t('tiers.revenueShareBar', { tier: share.key, share: share.revenueShare })}
                  percent={share.revenueShare}
                  showInfo={false}
                  strokeColor={TIER_COLORS[share.key]}
                  size="small"
                />
              </div>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tiers.barsLegend')}
            </Typography.Text>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('tiers.quadrantTitle')} size="small" data-testid="tiers-quadrant">
          <QuadrantGrid quadrants={report.quadrants} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tiers.thresholds', {
              frequency: report.abcdThresholds.frequency,
              value: format.money(report.abcdThresholds.orderValue),
              source: t(`tiers.thresholdSource.${report.abcdThresholds.source}`),
            })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('tiers.heatmapTitle')} size="small">
          <HeatMap report={report} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('tiers.levelsTitle')} size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            {report.levels.map((level) => (
              <Space key={level.key} size={4}>
                <LevelTag level={oneOf(level.key, MEMBERSHIP_LEVELS)} />
                <Typography.Text>{level.customers}</Typography.Text>
              </Space>
            ))}
          </Space>
          <Typography.Title level={5}>{t('tiers.movementsTitle')}</Typography.Title>
          <ResponsiveTable
            size="small"
            rowKey={(m) => `${m.dimension}-${m.from}-${m.to}`}
            renderCard={(m) => (
              <Typography.Text>
                {t(`tiers.dimensions.${m.dimension}`)}: {movementFrom(m.dimension, m.from)} →{' '}
                {movementValue(m.dimension, m.to)} · {t('tiers.movementCustomers', { count: m.customers })}
              </Typography.Text>
            )}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            dataSource={report.movements}
            locale={{ emptyText: t('tiers.noMovements') }}
            data-testid="tiers-movements"
            columns={[
              {
                title: t('tiers.dimension'),
                dataIndex: 'dimension',
                render: (v: string) => t(`tiers.dimensions.${v}`),
              },
              { title: t('tiers.from'), key: 'from', render: (_: unknown, m) => movementFrom(m.dimension, m.from) },
              { title: t('tiers.to'), key: 'to', render: (_: unknown, m) => movementValue(m.dimension, m.to) },
              { title: t('tiers.customers'), dataIndex: 'customers', align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** B | A over D | C: value up, frequency right, as the training material draws it. */
function QuadrantGrid({ quadrants }: { quadrants: TierShare[] }) {
  const { t } = useTranslation();
  const byKey = new Map(quadrants.map((q) => [q.key, q]));
  const cell = (key: string, color: string) => {
    const share = byKey.get(key);
    return (
      <div
        key={key}
        style={{ background: color, padding: 12, borderRadius: 6, minHeight: 110 }}
        data-testid={`quadrant-${key}`}
      >
        <Space direction="vertical" size={2}>
          <Typography.Text strong>
            {t('tiers.quadrant.label', { quadrant: key })} · {t(`tiers.quadrant.${key}.name`)}
          </Typography.Text>
          <Typography.Text>
            {t('tiers.quadrantCell', { count: share?.customers ?? 0, revenue: share?.revenueShare ?? 0 })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`tiers.quadrant.${key}.action`)}
          </Typography.Text>
        </Space>
      </div>
    );
  };
  return (
    <div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {cell('B', '#fff7e6')}
        {cell('A', '#fff1f0')}
        {cell('D', '#f5f5f5')}
        {cell('C', '#e6f4ff')}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          ↑ {t('tiers.axisValue')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tiers.axisFrequency')} →
        </Typography.Text>
      </div>
    </div>
  );
}

/** Axis labels: dark enough for WCAG AA contrast (4.5:1) on white. */
const AXIS_TEXT = '#595959';

/** White or black, whichever reads at 4.5:1 on the heat colour (207, 19, 34) laid over white at `alpha`. */
function heatText(alpha: number): string {
  const channel = (heat: number) => {
    const value = (255 - alpha * (255 - heat)) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(207) + 0.7152 * channel(19) + 0.0722 * channel(34);
  return 1.05 / (luminance + 0.05) >= 4.5 ? '#fff' : '#000';
}

/** Customers per band of purchase count (columns) × average order value (rows, high on top). */
function HeatMap({ report }: { report: TierReport }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...report.heatmap.map((c) => c.customers));
  const count = (f: number, v: number) =>
    report.heatmap.find((c) => c.frequencyBand === f && c.valueBand === v)?.customers ?? 0;
  const bands = ['<½', '½–1', '1–2', '2–4', '>4'];
  return (
    <div data-testid="tiers-heatmap">
      <table style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%' }}>
        <tbody>
          {[4, 3, 2, 1, 0].map((v) => (
            <tr key={v}>
              <td style={{ fontSize: 11, color: AXIS_TEXT, width: 40 }}>{bands[v]}</td>
              {[0, 1, 2, 3, 4].map((f) => {
                const n = count(f, v);
                const alpha = n === 0 ? 0.04 : 0.15 + 0.85 * (n / max);
                return (
                  <td key={f}>
                    <Tooltip title={t('tiers.heatCell', { count: n })}>
                      <div
                        style={{
                          background: `rgba(207, 19, 34, ${alpha})`,
                          height: 34,
                          borderRadius: 4,
                          textAlign: 'center',
                          lineHeight: '34px',
                          color: heatText(alpha),
                          fontSize: 12,
                        }}
                      >
                        {n || ''}
                      </div>
                    </Tooltip>
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <td />
            {bands.map((b) => (
              <td key={b} style={{ fontSize: 11, color: AXIS_TEXT, textAlign: 'center' }}>
                {b}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tiers.heatLegend')}
      </Typography.Text>
      <div>
        <Tag bordered={false}>{t('tiers.axisFrequency')} →</Tag>
        <Tag bordered={false}>↑ {t('tiers.axisValue')}</Tag>
      </div>
    </div>
  );
}
