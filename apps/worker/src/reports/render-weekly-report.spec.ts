import type { WeeklyReport } from '@baton/api-contract';
import { renderWeeklyReport } from './render-weekly-report';

const report: WeeklyReport = {
  team: { id: '00000000-0000-4000-8000-000000000001', name: 'Sales <East>' },
  weekStart: '2026-11-30T00:00:00.000Z',
  weekEnd: '2026-12-07T00:00:00.000Z',
  leads: 12,
  medianSecondsToContact: 300,
  slaAttainment: 0.75,
  completion: 0.5,
  agingOpen: 3,
  leakedRevenue: 1234.4,
  perDay: [
    { day: 'Mon', leads: 6 },
    { day: 'Tue', leads: 3 },
    { day: 'Wed', leads: 0 },
  ],
  bestReps: [
    {
      userId: '00000000-0000-4000-8000-000000000002',
      name: 'Ann "A" & co',
      leads: 5,
      medianSecondsToContact: 40,
    },
  ],
  worstReps: [
    {
      userId: '00000000-0000-4000-8000-000000000003',
      name: '<script>x</script>',
      leads: 2,
      medianSecondsToContact: 7200,
    },
  ],
};

describe('renderWeeklyReport', () => {
  const out = renderWeeklyReport(report, 'https://baton.test/reports/weekly?teamId=x&weekStart=y');

  it('escapes every name in the HTML and keeps them plain in the text part', () => {
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(out.html).toContain('Sales &lt;East&gt;');
    expect(out.html).toContain('Ann &quot;A&quot; &amp; co');
    expect(out.text).toContain('<script>x</script>: 2 leads, median 2.0 h');
    expect(out.subject).toBe('Weekly handoff report: Sales <East> (2026-11-30 to 2026-12-07)');
  });

  it('draws table bars proportional to the busiest day, and none for an empty day', () => {
    expect(out.html).toContain('width="160"');
    expect(out.html).toContain('width="80"');
    expect(out.html).not.toMatch(/<svg/i);
    expect(out.text).toContain('  Wed: 0');
  });

  it('carries the headline numbers in both parts', () => {
    for (const part of [out.html, out.text]) {
      expect(part).toContain('75%');
      expect(part).toContain('5 min');
      expect(part).toContain('$1,234');
    }
    expect(out.html).toContain('href="https://baton.test/reports/weekly?teamId=x&amp;weekStart=y"');
  });
});
