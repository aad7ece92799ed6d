import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in browser. Only the sha256 of the cookie token is stored. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text', unique: true }) tokenHash!: string;
  /** Double-submit CSRF token for state-changing requests made with the cookie. */
  @Column({ type: 'text' }) csrfToken!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
