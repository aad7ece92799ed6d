import { isIPv6 } from 'node:net';

/**
 * The part of a client's address that a rate limit should count: an IPv4 address as is (also
 * when IPv4-mapped, ::ffff:a.b.c.d), an IPv6 address by its /64 network, because one subscriber
 * usually gets a whole /64 and could otherwise take a fresh budget with every address in it.
 */
export function clientAddressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const bare = ip.toLowerCase().replace(/%.*$/, ''); // without a zone index (fe80::1%eth0)
  const [head = '', tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = bare.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
