// Spreadsheet import previews nobody committed (docs/import-export.md,
// "Upload → preview → commit"): each holds a copy of every row of the
// uploaded file, so they are removed a day after the upload rather than kept
// forever. The removal is audited by the system, like the upload it undoes;
// committed imports are never touched.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { SYSTEM_ACTOR } from "../actor";
import { recordAudit } from "../audit";
import type { PrismaClient } from "../db";

/** A preview left this long is abandoned: a commit follows its preview within minutes. */
export const IMPORT_PREVIEW_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

/** Removes previews older than `maxAgeMs` that were never committed; returns how many. */
export async function pruneImportPreviews({ client, now = new Date(), maxAgeMs = IMPORT_PREVIEW_MAX_AGE_MS }: { client: PrismaClient; now?: Date; maxAgeMs?: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeMs);
  let removed = 0;
  let after = "";
  for (;;) {
    const batch = await client.spreadsheetImport.findMany({
      where: { status: "previewed", createdAt: { lt: cutoff }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, kind: true, fileName: true, sha256: true, rowCount: true, createdAt: true },
    });
    if (batch.length === 0) return removed;
    after = batch[batch.length - 1]!.id;
    for (const preview of batch) {
      const gone = await client.$transaction(async (tx) => {
        // Conditional on the status: a commit that claimed the preview meanwhile wins, and nothing is removed.
        const { count } = await tx.spreadsheetImport.deleteMany({ where: { id: preview.id, status: "previewed" } });
        if (count === 0) return false;
        await tx.spreadsheetImportRow.deleteMany({ where: { importId: preview.id } });
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: "import.preview_expired",
          entityType: "spreadsheet_import",
          entityId: preview.id,
          after: { kind: preview.kind, fileName: preview.fileName, sha256: preview.sha256, rows: preview.rowCount, previewedAt: preview.createdAt },
        });
        return true;
      });
      if (gone) removed++;
    }
    // Batches, with a turn of the event loop between: requests keep being served.
    await yieldToEventLoop();
  }
}
