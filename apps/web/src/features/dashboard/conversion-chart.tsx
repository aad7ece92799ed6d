import type { HandoffMetricsRow } from '@baton/api-contract';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
  type TooltipValueType,
} from 'recharts';
import { bucketLabel, formatCount, formatRate } from './metrics-format';

interface Point {
  label: string;
  percent: number;
  rate: number | null;
  leads: number;
  converted: number;
  never: boolean;
}

const barColor = '#1f4fd1';
const neverColor = '#a3aab5';

function ChartTooltip({ active, payload }: TooltipContentProps<TooltipValueType, string | number>) {
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.label}</strong>
      <span>
        {formatRate(point.rate)} converted ({formatCount(point.converted)} of{' '}
        {formatCount(point.leads)})
      </span>
    </div>
  );
}

/** Conversion (booked) by how fast the lead was contacted: the case for speed. */
export function ConversionChart({ row }: { row: HandoffMetricsRow }) {
  const data: Point[] = row.conversionByResponseTime.map((b) => ({
    label: bucketLabel(b.bucket),
    percent: b.conversionRate === null ? 0 : Math.round(b.conversionRate * 1000) / 10,
    rate: b.conversionRate,
    leads: b.leads,
    converted: b.converted,
    never: b.bucket === 'never',
  }));
  // Round tick steps (0, 10, 20, … or 0, 20, 40, …) up to just above the tallest bar.
  const tallest = Math.max(0, ...data.map((point) => point.percent));
  const step = tallest > 50 ? 20 : 10;
  const top = Math.max(step, Math.ceil(tallest / step) * step);
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  return (
    <section className="card dashboard-card" aria-labelledby="conversion-title">
      <h2 className="card-title" id="conversion-title">
        Conversion by response time
      </h2>
      <div className="card-body">
        <div className="chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            {/* The table below is the accessible form; recharts' keyboard layer would make the
                hidden chart focusable (axe: aria-hidden-focus). */}
            <BarChart
              data={data}
              margin={{ top: 8, right: 8, bottom: 0, left: -12 }}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} stroke="#e2e5ea" />
              <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} />
              <YAxis
                unit="%"
                tickLine={false}
                axisLine={false}
                fontSize={12}
                allowDecimals={false}
                domain={[0, top]}
                ticks={ticks}
              />
              <Tooltip content={ChartTooltip} cursor={{ fill: '#f1f3f6' }} />
              <Bar dataKey="percent" radius={[4, 4, 0, 0]} maxBarSize={56}>
                {data.map((point) => (
                  <Cell key={point.label} fill={point.never ? neverColor : barColor} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <div className="table-scroll">
          <table className="chart-table">
            <caption className="visually-hidden">Conversion by response time</caption>
            <thead>
              <tr>
                <th scope="col">Contacted within</th>
                {data.map((point) => (
                  <th scope="col" key={point.label}>
                    {point.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Leads</th>
                {data.map((point) => (
                  <td key={point.label}>{formatCount(point.leads)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Converted</th>
                {data.map((point) => (
                  <td key={point.label}>{formatRate(point.rate)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
