/** A cookie jar for one host: enough for the provider's own interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Goes through the provider's pages as a browser would: follows its redirects, posts its login
 * form (as `login`) and its consent form, or presses Cancel; stops at the redirect back to
 * Baton and returns that URL (code and state, or error).
 */
export async function throughProviderPages(
  authorizeUrl: string,
  redirectUrl: string,
  options: { login: string } | { cancel: true },
): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(redirectUrl)) return new URL(url);
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    jar.take(res);
    const location = res.headers.get('location');
    form = undefined;
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url}: ${html}`);
    if ('cancel' in options) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error(`no cancel link on the provider page:\n${html}`);
      url = new URL(abort, url).href;
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider page:\n${html}`);
    url = new URL(action, url).href;
    form =
      prompt === 'login'
        ? new URLSearchParams({ prompt, login: options.login, password: 'anything' })
        : new URLSearchParams({ prompt });
  }
  throw new Error('too many hops at the provider');
}
