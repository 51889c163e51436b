"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptAllProposalsAction, decideClauseProposalAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { formatHours } from "@/lib/domain/durations";
import { CLAUSE_CATALOGUE, catalogueEntry } from "@/lib/domain/legal/clause-catalogue";
import { computeClauseStatus, type ClauseContext } from "@/lib/domain/legal/clause-deviation";
import { confidenceBasis, confidenceCaveat, scoreBucket } from "@/lib/domain/legal/finder-calibration";
import { clauseRowFromProposal, keepsTheChecklistRow, leftForOneByOne } from "@/lib/domain/legal/proposal-row";
import type { ClauseDecisionInput, ContractAnalysisData, StoredProposal } from "@/lib/schemas/contract-analysis";
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClauseForm } from "./clause-form";
import { ClauseStatusChip } from "./clause-status-chip";
import { citationText, clauseValueText } from "./legal-format";

export interface ClauseFinderReviewProps {
  analysis: { id: string; version: number };
  data: ContractAnalysisData;
  fileName: string;
  contractId: string | null;
  contracts: { id: string; label: string }[];
  checklist: { id: string; version: number; row: ClauseReviewRow }[];
  context: Omit<ClauseContext, "clause">;
  settings: Settings;
  canDecide: boolean;
  /** Where to record this file as a contract, coming back here afterwards. */
  newContractHref: string;
}

/** "Section 7.4" for a bare number, the heading as written otherwise ("Section 7. Information Security › 7.4"). */
function sectionLabel(section: string): string {
  return /^\d/.test(section) ? `Section ${section}` : section;
}

const DECISION_LABEL = { accepted: "Accepted", edited: "Edited and recorded", rejected: "Rejected" } as const;

function valueText(p: StoredProposal): string | undefined {
  const v = p.value;
  if (!v) return undefined;
  const amount = v.kind === "hours" ? formatHours(v.hours) : v.kind === "days" ? `${v.days} days` : v.kind === "months" ? `every ${v.months} months` : clauseValueText({ amountMinor: v.amountMinor, currency: v.currency });
  return `${amount}, read from “${v.quote}” (${v.basis})`;
}

/**
 * The clause finder's review screen: every proposal next to the
 * passages it was read from, the value it extracted and what the checklist
 * would say if accepted. Each is a suggestion until someone accepts, edits
 * or rejects it; accepting writes the checklist row with its citation.
 */
