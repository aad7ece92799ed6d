import {
  DataSource,
  SourceEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
  type UserRole,
} from '@baton/db';
import { hashPassword } from '../../src/auth/password-hasher';
import { newSecretToken, sha256 } from '../../src/auth/secret-token';

export interface TestSource {
  id: string;
  slug: string;
  apiKey: string;
}

export async function seedSource(
  db: DataSource,
  slug = `src-${newSecretToken(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`,
): Promise<TestSource> {
  const apiKey = `bat_${newSecretToken(24)}`;
  const saved = await db.getRepository(SourceEntity).save({
    slug,
    name: `Source ${slug}`,
    apiKeyHash: sha256(apiKey),
    apiKeyPrefix: apiKey.slice(0, 8),
  });
  return { id: saved.id, slug, apiKey };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: UserRole;
}

export async function seedUser(
  db: DataSource,
  role: UserRole,
  name = `${role} ${newSecretToken(3)}`,
): Promise<TestUser> {
  const password = `pw-${newSecretToken(12)}`;
  const email = `${newSecretToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}@test.example`;
  const saved = await db
    .getRepository(UserEntity)
    .save({ email, name, role, passwordHash: await hashPassword(password) });
  return { id: saved.id, email, password, role };
}

export async function seedTeam(
  db: DataSource,
  managerId: string,
  memberIds: string[],
): Promise<string> {
  const team = await db
    .getRepository(TeamEntity)
    .save({ name: `Team ${newSecretToken(4)}`, managerId });
  await db
    .getRepository(TeamMemberEntity)
    .insert(memberIds.map((userId) => ({ teamId: team.id, userId })));
  return team.id;
}
