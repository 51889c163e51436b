import { beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { pruneImportPreviews, IMPORT_PREVIEW_MAX_AGE_MS } from "@/lib/server/imports/prune-import-previews";
import { commitSpreadsheetImport, previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// The maintenance sweep removes import previews nobody committed once they
// are more than a day old (lib/server/imports/prune-import-previews.ts):
// the preview and every stored row go, the removal is audited, and fresh
// previews and committed imports stay.

const HEADER = "external_id,name,legal_name,website,country,services,industries,data_categories,access_level,status,owner_email";
let n = 0;
const csv = () => new TextEncoder().encode(`${HEADER}\n,Prune,Prune ${++n} ${Math.random().toString(36).slice(2, 8)} Ltd,,PH,email,fintech,contact_pii,trigger_resets,active,\n`);

forEachProvider("pruning of old import previews", (t) => {
  let procurement: Awaited<ReturnType<typeof makeActor>>;
  beforeAll(async () => {
    await ensureSettings();
    procurement = await makeActor("procurement");
  });

  const preview = () => previewSpreadsheetImport({ actor: procurement, kind: "vendors", fileName: "vendors.csv", bytes: csv() });
  const age = (id: string, ms: number) => t.db.spreadsheetImport.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms) } });

  it("removes an uncommitted preview older than a day with its rows, audited; keeps a fresh one and a committed one", async () => {
    const [old, fresh, committed] = [await preview(), await preview(), await preview()];
    await commitSpreadsheetImport({ actor: procurement, importId: committed.id });
    await age(old.id, IMPORT_PREVIEW_MAX_AGE_MS + 60_000);
    await age(committed.id, IMPORT_PREVIEW_MAX_AGE_MS + 60_000);
    await age(fresh.id, IMPORT_PREVIEW_MAX_AGE_MS - 60_000);
    expect(await t.db.spreadsheetImportRow.count({ where: { importId: old.id } })).toBe(1);
    const { sha256 } = await t.db.spreadsheetImport.findUniqueOrThrow({ where: { id: old.id } });

    expect(await pruneImportPreviews({ client: t.db })).toBe(1);

    const left = await t.db.spreadsheetImport.findMany({ where: { id: { in: [old.id, fresh.id, committed.id] } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([fresh.id, committed.id].sort());
    expect(await t.db.spreadsheetImportRow.count({ where: { importId: old.id } })).toBe(0);
    expect(await t.db.spreadsheetImportRow.count({ where: { importId: fresh.id } })).toBe(1);
    const events = await t.db.auditEvent.findMany({ where: { action: "import.preview_expired" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: old.id, actorId: "system" });
    expect(events[0]!.after).toMatchObject({ kind: "vendors", fileName: "vendors.csv", rows: 1, sha256 });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // Nothing left to prune: a second run removes nothing and writes nothing.
    expect(await pruneImportPreviews({ client: t.db })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "import.preview_expired" } })).toBe(1);
  });

  it("a removed preview can no longer be committed", async () => {
    const old = await preview();
    await age(old.id, IMPORT_PREVIEW_MAX_AGE_MS + 60_000);
    await pruneImportPreviews({ client: t.db });
    await expect(commitSpreadsheetImport({ actor: procurement, importId: old.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
