import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LeadEventType } from '@baton/api-contract';

export type EventActorType = 'system' | 'user' | 'source';

/** Append-only timeline and audit log of a lead. `stepId` makes workflow writes idempotent. */
@Entity({ name: 'lead_events' })
export class LeadEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid' }) leadId!: string;
  @Column({ type: 'text' }) type!: LeadEventType;
  /** `<nodeId>#<visit>` for workflow steps; null for events from people or intake. */
  @Column({ type: 'text', nullable: true }) stepId!: string | null;
  @Column({ type: 'text' }) actorType!: EventActorType;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) data!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) occurredAt!: Date;
}
