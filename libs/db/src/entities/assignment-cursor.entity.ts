import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Round-robin position per pool, locked FOR UPDATE so concurrent assignments stay fair. */
@Entity({ name: 'assignment_cursors' })
export class AssignmentCursorEntity {
  @PrimaryColumn({ type: 'text' }) poolKey!: string;
  /** userId -> number of leads handed to them through this pool (fair-share counter). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) counts!: Record<string, number>;
  @Column({ type: 'int', default: 0 }) position!: number;
}
