import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { ScoreChange } from './api';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 32, right: 12, top: 12, bottom: 28 };

/**
 * The score over time as a step line (a score holds until its next change), with the priority and
 * high-value thresholds drawn across. Plain SVG: a chart library would weigh more than the page.
 */
export function ScoreHistoryChart({
  changes,
  priority,
  highValue,
  until,
}: {
  changes: ScoreChange[];
  priority: number;
  highValue: number;
  until: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const points = [...changes].sort((a, b) => Date.parse(a.changedAt) - Date.parse(b.changedAt));
  const oldest = points[0];
  const newest = points[points.length - 1];
  if (!oldest || !newest) return <Empty description={t('leads.noHistory')} />;
  const first = Date.parse(oldest.changedAt);
  const last = Math.max(Date.parse(newest.changedAt), Date.parse(until));
  const span = Math.max(last - first, 1);
  const x = (time: number) => PAD.left + ((time - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (HEIGHT - PAD.top - PAD.bottom);
  let path = '';
  points.forEach((point, index) => {
    const px = x(Date.parse(point.changedAt));
    const py = y(point.score);
    path += index === 0 ? `M${px},${py}` : `H${px}V${py}`;
  });
  path += `H${x(last)}`;
  // Labels at opposite ends, so close thresholds (80 and 85) stay readable.
  const threshold = (value: number, color: string, label: string, atStart: boolean) => (
    <g key={label}>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} stroke={color} strokeDasharray="4 4" />
      <text
        x={atStart ? PAD.left + 4 : WIDTH - PAD.right}
        y={y(value) - 3}
        textAnchor={atStart ? 'start' : 'end'}
        fontSize="11"
        fill={color}
      >
        {label} {value}
      </text>
    </g>
  );
  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={t('leads.history')}
        data-testid="score-history-chart"
      >
        {[0, 50, 100].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#f0f0f0" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#8c8c8c">
              {tick}
            </text>
          </g>
        ))}
        {threshold(highValue, '#cf1322', t('leads.level.HIGH_VALUE'), false)}
        {threshold(priority, '#d46b08', t('leads.level.PRIORITY'), true)}
        <path d={path} fill="none" stroke="#1677ff" strokeWidth="2" />
        {points.map((point, index) => (
          <circle key={index} cx={x(Date.parse(point.changedAt))} cy={y(point.score)} r="4" fill="#1677ff">
            <title>{`${point.score.toFixed(2)} · ${t(`leads.cause.${point.cause}`)} · ${format.dateTime(point.changedAt)}`}</title>
          </circle>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="#8c8c8c">
          {format.date(oldest.changedAt)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize="11" fill="#8c8c8c">
          {format.date(new Date(last).toISOString())}
        </text>
      </svg>
      <Typography.Text type="secondary">{t('leads.historyHint', { count: changes.length })}</Typography.Text>
    </div>
  );
}
