import { ApiTokenEntity } from './api-token.entity';
import { AssignmentCursorEntity } from './assignment-cursor.entity';
import { AuditLogEntity } from './audit-log.entity';
import { BookingEntity } from './booking.entity';
import { FlowEntity, FlowVersionEntity } from './flow.entity';
import { FlowTestCaseEntity } from './flow-test-case.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InvitationEntity } from './invitation.entity';
import { LeadEventEntity } from './lead-event.entity';
import { LeadEntity } from './lead.entity';
import { NotificationEntity } from './notification.entity';
import { QualificationCorrectionEntity } from './qualification-correction.entity';
import { ScheduleEntity } from './schedule.entity';
import { SessionEntity } from './session.entity';
import { SettingEntity } from './setting.entity';
import { SourceEntity } from './source.entity';
import { TeamEntity, TeamMemberEntity } from './team.entity';
import { UserEntity } from './user.entity';
import { WorkflowStartEntity } from './workflow-start.entity';

export {
  ApiTokenEntity,
  AssignmentCursorEntity,
  AuditLogEntity,
  BookingEntity,
  FlowEntity,
  FlowTestCaseEntity,
  FlowVersionEntity,
  IdempotencyKeyEntity,
  InvitationEntity,
  LeadEventEntity,
  LeadEntity,
  NotificationEntity,
  QualificationCorrectionEntity,
  ScheduleEntity,
  SessionEntity,
  SettingEntity,
  SourceEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
  WorkflowStartEntity,
};
export type { UserRole, UserStatus } from './user.entity';
export type { WeeklyHours } from './schedule.entity';
export type { EventActorType } from './lead-event.entity';
export type { BookingSource, BookingStatus } from './booking.entity';

export const entities = [
  ApiTokenEntity,
  AssignmentCursorEntity,
  AuditLogEntity,
  BookingEntity,
  FlowEntity,
  FlowTestCaseEntity,
  FlowVersionEntity,
  IdempotencyKeyEntity,
  InvitationEntity,
  LeadEventEntity,
  LeadEntity,
  NotificationEntity,
  QualificationCorrectionEntity,
  ScheduleEntity,
  SessionEntity,
  SettingEntity,
  SourceEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
  WorkflowStartEntity,
];
