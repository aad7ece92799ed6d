import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An example lead a flow must route as expected; publish refuses while one fails. */
@Entity({ name: 'flow_test_cases' })
export class FlowTestCaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) flowId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'int', default: 0 }) position!: number;
  /** The simulate request (lead, qualification, at, breached), as api-contract's schema has it. */
  @Column({ type: 'jsonb' }) input!: Record<string, unknown>;
  /** The checks (endNodeId, outcome, path, passes, teamId, ownerId). */
  @Column({ type: 'jsonb' }) expected!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
