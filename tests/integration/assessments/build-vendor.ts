import { Readable } from "node:stream";
import { addMonthsToDay, formatIsoDay } from "@/lib/domain/dates";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { validVendor } from "../helpers/fixtures";

// A vendor built through the services, as users would: procurement creates
// it and records a site and insurance, security uploads evidence and records
// SOC 2, a pen test and a KPI period with a verification bypass (a blocker),
// so an assessment of it has findings of several severities, a cap, and an
// evidence inventory.

export function day(now: Date, months: number): string {
  return addMonthsToDay(formatIsoDay(now), months);
}

export async function buildAssessedVendor(actors: { procurement: Actor; security: Actor }, name: string, now = new Date()) {
  const vendor = await createVendor({ actor: actors.procurement, input: { ...validVendor, name } });
  const save = (actor: Actor, kind: string, data: Record<string, unknown>) => saveDossierRecord({ actor, input: { vendorId: vendor.id, kind, data } });
  const store = new DatabaseBlobStore(prismaBlobTable(db()));
  const pdf = Buffer.from(`%PDF-1.4\n% ${name} SOC 2 report\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  const { document } = await uploadEvidence({
    actor: actors.security,
    input: { vendorId: vendor.id, kind: "soc2_report", effectiveDate: day(now, -2), title: "SOC 2 Type II report" },
    stream: Readable.from([pdf]),
    declaredName: "soc2-type2.pdf",
    store,
  });
  await save(actors.procurement, "site", { country: "PH", city: "Cebu", mode: "onsite", headcount: 80 });
  await save(actors.procurement, "insurance", {
    carrier: "Harbour Mutual",
    policyNumber: "HM-CY-1",
    perOccurrenceMinor: 2_000_000_00,
    aggregateMinor: 4_000_000_00,
    currency: "USD",
    expiryDate: day(now, 2),
    additionalInsured: false,
  });
  await save(actors.security, "soc2", {
    type: "type2",
    periodStart: day(now, -15),
    periodEnd: day(now, -3),
    issueDate: day(now, -2),
    auditor: "Example Assurance LLP",
    opinion: "qualified",
    exceptionCount: 2,
    carvedOutSubservices: [],
    evidenceId: document.id,
  });
  await save(actors.security, "pentest", { performedOn: day(now, -14), scope: "Agent VDI and ticketing", openCriticalHigh: 1 });
  await save(actors.security, "kpi", { period: "2026-Q1", verificationBypassCount: 1, phishingFailurePct: 12, trainingCompletionPct: 90 });
  return { vendor, document };
}
