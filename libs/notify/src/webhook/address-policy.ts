import { isIP } from 'node:net';

/** What kind of network an IP address belongs to; only `public` may be called by default. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

interface Range {
  base: bigint;
  bits: number;
  kind: Exclude<AddressClass, 'public'>;
}

function parseIPv4(ip: string): bigint {
  return ip.split('.').reduce((n, octet) => (n << 8n) | BigInt(Number(octet)), 0n);
}

/** 128-bit value of an IPv6 address, including "::" and a dotted IPv4 tail (::ffff:1.2.3.4). */
function parseIPv6(ip: string): bigint {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = parseIPv4(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [
    ...headGroups,
    ...Array<string>(tail === undefined ? 0 : missing).fill('0'),
    ...tailGroups,
  ];
  return groups.reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

const v4 = (cidr: string, kind: Range['kind']): Range => {
  const [base = '', bits = '32'] = cidr.split('/');
  return { base: parseIPv4(base), bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: Range['kind']): Range => {
  const [base = '', bits = '128'] = cidr.split('/');
  return { base: parseIPv6(base), bits: Number(bits), kind };
};

// Everything a webhook must not reach from inside the network (RFC 6890 special-purpose ranges).
const ipv4Ranges: Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'), // includes the cloud metadata service 169.254.169.254
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'reserved'),
  v4('203.0.113.0/24', 'reserved'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'), // includes broadcast 255.255.255.255
];

const ipv6Ranges: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('100::/64', 'reserved'),
  v6('2001:db8::/32', 'reserved'),
  v6('fc00::/7', 'unique-local'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'reserved'),
  v6('ff00::/8', 'multicast'),
];

// IPv6 forms that carry an IPv4 address and reach it: judge them by that address.
const embeddedIPv4: Array<{ prefix: Range; extract: (n: bigint) => bigint }> = [
  { prefix: v6('::ffff:0:0/96', 'reserved'), extract: (n) => n & 0xffffffffn }, // IPv4-mapped
  { prefix: v6('::/96', 'reserved'), extract: (n) => n & 0xffffffffn }, // IPv4-compatible (deprecated)
  { prefix: v6('64:ff9b::/96', 'reserved'), extract: (n) => n & 0xffffffffn }, // NAT64
  { prefix: v6('2002::/16', 'reserved'), extract: (n) => (n >> 80n) & 0xffffffffn }, // 6to4
];

const inRange = (n: bigint, range: Range, width: number) =>
  n >> BigInt(width - range.bits) === range.base >> BigInt(width - range.bits);

function classifyIPv4(n: bigint): AddressClass {
  return ipv4Ranges.find((range) => inRange(n, range, 32))?.kind ?? 'public';
}

/** Classifies an IP address (v4 or v6, with or without brackets or zone id). */
export function classifyAddress(ip: string): AddressClass {
  const address = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(address);
  if (family === 4) return classifyIPv4(parseIPv4(address));
  if (family !== 6) throw new TypeError(`not an IP address: ${ip}`);
  const n = parseIPv6(address);
  const special = ipv6Ranges.find((range) => inRange(n, range, 128));
  if (special) return special.kind;
  const carrier = embeddedIPv4.find(({ prefix }) => inRange(n, prefix, 128));
  return carrier ? classifyIPv4(carrier.extract(n)) : 'public';
}
