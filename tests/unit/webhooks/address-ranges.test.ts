// Which addresses a webhook may reach (docs/webhooks.md, "Outbound safety"):
// each range from the IANA special-purpose registries (RFC 6890 and its
// updates) that the docs list, one row each, plus the spellings that try to
// hide an internal address.
import { describe, expect, it } from "vitest";
import { addressRefusal, classifyAddress, parseCidr } from "@/lib/domain/webhooks/address-ranges";

const CLASSES: [string, ReturnType<typeof classifyAddress>][] = [
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["172.32.0.1", "public"],
  ["2606:4700:4700::1111", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["10.0.0.5", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "metadata"],
  ["100.100.100.200", "metadata"],
  ["fd00:ec2::254", "metadata"],
  ["169.254.10.10", "link_local"],
  ["fe80::1", "link_local"],
  ["100.64.0.1", "cgnat"],
  ["100.127.255.255", "cgnat"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["fc00::1", "unique_local"],
  ["fd12:3456::1", "unique_local"],
  ["0.0.0.0", "reserved"],
  ["::", "reserved"],
  ["192.0.2.10", "reserved"],
  ["198.18.0.1", "reserved"],
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["2001:db8::1", "reserved"],
  ["2002:a00:1::1", "reserved"],
  ["fec0::1", "reserved"],
  // IPv4 carried in IPv6 is judged as the IPv4 address.
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::ffff:a9fe:a9fe", "metadata"],
  ["::ffff:8.8.8.8", "public"],
  ["64:ff9b::a00:1", "private"],
  ["64:ff9b::808:808", "public"],
];

describe("classifyAddress", () => {
  for (const [address, expected] of CLASSES) {
    it(`${address} is ${expected}`, () => expect(classifyAddress(address)).toBe(expected));
  }
  it("refuses what is not a plain address: names, zone ids, octal-looking or out-of-range parts", () => {
    for (const text of ["localhost", "example.com", "fe80::1%eth0", "010.0.0.1", "256.1.1.1", "1.2.3", "1::2::3", "12345::1"]) expect(classifyAddress(text)).toBeNull();
  });
});

describe("addressRefusal", () => {
  const closed = { allowLoopback: false, allowedCidrs: [] };
  it("lets public addresses through and says why others are refused", () => {
    expect(addressRefusal("93.184.216.34", closed)).toBeNull();
    expect(addressRefusal("10.1.2.3", closed)).toBe("10.1.2.3 is a private network address");
    expect(addressRefusal("::1", closed)).toBe("::1 is a loopback address");
  });
  it("allows loopback only when told, and private networks only inside an allowed CIDR", () => {
    expect(addressRefusal("127.0.0.1", { ...closed, allowLoopback: true })).toBeNull();
    expect(addressRefusal("10.1.2.3", { ...closed, allowLoopback: true })).not.toBeNull();
    const internal = { allowLoopback: false, allowedCidrs: ["10.20.0.0/16", "fd12::/16"] };
    expect(addressRefusal("10.20.5.5", internal)).toBeNull();
    expect(addressRefusal("10.21.0.1", internal)).toBe("10.21.0.1 is a private network address");
    expect(addressRefusal("fd12:1::1", internal)).toBeNull();
  });
  it("never opens a metadata address, whatever the allow-list says", () => {
    expect(addressRefusal("169.254.169.254", { allowLoopback: true, allowedCidrs: ["0.0.0.0/0", "169.254.0.0/16"] })).toBe("169.254.169.254 is a cloud metadata address");
    expect(addressRefusal("fd00:ec2::254", { allowLoopback: true, allowedCidrs: ["::/0"] })).toBe("fd00:ec2::254 is a cloud metadata address");
  });
});

describe("parseCidr", () => {
  it("reads IPv4 and IPv6 prefixes and refuses malformed ones", () => {
    expect(parseCidr("10.0.0.0/8")).not.toBeNull();
    expect(parseCidr("fc00::/7")).not.toBeNull();
    for (const bad of ["10.0.0.0/33", "fc00::/129", "10.0.0.0/x", "nonsense", "10.0.0.0/8/1"]) expect(parseCidr(bad)).toBeNull();
  });
});
