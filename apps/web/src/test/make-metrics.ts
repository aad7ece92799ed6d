import {
  handoffMetricsSchema,
  leadAgingSchema,
  type HandoffMetrics,
  type HandoffMetricsRow,
  type LeadAging,
} from '@baton/api-contract';
import { testUuid } from './test-uuid';

/** A realistic row: 120 leads, most contacted within minutes, checked against the contract. */
export function makeMetricsRow(overrides: Partial<HandoffMetricsRow> = {}): HandoffMetricsRow {
  return {
    leads: 120,
    speedToLead: { count: 104, medianSeconds: 222, p90Seconds: 2460, averageSeconds: 812.4 },
    firstResponse: { count: 118, medianSeconds: 4, p90Seconds: 31, averageSeconds: 9.7 },
    timeToAssign: { count: 116, medianSeconds: 2, p90Seconds: 6, averageSeconds: 3.1 },
    timeToAcknowledge: { count: 98, medianSeconds: 95, p90Seconds: 600, averageSeconds: 210.5 },
    handoff: {
      routed: 116,
      contacted: 104,
      contactedWithinSla: 93,
      completionRate: 104 / 116,
      slaAttainment: 93 / 116,
    },
    conversionByResponseTime: [
      { bucket: 'under_1m', leads: 22, converted: 9, conversionRate: 9 / 22 },
      { bucket: '1m_5m', leads: 41, converted: 12, conversionRate: 12 / 41 },
      { bucket: '5m_30m', leads: 27, converted: 5, conversionRate: 5 / 27 },
      { bucket: '30m_2h', leads: 9, converted: 1, conversionRate: 1 / 9 },
      { bucket: '2h_24h', leads: 5, converted: 0, conversionRate: 0 },
      { bucket: 'over_24h', leads: 0, converted: 0, conversionRate: null },
      { bucket: 'never', leads: 12, converted: 0, conversionRate: 0 },
    ],
    revenueLeak: {
      averageDealValue: 4000,
      referenceBucket: 'under_1m',
      referenceConversionRate: 9 / 22,
      duringHours: { leads: 31, amount: 18250 },
      afterHours: { leads: 9, amount: 6400 },
    },
    ...overrides,
  };
}

export function makeHandoffMetrics(overrides: Partial<HandoffMetrics> = {}): HandoffMetrics {
  const groupBy = overrides.groupBy ?? 'team';
  return handoffMetricsSchema.parse({
    window: { from: '2026-10-25T06:00:00.000Z', to: '2026-11-24T06:00:00.000Z' },
    groupBy,
    filters: { teamId: null, sourceId: null, ownerId: null },
    defaultSlaMinutes: 15,
    afterHoursSchedule: { id: testUuid(60), name: 'Office hours', timeZone: 'Europe/London' },
    total: makeMetricsRow(),
    groups:
      groupBy === 'none'
        ? []
        : [
            {
              ...makeMetricsRow({ leads: 80 }),
              group: { id: testUuid(40), name: 'EMEA inbound' },
            },
            {
              ...makeMetricsRow({
                leads: 40,
                handoff: {
                  routed: 38,
                  contacted: 25,
                  contactedWithinSla: 19,
                  completionRate: 25 / 38,
                  slaAttainment: 0.5,
                },
              }),
              group: { id: testUuid(41), name: 'Americas inbound' },
            },
          ],
    ...overrides,
  });
}

export function makeLeadAging(overrides: Partial<LeadAging> = {}): LeadAging {
  return leadAgingSchema.parse({
    asOf: '2026-11-24T06:00:00.000Z',
    groupBy: 'none',
    filters: { teamId: null, sourceId: null, ownerId: null },
    total: {
      waiting: 7,
      pastSla: 3,
      oldestSeconds: 3 * 3600 + 20 * 60,
      medianSeconds: 14 * 60,
      buckets: [
        { bucket: 'under_1m', leads: 1 },
        { bucket: '1m_5m', leads: 1 },
        { bucket: '5m_30m', leads: 2 },
        { bucket: '30m_2h', leads: 2 },
        { bucket: '2h_24h', leads: 1 },
        { bucket: 'over_24h', leads: 0 },
      ],
    },
    groups: [],
    ...overrides,
  });
}
