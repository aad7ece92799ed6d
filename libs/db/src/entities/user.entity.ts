import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type UserRole = 'admin' | 'manager' | 'rep';
export type UserStatus = 'available' | 'away';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true }) email!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: UserRole;
  /** argon2id hash; null for people who cannot sign in (e.g. imported reps). */
  @Column({ type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  @Column({ type: 'text', default: 'available' }) status!: UserStatus;
  @Column({ type: 'timestamptz', nullable: true }) outOfOfficeUntil!: Date | null;
  /** Most open leads this person may own at once; null = no cap. */
  @Column({ type: 'int', nullable: true }) capacity!: number | null;
  @Column({ type: 'int', default: 1 }) weight!: number;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills!: string[];
  @Column({ type: 'text', array: true, default: () => "'{}'" }) territories!: string[];
  @Column({ type: 'uuid', nullable: true }) scheduleId!: string | null;
  /** Set when the person breached SLAs repeatedly; the reason is in `flagReason`. */
  @Column({ type: 'timestamptz', nullable: true }) flaggedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) flagReason!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
