import type { MaintainedBlobStore } from "./blob-store";
import { DatabaseBlobStore } from "./database-store";
import { filesystemStoreIn } from "./filesystem-store";
import { prismaBlobTable } from "./prisma-blob-table";
import { db } from "../db";

/**
 * Where evidence bytes live: the data directory by default (one machine), or
 * the database when ASSAY_EVIDENCE_STORE=database, so several app instances
 * sharing one PostgreSQL see the same files without a shared disk.
 */
export function evidenceStore(): MaintainedBlobStore {
  return process.env.ASSAY_EVIDENCE_STORE === "database" ? new DatabaseBlobStore(prismaBlobTable(db())) : filesystemStoreIn();
}
