/**
 * Slack's control characters in text: `&`, `<` and `>` (links and mentions are written `<...>`).
 * Lead text is untrusted, so it is escaped before it goes into any text object, which keeps a
 * lead from pinging `<!channel>` or dressing up a link.
 */
export const escapeSlackText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Also neutralises mrkdwn formatting characters so untrusted text shows as written. */
export const escapeSlackMrkdwn = (text: string) =>
  escapeSlackText(text).replace(/([*_~`])/g, '\u200b$1\u200b');
