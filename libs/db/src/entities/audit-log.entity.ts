import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed which flow, person, source or setting, and how (before/after). */
@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) entityType!: string;
  @Column({ type: 'text' }) entityId!: string;
  @Column({ type: 'jsonb', nullable: true }) before!: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after!: Record<string, unknown> | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
