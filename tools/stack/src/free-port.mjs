// @ts-check
// Free TCP ports on this machine: ask the kernel for one, or test whether a given one is free.
import net from 'node:net';

/**
 * A port nothing listens on right now (the kernel's pick), on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/**
 * Whether `port` can be bound the way a Node server binds it by default (all interfaces).
 * @param {number} port
 * @param {string} [host] leave unset to test the wildcard address, like `server.listen(port)`
 * @returns {Promise<boolean>}
 */
export function isPortFree(port, host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * `preferred` when it is free, else any free port: stable URLs when possible, no clash otherwise.
 * @param {number} preferred
 */
export async function preferredOrFreePort(preferred) {
  return (await isPortFree(preferred)) && (await isPortFree(preferred, '127.0.0.1'))
    ? preferred
    : freePort();
}
