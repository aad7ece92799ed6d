import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** In-app alert; persists until the person acknowledges it. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'uuid', nullable: true }) leadId!: string | null;
  @Column({ type: 'text', nullable: true }) stepId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) body!: string;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
