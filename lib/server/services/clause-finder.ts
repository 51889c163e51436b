import type { Readable } from "node:stream";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { clauseRowFromProposal, keepsTheChecklistRow, leftForOneByOne } from "@/lib/domain/legal/proposal-row";
import { extractContractFacts } from "@/lib/domain/legal/contract-facts";
import { detectSccs } from "@/lib/domain/legal/scc-detection";
import {
  acceptAllProposalsInputSchema,
  ANALYSIS_FORMAT_VERSION,
  clauseDecisionInputSchema,
  contractAnalysisDataSchema,
  runClauseFinderInputSchema,
  type ContractAnalysisData,
  type ProposalDecisionState,
  type StoredProposal,
} from "@/lib/schemas/contract-analysis";
import { clauseReviewRowSchema, type ClauseReviewRow } from "@/lib/schemas/legal";
import type { ContractAnalysisSummary } from "@/lib/schemas/views/legal-review";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { contractMimeFor, extractContractText } from "../contracts/extract-text";
import { findClausesInTurns } from "../contracts/find-clauses-in-turns";
import { finderQueue } from "../contracts/finder-queue";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { BlobStore } from "../storage/blob-store";
import { parseInput } from "../validation";
import { findRecord, listRecords } from "../dossier/record-store";
import { saveDossierRecord } from "./dossier-records";
import { assertContractOfVendor } from "./legal-records";
import { loadSettings } from "./settings";

// The clause finder on an uploaded contract file: read the stored
// bytes, extract the text, propose every catalogue clause, and keep the
// proposals as a ContractAnalysis. Proposals stay suggestions; a legal user
// accepts, edits or rejects each, and only accept/edit write the clause
// checklist (through the record service: lock, audit, legal revision).

