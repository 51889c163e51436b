// Seed steps for the legal review: real contract files for the
// clause finder, legal sign-offs, and one change after a sign-off so the
// demo shows it outdated. Everything goes through the services (audit
// events, legal revision), as a demo legal user would have done it.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { firstDayOfMonthAfter } from "@/lib/domain/dates";
import { isRole } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { recordAudit } from "@/lib/server/audit";
import type { Tx } from "@/lib/server/db";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { signOffLegalReview } from "@/lib/server/services/legal-signoff";
import type { BlobStore } from "@/lib/server/storage/blob-store";
import { DEMO_CHANGE_AFTER_SIGN_OFF, DEMO_CONTRACT_FILES, DEMO_LEGAL_SIGN_OFFS } from "@/prisma/seed/demo-legal";

const CONTRACTS_DIR = path.resolve(process.cwd(), "prisma/seed/contracts");
const MIME: Record<string, { mimeType: string; fileKind: string }> = {
  ".pdf": { mimeType: "application/pdf", fileKind: "pdf" },
  ".docx": { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileKind: "docx" },
};

export interface StoredContractFile {
  vendor: string;
  file: string;
  title: string;
  effectiveMonthsAgo: number;
  sha256: string;
  sizeBytes: number;
}

/** Puts the demo contract files into the evidence store (content-addressed: re-running is harmless). */
export async function storeDemoContractFiles(store: BlobStore): Promise<StoredContractFile[]> {
  const out: StoredContractFile[] = [];
  for (const spec of DEMO_CONTRACT_FILES) {
    const bytes = fs.readFileSync(path.join(CONTRACTS_DIR, spec.file));
    const put = await store.put(Readable.from([bytes]), { maxBytes: 25 * 1024 * 1024 });
    out.push({ ...spec, sha256: put.sha256, sizeBytes: put.sizeBytes });
  }
  return out;
}

async function demoVendorId(tx: Tx, name: string): Promise<string | undefined> {
  return (await tx.vendor.findFirst({ where: { name, isDemo: true }, select: { id: true } }))?.id;
}

function monthsBefore(now: Date, months: number): string {
  return firstDayOfMonthAfter(now, -months);
}

/** Contract evidence rows for the stored files, uploaded by the demo legal user. */
export async function createDemoContractDocuments(tx: Tx, files: StoredContractFile[], legal: Actor, now: Date) {
  for (const f of files) {
    const vendorId = await demoVendorId(tx, f.vendor);
    if (!vendorId) continue;
    if (await tx.evidenceDocument.findFirst({ where: { vendorId, sha256: f.sha256 } })) continue;
    const type = MIME[path.extname(f.file)];
    if (!type) throw new Error(`Demo contract ${f.file}: unsupported type`);
    const document = await tx.evidenceDocument.create({
      data: {
        vendorId,
        kind: "contract",
        title: f.title,
        fileKind: type.fileKind,
        sha256: f.sha256,
        sizeBytes: f.sizeBytes,
        mimeType: type.mimeType,
        fileName: f.file,
        uploadedById: legal.id,
        effectiveDate: monthsBefore(now, f.effectiveMonthsAgo),
      },
    });
    await recordAudit(tx, legal, {
      action: "evidence.upload",
      entityType: "evidence",
      entityId: document.id,
      vendorId,
      after: { kind: "contract", fileName: f.file, sha256: f.sha256, sizeBytes: f.sizeBytes, effectiveDate: document.effectiveDate },
    });
  }
}

/** Signs the listed reviews off as the demo legal user, then records one change after a sign-off. */
export async function seedDemoLegalReviews(tx: Tx, legal: Actor) {
  for (const s of DEMO_LEGAL_SIGN_OFFS) {
    const vendorId = await demoVendorId(tx, s.vendor);
    if (!vendorId || (await tx.legalSignOff.findFirst({ where: { vendorId } }))) continue;
    const vendor = await tx.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { legalRevision: true } });
    await signOffLegalReview({ actor: legal, input: { vendorId, comment: s.comment, legalRevision: vendor.legalRevision } }, tx);
    if (s.vendor === DEMO_CHANGE_AFTER_SIGN_OFF.vendor) {
      await saveDossierRecord({ actor: legal, input: { vendorId, kind: DEMO_CHANGE_AFTER_SIGN_OFF.kind, data: DEMO_CHANGE_AFTER_SIGN_OFF.data } }, tx);
    }
  }
}

/** The demo legal user as an Actor, for the steps above. */
export async function demoLegalActor(tx: Tx): Promise<Actor | null> {
  const user = await tx.user.findUnique({ where: { email: "legal@assay.demo" } });
  if (!user || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
