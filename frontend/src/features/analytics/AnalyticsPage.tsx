import { useQuery } from '@tanstack/react-query';
import { DatePicker, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { PageTitle } from '../../components/ui/PageTitle';
import { usePhone } from '../../components/ui/usePhone';
import { hasRole } from '../../lib/auth/session';
import { useSession } from '../../lib/auth/useSession';
import { ENUMS } from '../../lib/enums';
import { analyticsQueries, downloadReport, SECTIONS } from './api';
import { ExportButtons } from './ExportButtons';
import { FigureCard } from './FigureCard';
import { type AnalyticsParams, PRESETS, type PeriodPreset, readParams, TIERS, writeParams } from './params';
import { TableWidget } from './TableWidget';

/**
 * The dashboard (docs/analytics.md): a section per tab, the period and filters in the address. A rep
 * sees their own book (the service decides); a manager the team, narrowed to a rep, region or tier.
 * Every number opens the rows behind it, every widget exports.
 */
export function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const phone = usePhone();
  const navigate = useNavigate();
  const { section: sectionParam } = useParams();
  const [search, setSearch] = useSearchParams();
  const section = SECTIONS.find((s) => s === sectionParam);
  const params = readParams(search);
  const team = hasRole(session, 'MANAGER', 'ADMIN', 'SERVICE_AGENT');
  const report = useQuery({ ...analyticsQueries.report(section ?? 'FUNNEL', params), enabled: Boolean(section) });
  const reps = useQuery({ ...analyticsQueries.reps(), enabled: hasRole(session, 'MANAGER', 'ADMIN') });

  if (!section) return <Navigate to={`/analytics/FUNNEL${search.size ? `?${search}` : ''}`} replace />;

  const update = (next: Partial<AnalyticsParams>) => {
    const merged = { ...params, ...next };
    if (merged.period !== 'CUSTOM') {
      merged.from = undefined;
      merged.to = undefined;
    }
    setSearch(new URLSearchParams(writeParams(merged)), { replace: true });
  };
  const drillTo = (figure: string, key?: string) =>
    `/analytics/${section}/drill/${encodeURIComponent(figure)}?${writeParams(params, { key })}`;
  const data = report.data;

  return (
    <div className="gx-page">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <PageTitle>{t('analytics.title')}</PageTitle>
        <Space wrap size={8} data-testid="analytics-filters">
          <Select<PeriodPreset>
            aria-label={t('analytics.period')}
            style={{ width: 140 }}
            data-testid="analytics-period"
            value={params.period ?? 'THIS_MONTH'}
            onChange={(period) =>
              update(
                period === 'CUSTOM'
                  ? {
                      period,
                      from: dayjs().subtract(29, 'day').format('YYYY-MM-DD'),
                      to: dayjs().format('YYYY-MM-DD'),
                    }
                  : { period },
              )
            }
            options={PRESETS.map((value) => ({ value, label: t(`analytics.preset.${value}`) }))}
          />
          {params.period === 'CUSTOM' && params.from && params.to && (
            <DatePicker.RangePicker
              aria-label={t('analytics.customRange')}
              allowClear={false}
              value={[dayjs(params.from), dayjs(params.to)]}
              onChange={(range) =>
                range?.[0] &&
                range[1] &&
                update({ period: 'CUSTOM', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
              }
            />
          )}
          {hasRole(session, 'MANAGER', 'ADMIN') && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t('analytics.rep')}
              placeholder={t('analytics.allReps')}
              style={{ width: 160 }}
              data-testid="analytics-rep"
              value={params.ownerId}
              onChange={(ownerId?: string) => update({ ownerId })}
              options={(reps.data?.items ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
            />
          )}
          <Select
            allowClear
            aria-label={t('analytics.region')}
            placeholder={t('analytics.allRegions')}
            style={{ width: 130 }}
            value={params.region}
            onChange={(region?: AnalyticsParams['region']) => update({ region })}
            options={ENUMS.Region.map((value) => ({ value, label: t(`enum.Region.${value}`) }))}
          />
          <Select
            allowClear
            aria-label={t('analytics.tierFilter')}
            placeholder={t('analytics.allTiers')}
            style={{ width: 120 }}
            value={params.tier}
            onChange={(tier?: AnalyticsParams['tier']) => update({ tier })}
            options={TIERS.map((value) => ({ value, label: t(`analytics.tier.${value}`) }))}
          />
        </Space>
        {data && (
          <Typography.Text type="secondary" data-testid="analytics-scope">
            {t('analytics.range', {
              from: data.from,
              to: data.to,
              previousFrom: data.previousFrom,
              previousTo: data.previousTo,
            })}
            {' · '}
            {data.ownBook || !team ? t('analytics.ownBook') : t('analytics.team')}
          </Typography.Text>
        )}
        {phone ? (
          // A phone has no room for seven tabs (antd would fold them into a menu screen readers cannot use).
          <Select
            aria-label={t('analytics.sectionPicker')}
            data-testid="analytics-section-picker"
            value={section}
            onChange={(next) => navigate(`/analytics/${next}?${writeParams(params)}`)}
            options={SECTIONS.map((value) => ({ value, label: t(`analytics.section.${value}`) }))}
          />
        ) : (
          <Tabs
            activeKey={section}
            onChange={(key) => navigate(`/analytics/${key}?${writeParams(params)}`)}
            items={SECTIONS.map((value) => ({
              key: value,
              label: <span data-testid={`analytics-tab-${value}`}>{t(`analytics.section.${value}`)}</span>,
            }))}
          />
        )}
        {report.isError ? (
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        ) : !data || data.section !== section ? (
          <Skeleton active />
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid={`analytics-section-${section}`}>
            <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
              <ExportButtons
                testId="analytics-export"
                download={(format) => downloadReport(section, params, format, i18n.language)}
              />
            </div>
            <div className="gx-analytics-cards">
              {data.cards.map((card) => (
                <FigureCard key={card.code} card={card} drillTo={card.drill ? drillTo(card.drill) : undefined} />
              ))}
            </div>
            <div className="gx-analytics-tables">
              {data.tables.map((table) => (
                <TableWidget
                  key={table.code}
                  table={table}
                  drillTo={drillTo}
                  exportButtons={
                    <ExportButtons
                      testId={`analytics-export-${table.code}`}
                      download={(format) => downloadReport(section, params, format, i18n.language, table.code)}
                    />
                  }
                />
              ))}
            </div>
          </Space>
        )}
      </Space>
    </div>
  );
}
