import { makeLeadSummary } from '../../test/make-lead-summary';
import { slaLeftMs, slaTone } from './lead-sla';

const received = Date.parse('2026-03-10T12:00:00.000Z');
const at = (minutes: number) => received + minutes * 60_000;

describe('slaTone', () => {
  // A 60-minute SLA: amber past half-time, red in its last quarter, breached once due.
  const hour = makeLeadSummary({
    receivedAt: new Date(received).toISOString(),
    slaDueAt: new Date(at(60)).toISOString(),
  });
  it.each([
    [0, 'ok'],
    [29, 'ok'],
    [31, 'warn'],
    [44, 'warn'],
    [46, 'late'],
    [59.9, 'late'],
    [60, 'breached'],
    [90, 'breached'],
  ] as const)('a 60-minute SLA at minute %d is %s', (minute, tone) => {
    expect(slaTone(hour, at(minute))).toBe(tone);
  });

  it('colours by share of the SLA left, not by fixed minutes', () => {
    // 10 minutes in: a 15-minute SLA is late, a 4-hour SLA is fine.
    const short = makeLeadSummary({
      receivedAt: new Date(received).toISOString(),
      slaDueAt: new Date(at(15)).toISOString(),
    });
    const long = makeLeadSummary({
      receivedAt: new Date(received).toISOString(),
      slaDueAt: new Date(at(240)).toISOString(),
    });
    expect(slaTone(short, at(10))).toBe('warn');
    expect(slaTone(short, at(12))).toBe('late');
    expect(slaTone(long, at(12))).toBe('ok');
  });
});

describe('slaLeftMs', () => {
  it('counts down to the due time, and past it, only while contact is awaited', () => {
    const lead = makeLeadSummary({
      status: 'assigned',
      firstContactAt: null,
      slaDueAt: new Date(at(15)).toISOString(),
    });
    expect(slaLeftMs(lead, at(5))).toBe(10 * 60_000);
    expect(slaLeftMs(lead, at(20))).toBe(-5 * 60_000);
    expect(slaLeftMs({ ...lead, status: 'contacted' }, at(5))).toBeNull();
    expect(slaLeftMs({ ...lead, slaDueAt: null }, at(5))).toBeNull();
  });
});
