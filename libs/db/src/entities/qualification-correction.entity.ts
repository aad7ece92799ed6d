import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QualificationClass } from '@baton/api-contract';

/**
 * A person's label on a lead's qualification: the class the lead really is, with why. Appended,
 * never edited (the latest per lead counts), and it keeps the qualification it corrected, so a
 * label still says what it disagreed with after the lead is qualified again.
 */
@Entity({ name: 'qualification_corrections' })
export class QualificationCorrectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) leadId!: string;
  @Column({ type: 'uuid' }) correctedById!: string;
  @Column({ type: 'text' }) class!: QualificationClass;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** `leads.qualification` when the correction was made; null if the lead had none yet. */
  @Column({ type: 'jsonb', nullable: true }) qualification!: Record<string, unknown> | null;
  /** The request's Idempotency-Key, so a retried POST stores one label, not two. */
  @Column({ type: 'text', nullable: true }) idempotencyKey!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
