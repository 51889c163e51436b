// The evidence upload route on a real disk that fills up: the HTTP answer is
// 507 "Storage is full" with the message for the file field, and neither a
// document row nor a file is left. The route handler is the real one; only
// the session lookup is replaced (as in audit/every-mutation-audited.test.ts),
// because it needs Next's request scope.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createVendor } from "@/lib/server/services/vendors";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { mountSmallDisk, warnSkipped } from "../helpers/tmpfs";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("server-only", () => ({}));
vi.mock("@/lib/server/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth")>()),
  requireActor: async () => session.actor!,
  currentActor: async () => session.actor,
}));

const { POST } = await import("@/app/api/vendors/[id]/evidence/route");

const disk = await mountSmallDisk("1m");
const skipped = warnSkipped(disk, "The evidence route on a full tmpfs") ? disk.skipped : null;

afterAll(async () => {
  if ("unmount" in disk) await disk.unmount();
});

forEachProvider("evidence upload route on a full disk", (t) => {
  const saved = { dataDir: process.env.ASSAY_DATA_DIR, store: process.env.ASSAY_EVIDENCE_STORE };
  beforeAll(async () => {
    await ensureSettings();
  });
  afterAll(() => {
    for (const [key, value] of [["ASSAY_DATA_DIR", saved.dataDir], ["ASSAY_EVIDENCE_STORE", saved.store]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  (skipped ? it.skip : it)(`answers 507 and stores nothing${skipped ? ` (SKIPPED: ${skipped})` : ""}`, async () => {
    if (!("dir" in disk)) return;
    process.env.ASSAY_DATA_DIR = path.join(disk.dir, t.provider);
    delete process.env.ASSAY_EVIDENCE_STORE;
    session.actor = await makeActor("security");
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: `Route Full Disk ${t.provider}` } });
    const body = Buffer.alloc(1_500_000, "a line of evidence text\n");

    const response = await POST(
      new Request(`http://localhost/api/vendors/${vendor.id}/evidence?kind=other&effectiveDate=2026-01-31`, {
        method: "POST",
        body: Readable.toWeb(Readable.from([body.subarray(0, 500_000), body.subarray(500_000, 1_000_000), body.subarray(1_000_000)])) as ReadableStream,
        headers: { "x-file-name": "notes.txt" },
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ id: vendor.id }) },
    );

    expect(response.status).toBe(507);
    expect(await response.json()).toMatchObject({ ok: false, code: "STORAGE_FULL", fieldErrors: { file: expect.stringMatching(/^Storage is full/) } });
    expect(await t.db.evidenceDocument.count({ where: { vendorId: vendor.id } })).toBe(0);
    const left = await readdir(process.env.ASSAY_DATA_DIR, { recursive: true, withFileTypes: true }).catch(() => []);
    expect(left.filter((e) => e.isFile()).map((e) => e.name)).toEqual([]);
  });
});