export function ClauseFinderReview(props: ClauseFinderReviewProps) {
  const { analysis, data, contracts, checklist, context, settings, canDecide } = props;
  const router = useRouter();
  // Only the contract this file is recorded as: a vendor's one contract may be another document (an MSA beside this DPA).
  const [contractId, setContractId] = useState(props.contractId ?? "");
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  /** The last decision, for screen readers (the page itself shows it on the card). */
  const [announced, setAnnounced] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [bulk, setBulk] = useState<{ error?: string; done?: string }>({});

  const open = data.proposals.filter((p) => !p.decision);
  const rowOf = (code: string) => checklist.find((c) => c.row.clauseCode === code);
  // Until a contract is chosen, only "by reference" is known to keep the row (whose contract the row cites is not).
  const keptRow = (p: StoredProposal) => keepsTheChecklistRow(p, contractId ? rowOf(p.clauseCode)?.row : undefined, contractId);
  const acceptable = open.filter((p) => !(!p.found && rowOf(p.clauseCode)) && !leftForOneByOne(p) && !keptRow(p)).length;

  function decided(code: string, done: string) {
    setEditing(null);
    setAnnounced(`${data.proposals.find((p) => p.clauseCode === code)?.title ?? "Suggestion"}: ${done}.`);
    // The buttons or the form that had focus are gone with the decision: keep the keyboard on this suggestion.
    document.getElementById(`proposal-${code}-title`)?.focus();
  }

  async function run(code: string, send: () => Promise<ActionResult<unknown>>, done: string) {
    setPending(code);
    setErrors((e) => ({ ...e, [code]: "" }));
    const result = await send();
    setPending(null);
    if (result.ok) {
      decided(code, done);
      router.refresh();
      return result;
    }
    setErrors((e) => ({ ...e, [code]: result.error }));
    return result;
  }

  function decide(p: StoredProposal, decision: "accept" | "reject") {
    const record = rowOf(p.clauseCode);
    const base = {
      analysisId: analysis.id,
      clauseCode: p.clauseCode,
      expected: p.decision?.state ?? ("pending" as const),
      ...(record ? { clauseRecord: { id: record.id, version: record.version } } : {}),
    };
    let input: ClauseDecisionInput;
    if (decision === "reject") input = { ...base, decision };
    else if (contractId) input = { ...base, decision, contractId };
    else {
      setErrors((e) => ({ ...e, [p.clauseCode]: "Choose the contract this file belongs to first (above): the citation points at it." }));
      return;
    }
    void run(p.clauseCode, () => decideClauseProposalAction(input), decision === "reject" ? "rejected" : "recorded in the checklist");
  }

  async function acceptAll() {
    if (!contractId) {
      setBulk({ error: "Choose the contract this file belongs to first: every citation points at it." });
      return;
    }
    setPending("*");
    setBulk({});
    const result = await acceptAllProposalsAction({
      analysisId: analysis.id,
      contractId,
      analysisVersion: analysis.version,
      checklistVersions: Object.fromEntries(checklist.map((c) => [c.row.clauseCode, c.version])),
    });
    setPending(null);
    if (!result.ok) {
      setBulk({ error: result.error });
      return;
    }
    setBulk({ done: `${result.data.accepted} suggestion${result.data.accepted === 1 ? "" : "s"} recorded${result.data.skipped ? `; ${result.data.skipped} left for you to decide one by one, the checklist unchanged` : ""}.` });
    router.refresh();
  }

  return (
    <div className="clause-finder-review">
      <p className="sr-only" role="status" aria-live="polite">{announced}</p>
      <div className="alert alert-info suggestion-banner">
        <p><strong>Suggestions, not decisions.</strong> Nothing below is recorded until you accept or edit it; rejected suggestions change nothing. Always read the quoted passage before accepting.</p>
      </div>

      {canDecide ? (
        <div className="card review-controls">
          <div className="field">
            <label htmlFor="finder-contract">Citations point at the contract</label>
            <select id="finder-contract" value={contractId} onChange={(e) => setContractId(e.target.value)}>
              <option value="">Choose the contract this file belongs to</option>
              {contracts.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
            <span className="hint">
              Not recorded yet? <Link href={props.newContractHref}>Record {props.fileName} as a contract</Link> and come back here.
            </span>
          </div>
          {open.length > 0 ? (
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={acceptAll} disabled={pending !== null}>
                {pending === "*" ? "Recording…" : acceptable === open.length ? `Accept all ${open.length} open suggestion${open.length === 1 ? "" : "s"}` : `Accept ${acceptable} of ${open.length} open suggestions`}
              </button>
              <span className="muted small">Found clauses are recorded as present with their citation and value; clauses not found are recorded as missing only where the checklist has nothing yet. Clauses by reference, clauses the checklist records from another contract and duties stated with two deadlines are left for you to decide one by one.</span>
            </div>
          ) : (
            <p className="muted">Every suggestion on this contract has been decided.</p>
          )}
          {bulk.error ? <div className="alert alert-error" role="alert">{bulk.error}</div> : null}
          {bulk.done ? <div className="alert alert-ok" role="status">{bulk.done}</div> : null}
        </div>
      ) : null}

      <ol className="proposal-list">
        {data.proposals.map((p) => {
          const clause = catalogueEntry(CLAUSE_CATALOGUE, p.clauseCode);
          const current = rowOf(p.clauseCode);
          const currentStatus = current && clause ? computeClauseStatus(current.row, { ...context, clause }, settings) : undefined;
          const proposedRow = clauseRowFromProposal(p, contractId || "unlinked", { reviewerNote: current?.row.reviewerNote });
          const wouldBe = clause ? computeClauseStatus(proposedRow, { ...context, clause }, settings) : undefined;
          const state = p.decision?.state;
          const decidable = canDecide && (state === undefined || state === "rejected");
          const value = valueText(p);
          const kept = keptRow(p);
          return (
            <li key={p.clauseCode} id={`proposal-${p.clauseCode}`} className={`proposal card proposal-${state ?? "pending"}`} aria-labelledby={`proposal-${p.clauseCode}-title`}>
              <div className="proposal-head">
                <h3 id={`proposal-${p.clauseCode}-title`} tabIndex={-1}>{p.title}</h3>
                {state ? (
                  <span className={`badge ${state === "rejected" ? "status-muted" : "status-ok"}`}>{DECISION_LABEL[state]} by {p.decision!.byName}</span>
                ) : (
                  <span className="badge suggestion-badge" title="Share of such proposals that were right on real contracts (measured, never certain)">
                    Suggestion: {p.found ? "found" : p.byReference ? "by reference" : p.exclusion ? "excluded" : "not found"} ({Math.round(p.confidence * 100)}% right when measured{caveatOf(p)})
                  </span>
                )}
              </div>
              {value ? <p className="proposal-value"><span className="muted">Extracted value:</span> {value}</p> : null}
              {p.found && wouldBe ? (
                <p className="proposal-outcome">
                  <span className="muted">If accepted:</span> <ClauseStatusChip status={wouldBe.status} />
                  {wouldBe.reason ? <span className="deviation-reason"> {wouldBe.reason}</span> : null}
                </p>
              ) : null}
              {p.exclusion ? (
                <figure className="passage proposal-exclusion">
                  <p className="proposal-hint"><span className="badge sev-high">Deviation</span> The contract expressly excludes this protection; legal should read it.</p>
                  <blockquote>{p.exclusion.quote}</blockquote>
                  <figcaption>{[p.exclusion.page ? `Page ${p.exclusion.page}` : null, p.exclusion.section ? sectionLabel(p.exclusion.section) : null].filter(Boolean).join(" · ") || "Location not known"}</figcaption>
                </figure>
              ) : null}
              {p.byReference ? <p className="proposal-hint"><span className="badge sev-medium">By reference</span> Incorporated from another document that is not in this file; read that document.</p> : null}
              {p.hints.map((h, i) => <p key={`${h.code}-${i}`} className="proposal-hint"><span className="badge sev-medium">Note</span> {h.label}</p>)}
              {p.passages.length > 0 ? (
                <div className="passages">
                  <p className="muted small">{p.found || p.byReference ? "Matching passages:" : "Closest passages (below the threshold):"}</p>
                  {p.passages.map((q, i) => (
                    <figure key={i} className="passage">
                      <blockquote>{q.quote}</blockquote>
                      <figcaption>{[q.page ? `Page ${q.page}` : null, q.section ? sectionLabel(q.section) : null].filter(Boolean).join(" · ") || "Location not known"}</figcaption>
                    </figure>
                  ))}
                </div>
              ) : p.exclusion ? null : (
                <p className="muted">No passage in the file resembles this clause.</p>
              )}
              <p className="proposal-current">
                <span className="muted">Checklist now:</span>{" "}
                {current && currentStatus ? (
                  <>
                    <ClauseStatusChip status={currentStatus.status} /> {clauseValueText(current.row) ?? ""} {current.row.citation ? <span className="muted">({citationText(current.row.citation) || "cited"})</span> : null}
                  </>
                ) : (
                  <ClauseStatusChip status="unreviewed" />
                )}
              </p>

              {decidable && editing !== p.clauseCode ? (
                <div className="form-actions proposal-actions">
                  {kept ? null : (
                    <button type="button" className="btn btn-primary btn-small" disabled={pending !== null} onClick={() => decide(p, "accept")} aria-label={`${p.found ? "Accept" : "Confirm missing"}: ${p.title}`}>
                      {pending === p.clauseCode ? "Saving…" : p.found ? "Accept" : "Confirm missing"}
                    </button>
                  )}
                  <button type="button" className="btn btn-small" disabled={pending !== null} onClick={() => setEditing(p.clauseCode)} aria-label={`Edit: ${p.title}`}>Edit</button>
                  {state === undefined ? (
                    <button type="button" className="btn btn-small" disabled={pending !== null} onClick={() => decide(p, "reject")} aria-label={`Reject: ${p.title}`}>Reject</button>
                  ) : null}
                  {kept ? <span className="muted small">{kept}</span> : !p.found && current && current.row.presence === "present" ? <span className="muted small">Confirming replaces the present clause on the checklist.</span> : null}
                </div>
              ) : null}
              {errors[p.clauseCode] ? <div className="alert alert-error" role="alert">{errors[p.clauseCode]}</div> : null}
              {editing === p.clauseCode && clause ? (
                <ClauseForm
                  idPrefix="proposal"
                  clause={clause}
                  contracts={contracts}
                  initial={{ ...proposedRow, ...(contractId ? {} : { citation: proposedRow.citation ? { ...proposedRow.citation, contractId: "" } : undefined }) }}
                  context={context}
                  settings={settings}
                  submitLabel="Record edited clause"
                  cancel={{ onCancel: () => setEditing(null) }}
                  submit={(row) =>
                    decideClauseProposalAction({
                      decision: "edit",
                      analysisId: analysis.id,
                      clauseCode: p.clauseCode,
                      expected: p.decision?.state ?? ("pending" as const),
                      ...(current ? { clauseRecord: { id: current.id, version: current.version } } : {}),
                      row,
                    }).then((r) => {
                      if (r.ok) decided(p.clauseCode, "edited and recorded in the checklist");
                      return r;
                    })
                  }
                />
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** "; all clauses pooled", "; from 1 proposal": what the figure rests on, when that is little. */
function caveatOf(p: StoredProposal): string {
  const caveat = confidenceCaveat(confidenceBasis(p.clauseCode, scoreBucket(p)));
  return caveat ? `; ${caveat}` : "";
}
