import { lookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './address-policy';
import { WebhookError } from './webhook.error';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Hostname → addresses; injectable so tests (and split-horizon installs) can supply their own. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), as node's http would use. */
export const resolveWithSystemDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

export interface ResolveAllowedAddressOptions {
  resolveHost: ResolveHost;
  allowPrivateNetworks: boolean;
}

/**
 * The one address a webhook will connect to, checked: every address the name resolves to
 * must be public (unless private networks are allowed), because a name that also points
 * inward is an attack or a mistake either way.
 */
export async function resolveAllowedAddress(
  url: URL,
  options: ResolveAllowedAddressOptions,
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await options.resolveHost(host);
    } catch (error) {
      throw new WebhookError('dns_failure', `cannot resolve ${host}: ${(error as Error).message}`, {
        retryable: true,
        cause: error,
      });
    }
    if (addresses.length === 0)
      throw new WebhookError('dns_failure', `${host} has no addresses`, { retryable: true });
  }

  if (!options.allowPrivateNetworks) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public') {
        throw new WebhookError(
          'blocked_address',
          `refusing to call ${host}: ${literal ? 'it is' : 'it resolves to'} ${address}, a ${kind} address (allow private networks to permit this)`,
          { retryable: false },
        );
      }
    }
  }
  const [first] = addresses;
  if (!first)
    throw new WebhookError('dns_failure', `${host} has no addresses`, { retryable: true });
  return first;
}

/**
 * A `lookup` for node's http/https that answers with the address already checked, so the
 * connection cannot go to a different address than the one we approved (DNS rebinding).
 */
export function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}
