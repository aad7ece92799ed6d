import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Remembers the answer to an intake request so a retried request gets the same answer. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' }) sourceId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  /** sha256 of the canonical request body: same key + another body is a client bug (422). */
  @Column({ type: 'text' }) requestHash!: string;
  @Column({ type: 'int' }) responseStatus!: number;
  @Column({ type: 'jsonb' }) responseBody!: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
