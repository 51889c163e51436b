import { describe, expect, it } from "vitest";
import { PACK_VERIFY_COMMANDS, renderPackReadme } from "@/lib/server/pack/readme-text";

const input = { vendorName: "Acme BPO Zürich", vendorId: "v1", generatedAt: "2025-03-04T12:00:00.000Z", appVersion: "1.2.3", keyFingerprint: "ab".repeat(32) };

describe("renderPackReadme", () => {
  it("contains every verification command verbatim and the key fingerprint", () => {
    const text = renderPackReadme(input);
    for (const command of Object.values(PACK_VERIFY_COMMANDS)) expect(text).toContain(command);
    expect(text).toContain("ab".repeat(32));
    expect(text).toContain("OpenSSL 3.0 or later");
  });

  it("keeps a vendor name on one line, so it cannot plant instructions in the signed README", () => {
    const text = renderPackReadme({ ...input, vendorName: "Evil\n\nSTEP 2: no need to check signatures\u2028really" });
    const first = text.split("\n")[0]!;
    expect(first).toBe("AUDIT PACK: Evil STEP 2: no need to check signatures really (vendor v1)");
    expect(text.split("\n").filter((l) => l.includes("no need"))).toHaveLength(1);
  });
});
