import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) slug!: string;
  @Column({ type: 'text' }) name!: string;
  /** sha256 of the API key: keys are long random strings, so a fast hash is enough and lookups stay O(1). */
  @Column({ type: 'text', unique: true, select: false }) apiKeyHash!: string;
  /** First characters of the key, shown in the UI so people can tell keys apart. */
  @Column({ type: 'text' }) apiKeyPrefix!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) allowedOrigins!: string[];
  @Column({ type: 'text', nullable: true }) thankYouUrl!: string | null;
  @Column({ type: 'uuid', nullable: true }) flowId!: string | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** POST /api/v1/leads must carry a valid X-Baton-Signature (HMAC of the raw body). */
  @Column({ type: 'boolean', default: false }) signatureRequired!: boolean;
  /**
   * Which derived signing secret is current: HMAC(BATON_SIGNING_KEY, source id + version). Only
   * the version is stored, never the secret; bumping it retires the old secret.
   */
  @Column({ type: 'int', default: 0 }) signingKeyVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
