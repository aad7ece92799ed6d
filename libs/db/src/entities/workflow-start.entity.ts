import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The "start pending" marker: written in the same transaction as the lead, deleted once the
 * workflow is known to exist. A dispatcher drains it, so a lead stored while Temporal is down
 * still starts when Temporal is back.
 */
@Entity({ name: 'workflow_starts' })
export class WorkflowStartEntity {
  @PrimaryColumn({ type: 'uuid' }) leadId!: string;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) nextAttemptAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