async function readAll(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      stream.destroy();
      throw new AppError("VALIDATION", "This file is larger than the upload limit and cannot be read.");
    }
    chunks.push(Buffer.from(chunk as Buffer));
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Runs the clause finder on one uploaded contract file and stores its proposals. */
export async function runClauseFinder({ actor, input, store }: { actor: Actor; input: unknown; store: BlobStore }) {
  requirePermission(actor, "legal.manage");
  const { vendorId, documentId } = parseInput(runClauseFinderInputSchema, input);
  const document = await db().evidenceDocument.findFirst({ where: { id: documentId, vendorId } });
  if (!document) throw notFound("Document not found.");
  if (document.kind !== "contract") {
    throw new AppError("VALIDATION", "Only documents uploaded as contracts are read by the clause finder. Upload the file again as a contract.");
  }
  // A .md or .html contract is stored as text/plain; its name says how to read it.
  const mime = contractMimeFor(document.mimeType, document.fileName);
  if (!mime) throw new AppError("VALIDATION", "The clause finder reads PDF, DOCX, Markdown, HTML and plain-text contracts only.");

  const { uploads } = await loadSettings();
  const bytes = await readAll(await store.get(document.sha256), uploads.maxBytes);
  // The time it took to read, not the time it waited for its turn.
  const { text, proposals, sccs, facts, elapsedMs } = await finderQueue.run(actor.id, async () => {
    const started = performance.now();
    const text = await extractContractText(bytes, mime);
    const proposals = await findClausesInTurns(text, CLAUSE_CATALOGUE);
    return { text, proposals, sccs: detectSccs(text.fullText), facts: extractContractFacts(text), elapsedMs: Math.round(performance.now() - started) };
  });
  const data: ContractAnalysisData = {
    formatVersion: ANALYSIS_FORMAT_VERSION,
    format: text.format,
    ...(text.pages ? { pageCount: text.pages.length } : {}),
    catalogueVersion: CLAUSE_CATALOGUE.version,
    elapsedMs,
    proposals: proposals.map(({ clauseCode, title, found, confidence, score, threshold, passages, value, hints, byReference, exclusion }) => ({
      clauseCode,
      title,
      found,
      confidence,
      score,
      threshold,
      passages,
      ...(value ? { value } : {}),
      hints,
      ...(byReference ? { byReference } : {}),
      ...(exclusion ? { exclusion } : {}),
    })),
    ...(sccs ? { sccs } : {}),
    ...(Object.keys(facts).length > 0 ? { facts } : {}),
  };
  return db().$transaction(async (tx) => {
    // The contract record this file is the signed copy of, when legal recorded it already.
    const contract = await tx.contract.findFirst({ where: { vendorId, evidenceId: document.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    const analysis = await tx.contractAnalysis.create({
      data: { vendorId, documentId, contractId: contract?.id ?? null, proposals: data, createdById: actor.id },
    });
    await recordAudit(tx, actor, {
      action: "legal.clause_finder.run",
      entityType: "contract_analysis",
      entityId: analysis.id,
      vendorId,
      after: {
        documentId,
        fileName: document.fileName,
        sha256: document.sha256,
        found: data.proposals.filter((p) => p.found).map((p) => p.clauseCode),
        notFound: data.proposals.filter((p) => !p.found).map((p) => p.clauseCode),
        elapsedMs: data.elapsedMs,
      },
    });
    return { id: analysis.id, found: data.proposals.filter((p) => p.found).length, total: data.proposals.length };
  });
}

function parseAnalysis(raw: unknown): ContractAnalysisData {
  const parsed = contractAnalysisDataSchema.safeParse(raw);
  // Stored by runClauseFinder only; a mismatch means an incompatible older format.
  if (!parsed.success) throw new AppError("INVALID_STATE", "These clause finder results are in an older format. Run the clause finder again.");
  return parsed.data;
}

/** One analysis with what its review screen shows next to it. */
export async function getContractAnalysis({ actor, vendorId, analysisId }: { actor: Actor; vendorId: string; analysisId: string }) {
  requirePermission(actor, "vendor.read");
  const analysis = await db().contractAnalysis.findFirst({ where: { id: analysisId, vendorId } });
  if (!analysis) throw notFound("Clause finder results not found.");
  const [document, createdBy, clauseRecords, contractRecords] = await Promise.all([
    db().evidenceDocument.findUnique({ where: { id: analysis.documentId } }),
    db().user.findUnique({ where: { id: analysis.createdById }, select: { name: true } }),
    listRecords(db(), vendorId, ["clause"]),
    listRecords(db(), vendorId, ["contract"]),
  ]);
  const data = parseAnalysis(analysis.proposals);
  const linked =
    analysis.contractId && contractRecords.some((c) => c.id === analysis.contractId)
      ? analysis.contractId
      : contractRecords.find((c) => (c.data as { evidenceId?: string }).evidenceId === analysis.documentId)?.id;
  return {
    analysis: { id: analysis.id, version: analysis.version, createdAt: analysis.createdAt, createdByName: createdBy?.name ?? "Unknown user", documentId: analysis.documentId },
    data,
    document,
    /** The contract record citations will point at, when known. */
    contractId: linked ?? null,
    contracts: contractRecords.map((c) => ({ id: c.id, ...(c.data as { type: string; title?: string; status: string; evidenceId?: string }) })),
    checklist: clauseRecords.map((r) => ({ id: r.id, version: r.version, row: r.data as ClauseReviewRow })),
  };
}

/** The clause finder runs of one vendor, newest first, with how many suggestions are still open. */
export async function listContractAnalyses(client: Tx, vendorId: string): Promise<ContractAnalysisSummary[]> {
  const rows = await client.contractAnalysis.findMany({ where: { vendorId }, orderBy: { createdAt: "desc" } });
  const users = await client.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const parsed = contractAnalysisDataSchema.safeParse(r.proposals);
    const proposals = parsed.success ? parsed.data.proposals : [];
    return {
      id: r.id,
      documentId: r.documentId,
      createdAt: r.createdAt,
      createdByName: nameOf.get(r.createdById) ?? "Unknown user",
      found: proposals.filter((p) => p.found).length,
      total: proposals.length,
      pending: proposals.filter((p) => !p.decision).length,
      facts: parsed.success ? parsed.data.facts : undefined,
    };
  });
}

async function loadForDecision(tx: Tx, analysisId: string) {
  const analysis = await tx.contractAnalysis.findUnique({ where: { id: analysisId } });
  if (!analysis) throw notFound("Clause finder results not found.");
  return { analysis, data: parseAnalysis(analysis.proposals) };
}

async function saveAnalysis(tx: Tx, analysis: { id: string; version: number }, data: ContractAnalysisData, contractId: string | undefined) {
  const { count } = await tx.contractAnalysis.updateMany({
    where: { id: analysis.id, version: analysis.version },
    data: { proposals: data, version: { increment: 1 }, ...(contractId ? { contractId } : {}) },
  });
  if (count === 0) throw new AppError("CONFLICT", "Someone else decided a suggestion on this contract at the same moment. Reload to see it, then try again.");
}

/** Citations point at a contract record of the same vendor. */
function assertContractOf(tx: Tx, vendorId: string, contractId: string) {
  return assertContractOfVendor(tx, vendorId, contractId, "contractId", "Choose the contract this file belongs to.");
}

function stateOf(p: StoredProposal): "pending" | ProposalDecisionState {
  return p.decision?.state ?? "pending";
}

/** A clause row from an accepted proposal, checked against the row schema (the finder may read an out-of-range value). */
function acceptedRow(proposal: StoredProposal, contractId: string, existing: ClauseReviewRow | undefined): ClauseReviewRow {
  const row = clauseRowFromProposal(proposal, contractId, { reviewerNote: existing?.reviewerNote });
  const parsed = clauseReviewRowSchema.safeParse(row);
  if (!parsed.success) {
    throw new AppError("VALIDATION", `The value the finder read for ${proposal.title} is out of range (${parsed.error.issues[0]?.message ?? "invalid"}). Use Edit to record it by hand.`);
  }
  return parsed.data;
}

/** Accept, edit or reject one clause proposal. Accept and edit write the checklist row. */
export async function decideClauseProposal({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "legal.manage");
  const decision = parseInput(clauseDecisionInputSchema, input);
  const run = async (tx: Tx) => {
    const { analysis, data } = await loadForDecision(tx, decision.analysisId);
    const proposal = data.proposals.find((p) => p.clauseCode === decision.clauseCode);
    if (!proposal) throw notFound("This clause is not among the suggestions.");
    const current = stateOf(proposal);
    if (current !== decision.expected) {
      const who = proposal.decision ? ` by ${proposal.decision.byName}` : "";
      throw new AppError("CONFLICT", `This suggestion was ${current === "pending" ? "reopened" : current}${who} meanwhile. Reload to see the checklist as it is now.`);
    }
    if (current === "accepted" || current === "edited") {
      throw new AppError("INVALID_STATE", "This suggestion is already recorded in the checklist. Change the clause on the Legal tab instead.");
    }

    let contractId: string | undefined;
    if (decision.decision !== "reject") {
      const existing = decision.clauseRecord
        ? await findRecord(tx, "clause", analysis.vendorId, decision.clauseRecord.id)
        : null;
      let row: ClauseReviewRow;
      if (decision.decision === "accept") {
        await assertContractOf(tx, analysis.vendorId, decision.contractId);
        // The row as stored, whether or not the page said it had seen one.
        const stored = existing ?? (await listRecords(tx, analysis.vendorId, ["clause"])).find((r) => (r.data as ClauseReviewRow).clauseCode === decision.clauseCode);
        const keep = keepsTheChecklistRow(proposal, stored?.data as ClauseReviewRow | undefined, decision.contractId);
        if (keep) throw new AppError("INVALID_STATE", keep);
        contractId = decision.contractId;
        row = acceptedRow(proposal, decision.contractId, existing?.data as ClauseReviewRow | undefined);
      } else {
        if (decision.row.clauseCode !== decision.clauseCode) throw new AppError("VALIDATION", "The edited row is for another clause.");
        row = decision.row;
        contractId = row.citation?.contractId;
      }
      await saveDossierRecord(
        {
          actor,
          input: { vendorId: analysis.vendorId, kind: "clause", ...(decision.clauseRecord ? { id: decision.clauseRecord.id, version: decision.clauseRecord.version } : {}), data: row },
        },
        tx,
      );
    }
    const state: ProposalDecisionState = decision.decision === "accept" ? "accepted" : decision.decision === "edit" ? "edited" : "rejected";
    proposal.decision = { state, byId: actor.id, byName: actor.name, at: new Date().toISOString() };
    await saveAnalysis(tx, analysis, data, contractId);
    await recordAudit(tx, actor, {
      action: `legal.clause_finder.${decision.decision}`,
      entityType: "contract_analysis",
      entityId: analysis.id,
      vendorId: analysis.vendorId,
      after: { clauseCode: decision.clauseCode, decision: state, documentId: analysis.documentId },
    });
    return { state };
  };
  return tx ? run(tx) : db().$transaction(run);
}

/**
 * Accepts every open suggestion at once: clauses found are recorded as
 * present with their citation and value; clauses not found are recorded as
 * missing only where the checklist has no row yet (another contract may hold
 * them). Clauses by reference, rows another contract cites as present and
 * duties stated with two deadlines are left for one-by-one review
 * (keepsTheChecklistRow, leftForOneByOne). Refused when
 * anything changed since the reviewer loaded the page.
 */
export async function acceptAllProposals({ actor, input }: { actor: Actor; input: unknown }) {
  requirePermission(actor, "legal.manage");
  const { analysisId, contractId, analysisVersion, checklistVersions } = parseInput(acceptAllProposalsInputSchema, input);
  return db().$transaction(async (tx) => {
    const { analysis, data } = await loadForDecision(tx, analysisId);
    if (analysis.version !== analysisVersion) {
      throw new AppError("CONFLICT", "Suggestions on this contract were decided by someone else meanwhile. Reload to see them before accepting the rest.");
    }
    await assertContractOf(tx, analysis.vendorId, contractId);
    const rows = await listRecords(tx, analysis.vendorId, ["clause"]);
    const recordOf = new Map(rows.map((r) => [(r.data as ClauseReviewRow).clauseCode, r]));
    const accepted: string[] = [];
    const skipped: string[] = [];
    for (const proposal of data.proposals.filter((p) => stateOf(p) === "pending")) {
      const existing = recordOf.get(proposal.clauseCode);
      if ((!proposal.found && existing) || leftForOneByOne(proposal) || keepsTheChecklistRow(proposal, existing?.data as ClauseReviewRow | undefined, contractId)) {
        skipped.push(proposal.clauseCode);
        continue;
      }
      if (existing?.version !== checklistVersions[proposal.clauseCode]) {
        throw new AppError("CONFLICT", `${proposal.title} was changed on the checklist since you loaded this page. Reload to see it, then accept again.`);
      }
      const row = acceptedRow(proposal, contractId, existing?.data as ClauseReviewRow | undefined);
      await saveDossierRecord(
        { actor, input: { vendorId: analysis.vendorId, kind: "clause", ...(existing ? { id: existing.id, version: existing.version } : {}), data: row } },
        tx,
      );
      proposal.decision = { state: "accepted", byId: actor.id, byName: actor.name, at: new Date().toISOString() };
      accepted.push(proposal.clauseCode);
    }
    await saveAnalysis(tx, analysis, data, contractId);
    await recordAudit(tx, actor, {
      action: "legal.clause_finder.accept_all",
      entityType: "contract_analysis",
      entityId: analysis.id,
      vendorId: analysis.vendorId,
      after: { accepted, skipped, documentId: analysis.documentId },
    });
    return { accepted: accepted.length, skipped: skipped.length };
  });
}
