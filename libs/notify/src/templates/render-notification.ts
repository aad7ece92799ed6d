import { escapeHtml, renderTemplate } from '@baton/flow';

/** A notify node's message: templates written by an ops manager (trusted), filled with lead data (not). */
export interface NotificationTemplate {
  subject?: string;
  /** Plain-text body; also the HTML body when no `html` template is given. */
  body: string;
  /** An HTML template, when the message should be richer than its text. */
  html?: string;
}

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}

/** Blank lines make paragraphs, single line breaks stay line breaks. */
function paragraphs(escapedText: string): string {
  return escapedText
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${block.replace(/\r?\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/**
 * Subject, text and HTML for one notification. Variables are HTML-escaped in the HTML and left
 * as typed in the text. When the HTML comes from the text body, the template's own text is
 * escaped too ("a < b" in a plain template is text, not markup).
 */
export function renderNotification(
  template: NotificationTemplate,
  vars: Readonly<Record<string, unknown>>,
): RenderedNotification {
  const subject = renderTemplate(template.subject ?? '', vars, { escape: 'none' })
    .replace(/\s+/g, ' ')
    .trim();
  const text = renderTemplate(template.body, vars, { escape: 'none' });
  const html =
    template.html !== undefined
      ? renderTemplate(template.html, vars, { escape: 'html' })
      : paragraphs(renderTemplate(escapeHtml(template.body), vars, { escape: 'html' }));
  return { subject, text, html };
}
