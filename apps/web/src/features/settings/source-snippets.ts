/**
 * A plain HTML form that posts straight to the source's form intake: no JavaScript, works on any
 * site whose origin the source allows. The hidden `website_url` field is the honeypot bots fill.
 */
export function formSnippet(origin: string, slug: string): string {
  return `<form method="post" action="${origin}/api/v1/intake/${slug}">
  <label>Name <input name="name" required maxlength="200"></label>
  <label>Email <input type="email" name="email" maxlength="254"></label>
  <label>Phone <input type="tel" name="phone" maxlength="50"></label>
  <label>How can we help? <textarea name="message" maxlength="10000"></textarea></label>
  <div style="position:absolute;left:-10000px" aria-hidden="true">
    <input type="text" name="website_url" tabindex="-1" autocomplete="off">
  </div>
  <button type="submit">Send</button>
</form>`;
}

/** The same lead over the JSON API, with the key as the Bearer token. */
export function curlSnippet(origin: string, apiKey = '<source API key>'): string {
  return [
    `curl -X POST ${origin}/api/v1/leads`,
    `-H 'Authorization: Bearer ${apiKey}'`,
    `-H 'Content-Type: application/json'`,
    `-d '{"contact":{"name":"Ada","email":"ada@example.com"},"message":"Please call me"}'`,
  ].join(' \\\n  ');
}

/** A slug from a name: "Website form (NL)" → "website-form-nl". */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}
