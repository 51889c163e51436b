// Where a webhook may go (docs/webhooks.md, "Outbound safety"), checked when
// an admin saves the URL and again before every attempt: DNS may have changed
// since. The name is resolved here and every address it resolves to must be
// allowed (a name that answers with a public and a private address is
// refused); the request then connects to the address checked here, never
// resolving again, so a rebinding DNS server cannot swap in another one.
import { lookup } from "node:dns/promises";
import { addressRefusal, classifyAddress, parseIp } from "@/lib/domain/webhooks/address-ranges";
import type { WebhookConfig } from "./webhook-config";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type TargetCheck = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; reason: string };

const RESOLVE_TIMEOUT_MS = 3_000;

export const systemResolver: Resolver = async (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), RESOLVE_TIMEOUT_MS);
  });
  try {
    const answers = await Promise.race([lookup(hostname, { all: true, verbatim: true }), timeout]);
    return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  } finally {
    clearTimeout(timer);
  }
};

export async function checkWebhookTarget(rawUrl: string, config: Pick<WebhookConfig, "allowLoopback" | "allowedCidrs">, resolve: Resolver = systemResolver): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: "Enter a full URL, e.g. https://hooks.example.com/assay" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, reason: "Use an https:// URL" };
  if (url.username || url.password) return { ok: false, reason: "Leave credentials out of the URL; deliveries are signed instead" };
  // URL has already normalised odd IPv4 spellings (0x7f.1, 2130706433) to dotted quads.
  const host = url.hostname;
  const literal = parseIp(host);
  let addresses: ResolvedAddress[];
  if (literal) {
    const bare = host.replace(/^\[|\]$/g, "");
    addresses = [{ address: bare, family: bare.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      return { ok: false, reason: `${host} could not be resolved (${error instanceof Error ? error.message : String(error)})` };
    }
    if (addresses.length === 0) return { ok: false, reason: `${host} could not be resolved` };
  }
  for (const a of addresses) {
    const refusal = addressRefusal(a.address, config);
    if (refusal) return { ok: false, reason: literal ? `Refused: ${refusal}` : `Refused: ${host} resolves to ${refusal.replace(/^\S+ is /, `${a.address}, `)}` };
  }
  if (url.protocol === "http:" && !(config.allowLoopback && addresses.every((a) => classifyAddress(a.address) === "loopback"))) {
    return { ok: false, reason: "Use an https:// URL; plain http is allowed only for a loopback test receiver" };
  }
  return { ok: true, url, address: addresses[0]! };
}
