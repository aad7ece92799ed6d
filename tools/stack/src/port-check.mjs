// @ts-check
// Fails early, with one line, when a port the stack must own is taken.
import { isPortFree } from './free-port.mjs';
import { UserError } from './log.mjs';

/**
 * @param {number} port
 * @param {string} envName the variable that moves this port, named in the message
 */
export async function assertPortFree(port, envName) {
  const free = (await isPortFree(port)) && (await isPortFree(port, '127.0.0.1'));
  if (!free)
    throw new UserError(`Port ${port} is in use; set ${envName}=... or stop the other process`);
}

/**
 * Reads a port from the environment, with a default.
 * @param {string} envName
 * @param {number} fallback
 */
export function portFromEnv(envName, fallback) {
  const raw = process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(`${envName}=${raw} is not a port number (1-65535)`);
  }
  return port;
}
