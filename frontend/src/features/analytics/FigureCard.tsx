import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnalyticsCard } from './api';
import { change, formatValue } from './format';
import { codeLabel } from './labels';

/** One number, the previous period's beside it and the change; the number opens the rows behind it. */
export function FigureCard({ card, drillTo }: { card: AnalyticsCard; drillTo?: string }) {
  const { t, i18n } = useTranslation();
  const label = codeLabel(t, 'card', card.code);
  const hint = codeLabel(t, 'hint', card.code);
  const value = formatValue(card.value, card.unit, i18n.language);
  const diff = change(card.value, card.previous, card.unit);
  const delta =
    diff === null
      ? null
      : diff.relative
        ? new Intl.NumberFormat(i18n.language, {
            style: 'percent',
            maximumFractionDigits: 0,
            signDisplay: 'exceptZero',
          }).format(diff.delta)
        : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
            card.unit === 'RATIO' ? diff.delta * 100 : diff.delta,
          ) + (card.unit === 'RATIO' ? t('analytics.points') : '');
  return (
    <Card size="small" data-testid={`analytics-card-${card.code}`} styles={{ body: { padding: 12 } }}>
      <Tooltip title={hint || undefined}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {label}
        </Typography.Text>
      </Tooltip>
      <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>
        {drillTo && card.value !== null ? (
          <Link to={drillTo} aria-label={t('analytics.openRows', { figure: label, value })}>
            {value}
          </Link>
        ) : (
          value
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analytics.previous', { value: formatValue(card.previous, card.unit, i18n.language) })}
        {delta && diff && (
          <span style={{ marginInlineStart: 6 }}>
            {diff.delta >= 0 ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {delta}
          </span>
        )}
      </Typography.Text>
    </Card>
  );
}
