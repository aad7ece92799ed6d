import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WeeklyHours = Record<
  'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun',
  { start: string; end: string }[]
>;

@Entity({ name: 'schedules' })
export class ScheduleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  /** IANA zone, e.g. Europe/Berlin. */
  @Column({ type: 'text' }) timeZone!: string;
  @Column({ type: 'jsonb' }) weekly!: Partial<WeeklyHours>;
  /** ISO dates (yyyy-mm-dd) in the schedule's zone. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) holidays!: string[];
  /** What people call each holiday, keyed by its date (a subset of `holidays`). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) holidayNames!: Record<string, string>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
