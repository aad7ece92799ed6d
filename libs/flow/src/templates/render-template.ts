import { readPath } from '../conditions/facts';

export type TemplateEscape = 'html' | 'none';

export interface RenderTemplateOptions {
  /** html: every substituted value is HTML-escaped (the template text itself is trusted). */
  escape: TemplateEscape;
}

const OPEN = '{{';
const CLOSE = '}}';
// Variable names are dotted paths; anything else between braces is not a variable and renders empty.
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_-]+)*$/;

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => htmlEntities[ch] ?? ch);
}

/** How a value reads in a message; objects render empty rather than as "[object Object]". */
function display(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value))
    return value
      .map(display)
      .filter((s) => s !== '')
      .join(', ');
  return '';
}

/**
 * Fills `{{lead.name}}`-style variables from `vars`. Only property lookup, never evaluation;
 * unknown variables render empty; an unclosed `{{` stays as typed. Linear in the template length.
 */
export function renderTemplate(
  template: string,
  vars: Readonly<Record<string, unknown>>,
  options: RenderTemplateOptions,
): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = template.indexOf(OPEN, at);
    const close = open === -1 ? -1 : template.indexOf(CLOSE, open + OPEN.length);
    if (open === -1 || close === -1) return out + template.slice(at);
    const name = template.slice(open + OPEN.length, close).trim();
    const text = PATH.test(name) ? display(readPath(vars, name)) : '';
    out += template.slice(at, open) + (options.escape === 'html' ? escapeHtml(text) : text);
    at = close + CLOSE.length;
  }
}

/** The variable paths a template uses, in order of first use (for hints and checks in the editor). */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  let at = 0;
  for (;;) {
    const open = template.indexOf(OPEN, at);
    const close = open === -1 ? -1 : template.indexOf(CLOSE, open + OPEN.length);
    if (open === -1 || close === -1) return names;
    const name = template.slice(open + OPEN.length, close).trim();
    if (PATH.test(name) && !names.includes(name)) names.push(name);
    at = close + CLOSE.length;
  }
}
