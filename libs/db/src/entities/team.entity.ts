import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  /** Escalation target. */
  @Column({ type: 'uuid', nullable: true }) managerId!: string | null;
  @Column({ type: 'uuid', nullable: true }) scheduleId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'team_members' })
export class TeamMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) teamId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
}
