import { DataSource, UserEntity } from '@baton/db';
import { hashPassword } from '../auth/password-hasher';

/** First admin from the environment (production installs): created once, never overwritten. */
export async function ensureAdmin(
  db: DataSource,
  email: string,
  password: string,
): Promise<'created' | 'exists'> {
  if (password.length < 12) throw new Error('BATON_ADMIN_PASSWORD must be at least 12 characters');
  const users = db.getRepository(UserEntity);
  if (await users.existsBy({ email: email.toLowerCase() })) return 'exists';
  await users.insert({
    email: email.toLowerCase(),
    name: 'Administrator',
    role: 'admin',
    passwordHash: await hashPassword(password),
  });
  return 'created';
}
