import type { Role } from '@baton/api-contract';
import type { OidcRoleMapping } from './oidc-config';

const rank: Record<Role, number> = { rep: 0, manager: 1, admin: 2 };

/**
 * The role a person's claim maps to; when several values map (one group each), the highest wins.
 * Null when no value maps. A claim may be one string or a list (groups).
 */
export function roleFromClaims(
  mapping: OidcRoleMapping,
  claims: Record<string, unknown>,
): Role | null {
  const raw = claims[mapping.claim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (v): v is string => typeof v === 'string',
  );
  let best: Role | null = null;
  for (const value of values) {
    const role = mapping.roles.get(value);
    if (role && (best === null || rank[role] > rank[best])) best = role;
  }
  return best;
}
