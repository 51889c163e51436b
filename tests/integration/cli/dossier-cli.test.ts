import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { listRecords } from "@/lib/server/dossier/record-store";
import { exportDossierCommand } from "@/lib/cli/export-dossier";
import { importDossierCommand } from "@/lib/cli/import-dossier";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { forEachProvider } from "../helpers/test-database";
import { ROOT, runCli } from "./run-cli";

// export-dossier → import-dossier → score on a real database, through the
// command line as a user runs it (child processes with DATABASE_URL set to
// the suite's database).

const TYPICAL = path.join(ROOT, "tests/fixtures/dossiers/typical.json");
const NOW = "2026-11-22";
// Child processes compile TypeScript on start; on a loaded machine a round trip of five runs takes a while.
const SLOW = { timeout: 240_000 };

/** The command functions called in-process, with their output captured. */
function capture() {
  const io = { stdout: "", stderr: "", out: (text: string) => void (io.stdout += text), err: (line: string) => void (io.stderr += `${line}\n`) };
  return io;
}

/** Record and vendor ids differ between copies of a vendor; everything else must not. */
function withoutIds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v) => (key === "id" && typeof v === "string" ? "<id>" : v));
}

forEachProvider("dossier CLI round trip", (t) => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "assay-dossier-cli-"));
  const env = () => ({ DATABASE_URL: t.url, ASSAY_DATA_DIR: tmp });
  const score = async (file: string): Promise<{ findings: unknown[]; score: ScoreResult }> => {
    const run = await runCli(["score", file, "--now", NOW]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };
  const importFile = async (file: string, ...extra: string[]) => {
    const run = await runCli(["import-dossier", file, ...extra], env());
    expect(run.stderr).toMatch(/imported|updated/);
    expect(run.code).toBe(0);
    return run.stdout.trim();
  };
  const exportVendor = async (vendorId: string, name: string) => {
    const file = path.join(tmp, `${name}.json`);
    const run = await runCli(["export-dossier", vendorId, "--out", file], env());
    expect(run.code).toBe(0);
    return file;
  };

  it("export → import → score gives the same findings and score as the original file", SLOW, async () => {
    const original = await score(TYPICAL);

    const first = await importFile(TYPICAL);
    const exported = await exportVendor(first, "first");
    const afterImport = await score(exported);
    expect(withoutIds(afterImport)).toEqual(withoutIds(original));

    // And once more, from the exported file into another vendor.
    const second = await importFile(exported);
    expect(second).not.toBe(first);
    const again = await score(await exportVendor(second, "second"));
    expect(withoutIds(again)).toEqual(withoutIds(original));
    expect(again.score.arithmetic).toEqual(original.score.arithmetic);

    const vendor = await t.db.vendor.findUniqueOrThrow({ where: { id: first } });
    expect(vendor).toMatchObject({ name: "Bluepeak BPO", tier: "high", blockerCount: 1 });
    expect(await t.db.auditEvent.count({ where: { action: "vendor.import", vendorId: first } })).toBe(1);
  });

  it("--update replaces the vendor's dossier in place: ids kept, versions bumped, audited, and the new facts scored", SLOW, async () => {
    const vendorId = await importFile(TYPICAL);
    const before = JSON.parse(readFileSync(await exportVendor(vendorId, "before-update"), "utf8"));
    const versionsBefore = new Map((await listRecords(t.db, vendorId)).map((r) => [r.id, r.version]));

    // Legal records SCCs with a TIA for the US help desk: the Chapter V blocker goes away.
    const edited = structuredClone(before);
    edited.legal.transferMechanisms.push({ country: "US", mechanism: "sccs", sccModule: 3, tiaDate: "2026-11-01" });
    edited.kpis[1].trainingCompletionPct = 96;
    const editedFile = path.join(tmp, "edited.json");
    writeFileSync(editedFile, JSON.stringify(edited, null, 2));
    expect(await importFile(editedFile, "--update", vendorId)).toBe(vendorId);

    const after = JSON.parse(readFileSync(await exportVendor(vendorId, "after-update"), "utf8"));
    expect(after).toEqual(edited);
    const rows = await listRecords(t.db, vendorId);
    for (const row of rows.filter((r) => versionsBefore.has(r.id))) expect(row.version).toBe(versionsBefore.get(row.id)! + 1);
    expect(rows.filter((r) => versionsBefore.has(r.id)).length).toBeGreaterThan(20);

    const scored = await score(path.join(tmp, "after-update.json"));
    // The blocker ceiling is lifted; the two high findings (48 h notification clause, Mysuru without VDI) still hold it in Medium (docs/scoring.md, "Ceilings").
    expect(scored.score.caps.filter((c) => c.triggered).map((c) => c.code)).toEqual(["high_finding"]);
    expect(scored.score.rating.band).toBe("medium");
    const vendor = await t.db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
    expect(vendor.blockerCount).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "vendor.replace_dossier", vendorId } });
    expect(audit.actorEmail).toBe("system@assay.local");
    expect(audit.before).toMatchObject({ name: "Bluepeak BPO" });
  });

  // In-process (the same functions main.ts dispatches to), against this suite's DATABASE_URL.
  it("refuses an unknown vendor, an invalid file, and an unknown vendor to export, with exit code 2", async () => {
    const unknown = capture();
    expect(await importDossierCommand([TYPICAL, "--update", "no-such-vendor"], unknown)).toBe(2);
    expect(unknown.stderr).toContain("vendor no-such-vendor not found");

    const malformed = capture();
    expect(await importDossierCommand([path.join(ROOT, "tests/fixtures/dossiers/malformed.json")], malformed)).toBe(2);
    expect(malformed.stderr).toContain("$.soc2Reports[0].periodEnd: Use a real date in the form YYYY-MM-DD");

    const missing = capture();
    expect(await exportDossierCommand(["no-such-vendor"], missing)).toBe(2);
    expect(missing.stderr).toContain("vendor no-such-vendor not found");
  });

  it("import-dossier prints the new vendor's id; export-dossier without --out writes the JSON to stdout", async () => {
    const imported = capture();
    expect(await importDossierCommand([TYPICAL], imported)).toBe(0);
    const vendorId = imported.stdout.trim();
    const exported = capture();
    expect(await exportDossierCommand([vendorId], exported)).toBe(0);
    expect(JSON.parse(exported.stdout).profile).toMatchObject({ id: vendorId, name: "Bluepeak BPO" });
  });
});
