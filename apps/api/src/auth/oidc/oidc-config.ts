import { z } from 'zod';
import { type Role, roleSchema } from '@baton/api-contract';

// Compose and Helm pass unset variables as empty strings: those mean "not set".
const emptyAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);
const optionalText = emptyAsUnset(z.string().optional());
const optionalUrl = emptyAsUnset(z.url().optional());

/** The env variables for single sign-on; merged into the API's env schema. */
export const oidcEnvShape = {
  /** Where Baton is reached in a browser (https://baton.example.com); the OIDC redirect URL is derived from it. */
  BATON_PUBLIC_URL: optionalUrl,
  /** The provider's issuer (its /.well-known/openid-configuration is read from there). */
  OIDC_ISSUER_URL: optionalUrl,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** Shown on the login button: "Sign in with <name>". */
  OIDC_DISPLAY_NAME: emptyAsUnset(z.string().trim().min(1).max(60).default('SSO')),
  OIDC_SCOPES: emptyAsUnset(z.string().trim().min(1).default('openid email profile')),
  /** The claim that carries the Baton role (e.g. groups, baton_role); unset: roles stay Baton's. */
  OIDC_ROLE_CLAIM: optionalText,
  /** Claim value → role, comma-separated: "baton-admins=admin,sales-leads=manager,sales=rep". */
  OIDC_ROLE_MAP: optionalText,
  /** "off" turns password sign-in off (SSO only); set it back to "on" to get in without the provider. */
  BATON_LOCAL_PASSWORDS: emptyAsUnset(z.enum(['on', 'off']).default('on')),
};

type OidcEnv = z.infer<z.ZodObject<typeof oidcEnvShape>>;

export interface OidcRoleMapping {
  claim: string;
  /** Claim value → Baton role. */
  roles: ReadonlyMap<string, Role>;
}

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  displayName: string;
  scopes: string;
  roleMapping: OidcRoleMapping | null;
}

export interface SignInSettings {
  oidc: OidcSettings | null;
  localPasswords: boolean;
}

/** Problems as `path: message` lines, so the startup error names every variable to fix. */
export type ConfigIssue = { path: string; message: string };

function parseRoleMap(text: string, issues: ConfigIssue[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = roleSchema.safeParse(entry.slice(at + 1).trim());
    if (at <= 0 || !value || !role.success) {
      issues.push({
        path: 'OIDC_ROLE_MAP',
        message: `"${entry}" is not <claim value>=<admin|manager|rep>`,
      });
      continue;
    }
    roles.set(value, role.data);
  }
  if (roles.size === 0 && issues.length === 0)
    issues.push({ path: 'OIDC_ROLE_MAP', message: 'name at least one <claim value>=<role>' });
  return roles;
}

/** Single sign-on is on when issuer, client id and secret are all set; half a setup is an error. */
export function parseSignInSettings(env: OidcEnv): {
  settings: SignInSettings;
  issues: ConfigIssue[];
} {
  const issues: ConfigIssue[] = [];
  const localPasswords = env.BATON_LOCAL_PASSWORDS === 'on';
  const required = {
    OIDC_ISSUER_URL: env.OIDC_ISSUER_URL,
    OIDC_CLIENT_ID: env.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
  };
  const missing = Object.entries(required).filter(([, v]) => v === undefined);
  const anySet = missing.length < Object.keys(required).length;
  const mappingSet = env.OIDC_ROLE_CLAIM !== undefined || env.OIDC_ROLE_MAP !== undefined;

  if (!anySet) {
    if (!localPasswords)
      issues.push({
        path: 'BATON_LOCAL_PASSWORDS',
        message:
          'off needs single sign-on (OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); otherwise nobody could sign in',
      });
    if (mappingSet)
      issues.push({
        path: 'OIDC_ROLE_CLAIM',
        message: 'role mapping needs OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
      });
    return { settings: { oidc: null, localPasswords }, issues };
  }
  for (const [name] of missing)
    issues.push({
      path: name,
      message: `is required when single sign-on is configured (set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together)`,
    });
  if (!env.BATON_PUBLIC_URL)
    issues.push({
      path: 'BATON_PUBLIC_URL',
      message:
        'is required for single sign-on: the redirect URL is <BATON_PUBLIC_URL>/api/v1/auth/oidc/callback',
    });
  if (!env.OIDC_SCOPES.split(/\s+/).includes('openid'))
    issues.push({ path: 'OIDC_SCOPES', message: 'must include openid' });

  let roleMapping: OidcRoleMapping | null = null;
  if (mappingSet) {
    if (!env.OIDC_ROLE_CLAIM)
      issues.push({
        path: 'OIDC_ROLE_CLAIM',
        message: 'is required with OIDC_ROLE_MAP (e.g. groups)',
      });
    if (!env.OIDC_ROLE_MAP)
      issues.push({
        path: 'OIDC_ROLE_MAP',
        message: 'is required with OIDC_ROLE_CLAIM (e.g. baton-admins=admin,sales=rep)',
      });
    const roles = env.OIDC_ROLE_MAP ? parseRoleMap(env.OIDC_ROLE_MAP, issues) : new Map();
    if (env.OIDC_ROLE_CLAIM) roleMapping = { claim: env.OIDC_ROLE_CLAIM, roles };
  }
  if (issues.length > 0) return { settings: { oidc: null, localPasswords }, issues };

  const base = (env.BATON_PUBLIC_URL as string).replace(/\/+$/, '');
  return {
    settings: {
      localPasswords,
      oidc: {
        issuer: new URL(env.OIDC_ISSUER_URL as string),
        clientId: env.OIDC_CLIENT_ID as string,
        clientSecret: env.OIDC_CLIENT_SECRET as string,
        redirectUrl: `${base}/api/v1/auth/oidc/callback`,
        displayName: env.OIDC_DISPLAY_NAME,
        scopes: env.OIDC_SCOPES,
        roleMapping,
      },
    },
    issues,
  };
}
