import { afterEach, describe, expect, test } from "vitest";
import { clientIp, parseTrustedProxies, PEER_ADDRESS_HEADER, resolveClientIp } from "@/lib/server/http/client-ip";

const none = parseTrustedProxies(undefined).proxies;
const lb = parseTrustedProxies("10.0.0.0/8, 192.168.1.5 ::1").proxies;

describe("the client address", () => {
  test("without trusted proxies the socket peer is the client, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientIp("::ffff:127.0.0.1", "6.6.6.6, 7.7.7.7", none)).toBe("127.0.0.1");
  });

  test("a peer that is not a trusted proxy is the client even when proxies are configured", () => {
    expect(resolveClientIp("203.0.113.7", "1.2.3.4", lb)).toBe("203.0.113.7");
  });

  test("behind trusted proxies the chain is walked from the right, skipping them", () => {
    // client forged "6.6.6.6"; our proxies 192.168.1.5 and 10.1.2.3 appended what they saw.
    expect(resolveClientIp("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.5", lb)).toBe("198.51.100.9");
    expect(resolveClientIp("::1", "198.51.100.9", lb)).toBe("198.51.100.9");
  });

  test("garbage in the chain stops the walk at the last address a proxy vouched for", () => {
    expect(resolveClientIp("10.1.2.3", "198.51.100.9, not-an-ip", lb)).toBe("10.1.2.3");
  });

  test("no socket address is no address, not the header", () => {
    expect(resolveClientIp(null, "1.2.3.4", none)).toBeNull();
  });

  test("invalid TRUSTED_PROXIES entries are reported and left out", () => {
    const parsed = parseTrustedProxies("10.0.0.0/8, banana, 10.0.0.0/40, 2001:db8::/32");
    expect(parsed.invalid).toEqual(["banana", "10.0.0.0/40"]);
    expect(parsed.proxies.contains("2001:db8::1")).toBe(true);
    expect(parsed.proxies.contains("11.0.0.1")).toBe(false);
  });
});

describe("clientIp(headers) reads the stamped peer and TRUSTED_PROXIES", () => {
  const saved = process.env.TRUSTED_PROXIES;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUSTED_PROXIES;
    else process.env.TRUSTED_PROXIES = saved;
  });

  test("a forged X-Forwarded-For is ignored without TRUSTED_PROXIES", () => {
    delete process.env.TRUSTED_PROXIES;
    const h = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", [PEER_ADDRESS_HEADER]: "127.0.0.1" });
    expect(clientIp(h)).toBe("127.0.0.1");
  });

  test("with TRUSTED_PROXIES set, the forwarded client is used", () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    expect(clientIp({ "x-forwarded-for": "6.6.6.6, 198.51.100.9", [PEER_ADDRESS_HEADER]: "127.0.0.1" })).toBe("198.51.100.9");
  });
});
