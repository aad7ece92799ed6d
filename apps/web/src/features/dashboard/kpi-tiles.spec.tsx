import { render, within } from '@testing-library/react';
import { makeHandoffMetrics, makeMetricsRow } from '../../test/make-metrics';
import { KpiTiles } from './kpi-tiles';

function tileOf(container: HTMLElement, label: string): HTMLElement {
  const term = within(container).getByText(label);
  return term.parentElement as HTMLElement;
}

describe('KpiTiles: time to acknowledge', () => {
  it('shows the median time to acknowledge next to speed to lead, with the count and p90', () => {
    const { container } = render(<KpiTiles metrics={makeHandoffMetrics()} />);
    const labels = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(labels.slice(0, 2)).toEqual(['Speed to lead', 'Acknowledged in']);
    const tile = tileOf(container, 'Acknowledged in');
    expect(tile.querySelector('.kpi-value')?.textContent).toBe('1m 35s');
    expect(tile.querySelector('.kpi-detail')?.textContent).toBe('median of 98 · p90 10m');
  });

  it('teaches what acknowledges a lead when none was claimed in the window', () => {
    const total = makeMetricsRow({
      timeToAcknowledge: { count: 0, medianSeconds: null, p90Seconds: null, averageSeconds: null },
    });
    const { container } = render(<KpiTiles metrics={makeHandoffMetrics({ total })} />);
    const tile = tileOf(container, 'Acknowledged in');
    expect(tile.querySelector('.kpi-value')?.textContent).toBe('—');
    expect(tile.querySelector('.kpi-detail')?.textContent).toBe(
      'No lead claimed yet · claiming a lead acknowledges it',
    );
  });
});
