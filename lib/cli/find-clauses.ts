// `find-clauses <file.pdf|docx|md|html|txt> [--json]`
//
// Runs the clause finder on one contract file, with the same extraction
// (lib/server/contracts/extract-text.ts) and the same finder and catalogue as
// the upload, and prints each catalogue clause's proposal: present, absent or
// by reference, the value, the quoted passages with page or section, an
// express exclusion if any, and the calibrated confidence. Legal teams use it
// to triage a folder of contracts. No database.
//
// --json  the stable shape documented in docs/clause-finder-cli.md.
//
// Exit codes: 0 read; 2 bad usage, a missing, unreadable or unsupported file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import type { ClauseProposal } from "@/lib/domain/legal/clause-finder";
import { type ContractFacts, extractContractFacts } from "@/lib/domain/legal/contract-facts";
import { confidenceBasis, type ConfidenceBasis, confidenceCaveat, scoreBucket } from "@/lib/domain/legal/finder-calibration";
import { detectSccs, sccSuggestion, type SccDetection } from "@/lib/domain/legal/scc-detection";
import { ContractTextExtractionError, contractMimeFor, extractContractText } from "@/lib/server/contracts/extract-text";
import { findClausesInTurns } from "@/lib/server/contracts/find-clauses-in-turns";
import { callerPath, parseArgs, processIo, unreadable, type CliIo } from "./cli-io";

export const FIND_CLAUSES_USAGE = "usage: find-clauses <file.pdf|docx|md|html|txt> [--json]";
export const FIND_CLAUSES_JSON_VERSION = 1;

export type ClauseStatus = "present" | "absent" | "by_reference";

export interface FindClausesJson {
  version: typeof FIND_CLAUSES_JSON_VERSION;
  file: string;
  format: string;
  catalogueVersion: number;
  clauses: {
    code: string;
    title: string;
    status: ClauseStatus;
    /** Measured share right for this clause and score bucket (never 1). */
    confidence: number;
    /** What it was measured on: the number of proposals, and whether they pool every clause (none of this clause's scored so). */
    confidenceBasis: ConfidenceBasis;
    value: ClauseProposal["value"] | null;
    passages: { quote: string; page: number | null; section: string | null }[];
    /** The contract expressly excludes the protection; status is then "absent". */
    exclusion: { quote: string; page: number | null; section: string | null } | null;
    hints: { code: string; label: string; quote: string }[];
  }[];
  /** Standard Contractual Clauses the contract incorporates, or null (a suggestion for the transfer matrix). */
  sccs: SccDetection | null;
  /** What the text says about itself (title, type, effective date, governing law, parties); {} when nothing plain. */
  facts: ContractFacts;
}

export async function findClausesCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const endOfOptions = args.indexOf("--");
  const json = args.slice(0, endOfOptions === -1 ? undefined : endOfOptions).includes("--json");
  const parsed = parseArgs(args.filter((a, i) => a !== "--json" || (endOfOptions !== -1 && i > endOfOptions)), []);
  if ("error" in parsed) return usage(io, parsed.error);
  if (parsed.help) {
    io.out(FIND_CLAUSES_USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) return usage(io, "missing <file>");
  if (extra.length > 0) return usage(io, `unexpected argument ${extra[0]}`);

  const mime = contractMimeFor(undefined, file);
  if (!mime) {
    io.err(`${file}: unsupported file type. Contracts must be PDF, DOCX, Markdown (.md), HTML (.html) or plain text (.txt).`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(callerPath(file)));
  } catch (error) {
    io.err(`${file}: cannot be read (${unreadable(error)}).`);
    return 2;
  }
  let text;
  try {
    text = await extractContractText(bytes, mime);
  } catch (error) {
    if (error instanceof ContractTextExtractionError) {
      io.err(`${file}: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const result = toJson(path.basename(file), text.format, await findClausesInTurns(text, CLAUSE_CATALOGUE), detectSccs(text.fullText), extractContractFacts(text));
  io.out(json ? JSON.stringify(result, null, 2) : toText(result));
  return 0;
}

export function statusOf(p: ClauseProposal): ClauseStatus {
  return p.found ? "present" : p.byReference ? "by_reference" : "absent";
}

function toJson(file: string, format: string, proposals: ClauseProposal[], sccs: SccDetection | null, facts: ContractFacts): FindClausesJson {
  const where = (p: { quote: string; page?: number; section?: string }) => ({ quote: p.quote, page: p.page ?? null, section: p.section ?? null });
  return {
    version: FIND_CLAUSES_JSON_VERSION,
    file,
    format,
    catalogueVersion: CLAUSE_CATALOGUE.version,
    clauses: proposals.map((p) => {
      const status = statusOf(p);
      return {
        code: p.clauseCode,
        title: p.title,
        status,
        confidence: p.confidence,
        confidenceBasis: confidenceBasis(p.clauseCode, scoreBucket(p)),
        value: p.value ?? null,
        // For an absent clause the near misses are noise in a triage listing.
        passages: status === "absent" ? [] : p.passages.map(where),
        exclusion: p.exclusion ? where(p.exclusion) : null,
        hints: p.hints,
      };
    }),
    sccs,
    facts,
  };
}

const LABELS: Record<ClauseStatus, string> = { present: "PRESENT", absent: "absent", by_reference: "BY REFERENCE" };

/**
 * Contract text shown on a terminal: control characters (escape sequences that
 * move the cursor or erase lines) and bidirectional overrides (which reorder
 * what is shown) are printed as their code, so a file cannot rewrite what the
 * reader sees. The JSON output escapes them itself.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`);
}

function toText(r: FindClausesJson): string {
  const lines = [`${r.file} (${r.format}), clause catalogue v${r.catalogueVersion}`];
  const facts = [
    r.facts.title && `title: ${r.facts.title}`,
    r.facts.effectiveDate && `effective: ${r.facts.effectiveDate}`,
    r.facts.governingLaw && `law: ${r.facts.governingLaw}`,
    r.facts.parties && `parties: ${r.facts.parties.join(" and ")}`,
  ].filter(Boolean);
  if (facts.length > 0) lines.push(facts.join("; "));
  lines.push("");
  for (const c of r.clauses) {
    const value = c.value ? `  value: ${c.value.quote} (${c.value.basis})` : "";
    const caveat = [confidenceCaveat(c.confidenceBasis), c.exclusion ? "exclusions not measured apart" : ""].filter(Boolean).join("; ");
    lines.push(`${c.title} [${c.code}]: ${LABELS[c.status]}${c.exclusion ? ", EXCLUDED by the contract" : ""} (${Math.round(c.confidence * 100)}% of such proposals right on real contracts${caveat ? `; ${caveat}` : ""})${value}`);
    const cite = (p: { quote: string; page: number | null; section: string | null }) =>
      `    "${p.quote}"${[p.page !== null ? `p. ${p.page}` : null, p.section].filter(Boolean).length ? ` (${[p.page !== null ? `p. ${p.page}` : null, p.section].filter(Boolean).join(", ")})` : ""}`;
    for (const p of c.passages) lines.push(cite(p));
    if (c.exclusion) lines.push(`    exclusion: ${cite(c.exclusion).trim()}`);
    for (const h of c.hints) lines.push(`    note: ${h.label}`);
  }
  if (r.sccs) lines.push("", `SCCs: ${sccSuggestion(r.sccs)}`, `    "${r.sccs.evidence}"`);
  return terminalSafe(lines.join("\n"));
}

function usage(io: CliIo, problem: string): number {
  io.err(`${problem}\n${FIND_CLAUSES_USAGE}`);
  return 2;
}
