// @ts-check
// Console output for the stack scripts: short progress lines, coloured child prefixes, and the
// UserError type whose message is printed alone (one line, no stack trace).

const useColor =
  !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true);

/** @type {Record<string, number>} */
const codes = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
  dim: 2,
};

/**
 * @param {keyof typeof codes} name
 * @param {string} text
 */
export function paint(name, text) {
  return useColor ? `\u001b[${codes[name]}m${text}\u001b[0m` : text;
}

/** A failure the user can fix: printed as one line, without a stack trace. */
export class UserError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'UserError';
  }
}

/** @param {string} message */
export function step(message) {
  console.log(`${paint('cyan', '›')} ${message}`);
}

/** @param {string} message */
export function note(message) {
  console.log(paint('gray', `  ${message}`));
}

/** @param {string} message */
export function warn(message) {
  console.error(`${paint('yellow', '!')} ${message}`);
}

/** @param {string} message */
export function fail(message) {
  console.error(`${paint('red', '✖')} ${message}`);
}

/** @param {number} ms */
export function formatDuration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** The last `count` non-empty lines of a text, for quoting a log after a failure.
 * @param {string} text
 * @param {number} count */
export function tail(text, count) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(-count);
}
