import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/server/actor";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { uploadEvidence } from "@/lib/server/services/evidence";
import type { BlobStore } from "@/lib/server/storage/blob-store";

// Shared steps of the legal integration suites (not a suite itself).

export const FIXTURES = path.resolve(__dirname, "../../fixtures/contracts");

export interface ExpectedLabels {
  clauses: Record<string, { present: boolean; value?: number | null | { amountMinor: number; currency: string } }>;
}

export function expectedLabels(file: string): ExpectedLabels {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file.replace(/\.(pdf|docx|txt)$/, ".expected.json")), "utf8")) as ExpectedLabels;
}

/** Uploads a fixture contract through the evidence service, as the upload route does. */
export async function uploadFixture(actor: Actor, vendorId: string, file: string, store: BlobStore) {
  const { document } = await uploadEvidence({
    actor,
    input: { vendorId, kind: "contract", effectiveDate: "2026-01-15", title: file },
    stream: Readable.from([fs.readFileSync(path.join(FIXTURES, file))]),
    declaredName: file,
    store,
  });
  return document;
}

/** A signed contract record whose signed file is the uploaded document. */
export async function recordSignedContract(actor: Actor, vendorId: string, evidenceId: string, type = "msa") {
  return saveDossierRecord({
    actor,
    input: { vendorId, kind: "contract", data: { type, status: "signed", effectiveDate: "2026-01-15", renewal: "auto", noticePeriodDays: 90, evidenceId } },
  });
}
