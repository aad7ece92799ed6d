import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { MetricsIndexes1764000000001 } from './1764000000001-metrics-indexes';
import { SourceSigning1764000000002 } from './1764000000002-source-signing';
import { RateLimitBuckets1764000000003 } from './1764000000003-rate-limit-buckets';
import { QualificationCorrections1764000000004 } from './1764000000004-qualification-corrections';
import { FlowTestCases1764000000005 } from './1764000000005-flow-test-cases';
import { FlowArchive1764000000006 } from './1764000000006-flow-archive';
import { FlowVersionNotes1764000000007 } from './1764000000007-flow-version-notes';
import { AlertNotify1764000000008 } from './1764000000008-alert-notify';
import { Invitations1764000000009 } from './1764000000009-invitations';
import { ApiTokens1764000000010 } from './1764000000010-api-tokens';
import { ScheduleHolidayNames1764000000012 } from './1764000000012-schedule-holiday-names';
import { SampleLeads1764000000014 } from './1764000000014-sample-leads';
import { LeadAcknowledgedAt1764000000016 } from './1764000000016-lead-acknowledged-at';
import { WorkerActivities1764000000017 } from './1764000000017-worker-activities';
import { Bookings1764000000018 } from './1764000000018-bookings';
import { TeamReportSettings1764000000019 } from './1764000000019-team-report-settings';

/** In order. A new migration is appended here (and never edited once released). */
export const migrations = [
  InitialSchema1764000000000,
  MetricsIndexes1764000000001,
  SourceSigning1764000000002,
  RateLimitBuckets1764000000003,
  QualificationCorrections1764000000004,
  FlowTestCases1764000000005,
  FlowArchive1764000000006,
  FlowVersionNotes1764000000007,
  AlertNotify1764000000008,
  Invitations1764000000009,
  ApiTokens1764000000010,
  ScheduleHolidayNames1764000000012,
  SampleLeads1764000000014,
  LeadAcknowledgedAt1764000000016,
  WorkerActivities1764000000017,
  Bookings1764000000018,
  TeamReportSettings1764000000019,
];
