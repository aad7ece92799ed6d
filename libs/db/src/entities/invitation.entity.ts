import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time link that lets a person set their password. Only the sha256 of the token is stored. */
@Entity({ name: 'invitations' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** One invitation per person: sending again replaces the token and the expiry. */
  @Column({ type: 'uuid', unique: true }) userId!: string;
  @Column({ type: 'text', unique: true }) tokenHash!: string;
  @Column({ type: 'uuid', nullable: true }) invitedById!: string | null;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
  /** Set once the link was used; the row stays so a second use is told so. */
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
