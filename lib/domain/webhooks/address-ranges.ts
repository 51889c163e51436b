// Which IP addresses a webhook may be sent to (docs/webhooks.md, "Outbound
// safety"). An admin types the URL, but the server makes the request from
// inside the network: without this check a webhook could read a cloud
// metadata service or poke an internal admin page (server-side request
// forgery). Everything that is not ordinary public unicast is refused unless
// the operator allowed it explicitly. Pure: the caller resolves names.

export type AddressClass = "public" | "loopback" | "private" | "link_local" | "metadata" | "cgnat" | "multicast" | "unique_local" | "reserved";

export const ADDRESS_CLASS_LABELS: Record<Exclude<AddressClass, "public">, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  link_local: "a link-local address",
  metadata: "a cloud metadata address",
  cgnat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  unique_local: "an IPv6 unique local address",
  reserved: "a reserved or special-purpose address",
};

/** An address as 16 bytes (IPv4 as IPv4-mapped IPv6), so one CIDR table covers both families. */
type Bytes = number[];

function parseIpv4(text: string): Bytes | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith("0"))) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes];
}

function parseIpv6(text: string): Bytes | null {
  // Zone ids ("fe80::1%eth0") name an interface: never a webhook target.
  if (text.includes("%")) return null;
  let head = text;
  let tailV4: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tailV4 = v4.slice(12);
    head = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  const bytes: number[] = [];
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  if (tailV4.length === 4) bytes.splice(12, 4, ...tailV4);
  return bytes;
}

/** The address's 16 bytes, or null when it is not a literal IPv4 or IPv6 address. */
export function parseIp(text: string): Bytes | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  return bare.includes(":") ? parseIpv6(bare) : parseIpv4(bare);
}

interface Cidr {
  bytes: Bytes;
  bits: number;
}

/** "10.0.0.0/8" or "fc00::/7" (IPv4 prefixes count in the mapped space). */
export function parseCidr(text: string): Cidr | null {
  const [addr, len, ...rest] = text.trim().split("/");
  if (rest.length > 0 || !addr) return null;
  const bytes = parseIp(addr);
  if (!bytes) return null;
  const v4 = !addr.includes(":");
  const max = v4 ? 32 : 128;
  const bits = len === undefined ? max : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!Number.isInteger(bits) || bits < 0 || bits > max) return null;
  return { bytes, bits: v4 ? bits + 96 : bits };
}

export function cidrContains(cidr: Cidr, bytes: Bytes): boolean {
  for (let bit = 0; bit < cidr.bits; bit += 8) {
    const take = Math.min(8, cidr.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const i = bit / 8;
    if ((cidr.bytes[i]! & mask) !== (bytes[i]! & mask)) return false;
  }
  return true;
}

const cidr = (text: string): Cidr => parseCidr(text)!;

// Most specific first: the metadata hosts sit inside link-local, CGNAT and unique-local blocks.
const RANGES: [Cidr, Exclude<AddressClass, "public">][] = [
  // AWS, GCP, Azure, OpenStack (IPv4), Alibaba Cloud, AWS (IPv6).
  [cidr("169.254.169.254/32"), "metadata"],
  [cidr("100.100.100.200/32"), "metadata"],
  [cidr("fd00:ec2::254/128"), "metadata"],
  [cidr("127.0.0.0/8"), "loopback"],
  [cidr("::1/128"), "loopback"],
  [cidr("10.0.0.0/8"), "private"],
  [cidr("172.16.0.0/12"), "private"],
  [cidr("192.168.0.0/16"), "private"],
  [cidr("169.254.0.0/16"), "link_local"],
  [cidr("fe80::/10"), "link_local"],
  [cidr("100.64.0.0/10"), "cgnat"],
  [cidr("224.0.0.0/4"), "multicast"],
  [cidr("ff00::/8"), "multicast"],
  [cidr("fc00::/7"), "unique_local"],
  [cidr("0.0.0.0/8"), "reserved"],
  [cidr("192.0.0.0/24"), "reserved"],
  [cidr("192.0.2.0/24"), "reserved"],
  [cidr("192.88.99.0/24"), "reserved"],
  [cidr("198.18.0.0/15"), "reserved"],
  [cidr("198.51.100.0/24"), "reserved"],
  [cidr("203.0.113.0/24"), "reserved"],
  [cidr("240.0.0.0/4"), "reserved"],
  [cidr("::/128"), "reserved"],
  // IPv4-compatible (deprecated), NAT64 local use, discard, IETF assignments (Teredo, ORCHID, documentation), 6to4, site-local.
  [cidr("::/96"), "reserved"],
  [cidr("64:ff9b:1::/48"), "reserved"],
  [cidr("100::/64"), "reserved"],
  [cidr("2001::/23"), "reserved"],
  [cidr("2001:db8::/32"), "reserved"],
  [cidr("2002::/16"), "reserved"],
  [cidr("fec0::/10"), "reserved"],
];

const NAT64 = cidr("64:ff9b::/96");

/** What kind of address this is; IPv4 inside IPv6 (mapped, NAT64) is judged as the IPv4 address it carries. */
export function classifyAddress(text: string): AddressClass | null {
  let bytes = parseIp(text);
  if (!bytes) return null;
  if (cidrContains(NAT64, bytes)) bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes.slice(12)];
  // IPv4 ranges are written in the mapped space (::ffff:a.b.c.d), which no IPv6 range above overlaps.
  for (const [range, kind] of RANGES) if (cidrContains(range, bytes)) return kind;
  return "public";
}

export interface AddressPolicy {
  /** Loopback targets, for tests and local development only (ASSAY_WEBHOOK_ALLOW_LOOPBACK). */
  allowLoopback: boolean;
  /** Networks the operator allows although they are private (ASSAY_WEBHOOK_ALLOWED_CIDRS), e.g. an on-premises ticketing server. */
  allowedCidrs: readonly string[];
}

/** Null when the address may be called, otherwise why not (for the admin's error message and the delivery log). */
export function addressRefusal(address: string, policy: AddressPolicy): string | null {
  const kind = classifyAddress(address);
  if (kind === null) return `${address} is not an IP address`;
  if (kind === "public") return null;
  if (kind === "loopback" && policy.allowLoopback) return null;
  // The metadata services hand out cloud credentials: no allow-list opens them.
  if (kind !== "metadata") {
    const bytes = parseIp(address)!;
    if (policy.allowedCidrs.some((c) => { const range = parseCidr(c); return range !== null && cidrContains(range, bytes); })) return null;
  }
  return `${address} is ${ADDRESS_CLASS_LABELS[kind]}`;
}
