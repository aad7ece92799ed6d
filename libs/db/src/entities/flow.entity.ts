import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity({ name: 'flows' })
export class FlowEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  /** React Flow graph (nodes + edges), plain JSON matching libs/flow's graph schema. */
  @Column({ type: 'jsonb' }) draftGraph!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) publishedVersionId!: string | null;
  /** Put away: kept with its versions, no source may feed it (see the flow-archive migration). */
  @Column({ type: 'timestamptz', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** Immutable once written: leads pin the version they started with. */
@Entity({ name: 'flow_versions' })
export class FlowVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) flowId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) graph!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) publishedById!: string | null;
  /** What the publisher said changed, and why. */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) publishedAt!: Date;
}
