import { expect, test } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { issueApiToken, signInAs } from "./helpers";

// The REST API's record endpoints through the real server (`next start` and
// its proxy), with a token an admin issued in the UI: an evidence file larger
// than the proxy's 10 MB body buffer arrives whole as multipart and comes back
// byte for byte; one over the upload limit is refused; a bulk audit pack
// export runs on the job queue and its archive downloads with its digest.

const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

test("a security token uploads an 11 MB file whole, downloads it, is refused past the limit, and exports an audit pack", async ({ page, playwright, baseURL }) => {
  test.setTimeout(300_000);
  await signInAs(page, "admin");
  const { secret } = await issueApiToken(page, "security");
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });

  const vendors = (await (await client.get("/api/v1/vendors?limit=1&tier=critical")).json()) as { data: { id: string }[] };
  const vendorId = vendors.data[0]!.id;
  const upload = (bytes: Buffer) =>
    client.post(`/api/v1/vendors/${vendorId}/evidence`, {
      multipart: { kind: "other", effectiveDate: "2026-01-01", sha256: sha256(bytes), file: { name: "big-evidence.pdf", mimeType: "application/pdf", buffer: bytes } },
      timeout: 120_000,
    });

  const body = randomBytes(11 * MiB);
  body.write("%PDF-1.4\n", 0, "latin1");
  const stored = await upload(body);
  expect(stored.status(), await stored.text()).toBe(201);
  const document = (await stored.json()) as { sizeBytes: number; sha256: string; downloadUrl: string };
  expect(document).toMatchObject({ sizeBytes: body.length, sha256: sha256(body) });
  const download = await client.get(document.downloadUrl, { timeout: 120_000 });
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(sha256(await download.body())).toBe(sha256(body));

  const tooBig = randomBytes(Math.round(25.1 * MiB));
  tooBig.write("%PDF-1.4\n", 0, "latin1");
  const refused = await upload(tooBig);
  expect(refused.status()).toBe(413);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  const listed = (await (await client.get(`/api/v1/vendors/${vendorId}/evidence?limit=200`)).json()) as { data: { sha256: string }[] };
  expect(listed.data.map((d) => d.sha256)).not.toContain(sha256(tooBig));

  const started = await client.post("/api/v1/audit-packs", { data: { filter: { tier: "critical" }, pdfs: "latest" } });
  expect(started.status()).toBe(202);
  const location = started.headers()["location"]!;
  let job = (await started.json()) as { status: string; sha256: string | null; archiveUrl: string | null };
  for (let i = 0; i < 120 && job.status !== "done" && job.status !== "failed"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = (await (await client.get(location)).json()) as typeof job;
  }
  expect(job.status).toBe("done");
  const archive = await client.get(job.archiveUrl!, { timeout: 120_000 });
  expect(archive.headers()["content-type"]).toBe("application/zip");
  expect(sha256(await archive.body())).toBe(job.sha256);
  await client.dispose();
});
