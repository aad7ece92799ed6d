/** A first call with a token: who am I, as the API sees the token. */
export function whoAmISnippet(origin: string, token = '<your API token>'): string {
  return `curl ${origin}/api/v1/auth/me \\\n  -H 'Authorization: Bearer ${token}'`;
}

/** The leads the token's person may see, newest first. */
export function leadsSnippet(origin: string, token = '<your API token>'): string {
  return `curl '${origin}/api/v1/leads?limit=10' \\\n  -H 'Authorization: Bearer ${token}'`;
}
