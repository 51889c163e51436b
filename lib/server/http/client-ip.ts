import { BlockList, isIP } from "node:net";

/**
 * The one place a request's client address is decided (README.md "Security defaults",
 * client addresses). Headers a client sends are never believed on their
 * own: without TRUSTED_PROXIES the TCP peer is the client; with it,
 * X-Forwarded-For is walked from the right, skipping the proxies we run, and
 * the first address not ours is the client's. Everything left of it was
 * written by the client and could say anything.
 */

/**
 * Set on every request from the socket itself (peer-address.ts, installed by
 * instrumentation.ts), overwriting anything a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-assay-peer-address";

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

export function headerValue(h: HeaderBag, name: string): string | null {
  if (h instanceof Headers) return h.get(name);
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export interface TrustedProxies {
  contains(address: string): boolean;
}

/** Parses "10.0.0.0/8, 192.168.1.5, ::1". Unparseable entries are reported and left out (fail closed). */
export function parseTrustedProxies(spec: string | undefined): { proxies: TrustedProxies; invalid: string[] } {
  const list = new BlockList();
  const invalid: string[] = [];
  let any = false;
  for (const raw of (spec ?? "").split(/[\s,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (bits !== null && !(bits >= 0 && bits <= maxBits))) {
      invalid.push(entry);
      continue;
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
    any = true;
  }
  return {
    invalid,
    proxies: {
      contains(address) {
        if (!any) return false;
        const family = isIP(address);
        return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
      },
    },
  };
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; "[::1]" → "::1"; anything that is not an IP → null. */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  if (mapped) v = mapped[1]!;
  return isIP(v) ? v : null;
}

/** Pure core: the client address from the socket peer and the forwarded chain. */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trusted: TrustedProxies): string | null {
  const socket = normaliseAddress(peer);
  if (!socket || !trusted.contains(socket)) return socket;
  const hops = (forwardedFor ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // Garbage in the chain: stop at the last address a trusted proxy vouched for.
    if (!hop) return client;
    client = hop;
    if (!trusted.contains(hop)) return hop;
  }
  return client;
}

let configured: { spec: string | undefined; proxies: TrustedProxies } | undefined;

function trustedProxiesFromEnv(): TrustedProxies {
  const spec = process.env.TRUSTED_PROXIES;
  if (!configured || configured.spec !== spec) {
    const parsed = parseTrustedProxies(spec);
    if (parsed.invalid.length > 0) {
      console.error(`TRUSTED_PROXIES: ignoring entries that are not IP addresses or CIDR ranges: ${parsed.invalid.join(", ")}`);
    }
    configured = { spec, proxies: parsed.proxies };
    return parsed.proxies;
  }
  return configured.proxies;
}

/** The client address of a request, by the rule above. Null when it cannot be known. */
export function clientIp(h: HeaderBag): string | null {
  return resolveClientIp(headerValue(h, PEER_ADDRESS_HEADER), headerValue(h, "x-forwarded-for"), trustedProxiesFromEnv());
}
