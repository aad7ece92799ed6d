import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A personal API token: acts as its person, with their role at the time of each request. Only the
 * sha256 of the secret is stored; `tokenPrefix` is its first characters, to tell tokens apart.
 */
@Entity({ name: 'api_tokens' })
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', unique: true, select: false }) tokenHash!: string;
  @Column({ type: 'text' }) tokenPrefix!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  /** null = does not expire. */
  @Column({ type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  /** Updated at most once a minute, so a busy script does not write on every call. */
  @Column({ type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) revokedById!: string | null;
}
