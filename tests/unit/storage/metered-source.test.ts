import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { UploadRejectedError } from "@/lib/server/storage/blob-store";
import { evidenceDownloadHeaders } from "@/lib/server/storage/download-headers";
import { formatBytes, MeteredSource } from "@/lib/server/storage/metered-source";

async function drain(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(c);
  return Buffer.concat(parts);
}

describe("MeteredSource", () => {
  it("passes the bytes through and reports their SHA-256 and size", async () => {
    const data = Buffer.from("evidence ".repeat(5000));
    const metered = new MeteredSource(Readable.from([data.subarray(0, 7), data.subarray(7)]), data.length);
    expect((await drain(metered)).equals(data)).toBe(true);
    expect(metered.sizeBytes).toBe(data.length);
    expect(metered.sha256()).toBe(createHash("sha256").update(data).digest("hex"));
  });

  it("stops pulling from the source the moment the limit is crossed", async () => {
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled++;
          yield Buffer.alloc(1000);
        }
      } finally {
        closed = true;
      }
    }
    const metered = new MeteredSource(endless(), 2500);
    const error = await drain(metered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect(error).toMatchObject({ reason: "too_large", code: "VALIDATION" });
    expect(pulled).toBe(3);
    expect(closed).toBe(true);
  });

  it("accepts exactly maxBytes", async () => {
    const metered = new MeteredSource(Readable.from([Buffer.alloc(10)]), 10);
    expect((await drain(metered)).length).toBe(10);
  });

  it("refuses text chunks (an encoding was set on the stream)", async () => {
    const metered = new MeteredSource(Readable.from(["abc"]), 10);
    await expect(drain(metered)).rejects.toThrow(TypeError);
  });

  it("will not give a hash for a half-read source", () => {
    expect(() => new MeteredSource(Readable.from([]), 10).sha256()).toThrow();
  });

  it.each<[number, string]>([
    [25 * 1024 * 1024, "25 MB"],
    [512 * 1024, "512 KB"],
    [1536, "1.5 KB"],
    [900, "900 bytes"],
  ])("formatBytes(%i) = %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it("words the limit for people", async () => {
    const metered = new MeteredSource(Readable.from([Buffer.alloc(26 * 1024 * 1024)]), 25 * 1024 * 1024);
    await expect(drain(metered)).rejects.toThrow("The file is larger than the 25 MB limit.");
  });
});

describe("evidenceDownloadHeaders", () => {
  const doc = { fileName: "SOC 2 ✓.pdf", mimeType: "application/pdf", sizeBytes: 1234, sha256: "ab".repeat(32) };

  it("always sends an attachment, no sniffing, sandboxed, not cached", () => {
    const h = evidenceDownloadHeaders(doc);
    expect(h["Content-Type"]).toBe("application/pdf");
    expect(h["Content-Disposition"]).toMatch(/^attachment; filename="SOC 2 _.pdf"; filename\*=UTF-8''/);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Security-Policy"]).toContain("sandbox");
    expect(h["Cache-Control"]).toBe("private, no-store");
    expect(h["Content-Length"]).toBe("1234");
  });

  it("never passes through a type we did not produce (e.g. text/html from an old row)", () => {
    expect(evidenceDownloadHeaders({ ...doc, mimeType: "text/html" })["Content-Type"]).toBe("application/octet-stream");
    expect(evidenceDownloadHeaders({ ...doc, mimeType: "image/svg+xml" })["Content-Type"]).toBe("application/octet-stream");
  });
});
