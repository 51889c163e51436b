import Link from "next/link";
import { CONTROL_DOMAINS, CONTROL_DOMAIN_LABELS, CONTROL_STATUS_LABELS, type ControlStatus } from "@/lib/domain/dossier-vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { ControlStatusEditor } from "./control-status-editor";
import { EvidenceLink } from "./evidence-link";
import { mayEditKind } from "./may-edit";
import { StatusBadge, type Tone } from "./status-badges";
import { editRecordHref, newRecordHref, recordAnchor } from "./tabs";

const STATUS_TONE: Record<ControlStatus, Tone> = {
  in_place: "ok",
  partial: "warn",
  not_in_place: "bad",
  not_applicable: "muted",
  unknown: "bad",
};

const IMPORTANCE_TONE: Record<string, Tone> = { critical: "blocker", high: "bad", medium: "warn", low: "info" };

/** The whole BPO control pack by domain; a control nobody assessed shows as unknown (counted as not in place). */
export function ControlsTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, documents } = view;
  const gaps = findings.filter((f) => f.subject.kind === "control");
  const canEdit = mayEditKind(view.may, "control");
  const assessments = new Map(dossier.controls.map((c) => [c.code, c]));
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  const inPlace = dossier.controlCatalogue.filter((c) => assessments.get(c.code)?.status === "in_place").length;
  const assessed = dossier.controlCatalogue.filter((c) => assessments.has(c.code) && assessments.get(c.code)?.status !== "unknown").length;

  return (
    <>
      <p className="controls-summary">
        <strong>{inPlace}</strong> of {dossier.controlCatalogue.length} controls in place; {assessed} assessed.{" "}
        <span className="muted">Unknown counts as not in place.</span>{" "}
        {gaps.length > 0 ? <>{gaps.length} {gaps.length === 1 ? "gap raises a finding" : "gaps raise findings"}, listed on the <Link href={`/vendors/${vendor.id}#findings`}>Overview</Link>.</> : null}
      </p>
      {CONTROL_DOMAINS.map((domain) => {
        const controls = dossier.controlCatalogue.filter((c) => c.domain === domain);
        if (controls.length === 0) return null;
        const headingId = `controls-${domain}`;
        return (
          <section key={domain} className="dossier-section" aria-labelledby={headingId}>
            <div className="section-header">
              <h2 id={headingId}>
                {CONTROL_DOMAIN_LABELS[domain]}{" "}
                <span className="muted count">({controls.filter((c) => assessments.get(c.code)?.status === "in_place").length} of {controls.length} in place)</span>
              </h2>
            </div>
            <div className="table-wrap">
              <table className="data controls-table">
                <caption className="sr-only">{CONTROL_DOMAIN_LABELS[domain]} controls</caption>
                <thead>
                  <tr>
                    <th scope="col">Control</th>
                    <th scope="col">Importance</th>
                    <th scope="col">Status</th>
                    <th scope="col">Note and evidence</th>
                    {canEdit ? <th scope="col">Assess</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {controls.map((control) => {
                    const a = assessments.get(control.code);
                    const status: ControlStatus = a?.status ?? "unknown";
                    const v = a ? version(a.id) : undefined;
                    return (
                      <tr key={control.code} id={recordAnchor(control.code)}>
                        <th scope="row" className="control-cell">
                          <strong>{control.title}</strong>
                          <p className="muted control-desc">{control.description}</p>
                          <code className="rule-code">{control.code}</code>
                        </th>
                        <td><StatusBadge tone={IMPORTANCE_TONE[control.importance] ?? "muted"}>{control.importance}</StatusBadge></td>
                        <td>
                          <StatusBadge tone={STATUS_TONE[status]}>{CONTROL_STATUS_LABELS[status]}</StatusBadge>
                          {!a ? <span className="muted"> (not assessed)</span> : null}
                        </td>
                        <td>
                          {a?.note ? <p className="control-note">{a.note}</p> : null}
                          {a?.evidenceId ? <EvidenceLink documents={documents} id={a.evidenceId} /> : !a?.note ? <span className="muted">—</span> : null}
                        </td>
                        {canEdit ? (
                          <td>
                            <ControlStatusEditor
                              vendorId={vendor.id}
                              code={control.code}
                              title={control.title}
                              assessment={a && v !== undefined ? { id: a.id, version: v, status: a.status, note: a.note, evidenceId: a.evidenceId } : null}
                            />
                            <Link className="small-link" href={a ? editRecordHref(vendor.id, "control", a.id) : newRecordHref(vendor.id, "control", { code: control.code })}>
                              {a?.evidenceId ? "Change evidence" : "Attach evidence"}<span className="sr-only"> for {control.title}</span>
                            </Link>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
