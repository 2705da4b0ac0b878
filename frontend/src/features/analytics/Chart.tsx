import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { AnalyticsTable } from './api';

// Only the chart kinds the dashboard draws: the analytics chunk stays a fraction of the full echarts.
echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

type Props = {
  table: AnalyticsTable;
  rowLabels: string[];
  columnLabels: string[];
  /** A click on a bar, a slice or a point: its row and column. */
  onPick: (row: number, column: number) => void;
  phone: boolean;
};

/**
 * One table drawn as its chart kind. The series are the columns that share the first column's unit
 * (a ratio beside a count would flatten one of them); the table beside the chart has them all.
 */
export default function Chart({ table, rowLabels, columnLabels, onPick, phone }: Props) {
  const unit = table.columns[0]?.unit;
  const plotted = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.unit === unit);
  const value = (row: number, column: number) => table.rows[row]?.values[column] ?? 0;
  const horizontal = table.chart === 'HORIZONTAL_BAR';
  const categories = { type: 'category' as const, data: rowLabels, axisLabel: { interval: 0, hideOverlap: true } };
  const values = { type: 'value' as const };
  let option: echarts.EChartsCoreOption;
  if (table.chart === 'PIE' || table.chart === 'FUNNEL') {
    option = {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: table.chart === 'PIE' ? 'pie' : 'funnel',
          radius: table.chart === 'PIE' ? ['35%', '65%'] : undefined,
          sort: 'none',
          data: rowLabels.map((name, row) => ({ name, value: value(row, 0) })),
          label: { show: true, formatter: '{b}: {c}' },
        },
      ],
    };
  } else {
    option = {
      tooltip: { trigger: 'axis' },
      legend: plotted.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
      grid: { left: 8, right: 16, top: 16, bottom: plotted.length > 1 ? 40 : 8, containLabel: true },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? { ...categories, inverse: true } : values,
      series: plotted.map(({ index }) => ({
        type: table.chart === 'LINE' ? 'line' : 'bar',
        name: columnLabels[index],
        stack: table.chart === 'STACKED_BAR' ? 'total' : undefined,
        data: table.rows.map((_, row) => value(row, index)),
      })),
    };
  }
  const height = horizontal ? Math.max(200, rowLabels.length * 32 + 40) : phone ? 220 : 280;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height, width: '100%' }}
      onEvents={{
        click: (event: { dataIndex: number; seriesIndex: number }) => {
          const column =
            table.chart === 'PIE' || table.chart === 'FUNNEL' ? 0 : (plotted[event.seriesIndex]?.index ?? 0);
          onPick(event.dataIndex, column);
        },
      }}
    />
  );
}
