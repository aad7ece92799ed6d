import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BookingStatus = 'confirmed' | 'cancelled';
export type BookingSource = 'flow' | 'manual' | 'link';

/** A meeting with a lead. At most one per lead is not cancelled (a partial unique index). */
@Entity({ name: 'bookings' })
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) leadId!: string;
  @Column({ type: 'uuid', nullable: true }) ownerId!: string | null;
  @Column({ type: 'timestamptz' }) startsAt!: Date;
  @Column({ type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: 'confirmed' }) status!: BookingStatus;
  @Column({ type: 'text' }) source!: BookingSource;
  /** The workflow step that booked it, so a retried step finds its own booking. */
  @Column({ type: 'text', nullable: true }) stepId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
