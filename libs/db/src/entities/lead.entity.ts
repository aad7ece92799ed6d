import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { LeadSourceContext, LeadStatus } from '@baton/api-contract';

@Entity({ name: 'leads' })
export class LeadEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) sourceId!: string;
  @Column({ type: 'text', nullable: true }) externalId!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'text', nullable: true }) company!: string | null;
  @Column({ type: 'text', nullable: true }) message!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) customFields!: Record<
    string,
    string | number | boolean | null
  >;
  @Column({ type: 'jsonb', default: () => "'{}'" }) context!: LeadSourceContext;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text', default: 'new' }) status!: LeadStatus;
  @Column({ type: 'uuid', nullable: true }) ownerId!: string | null;
  @Column({ type: 'uuid', nullable: true }) teamId!: string | null;
  @Column({ type: 'uuid', nullable: true }) flowVersionId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) qualification!: Record<string, unknown> | null;
  @Column({ type: 'timestamptz', nullable: true }) firstResponseAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) assignedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) firstContactAt!: Date | null;
  /** First claim, or the owner's explicit acknowledge. */
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) slaDueAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) workflowStartedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
