import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssessmentReportView } from "@/components/assessments/assessment-report-view";
import { AssessmentStateBadge, RatingBadge, ScoreBadge } from "@/components/assessments/badges";
import { RiskAcceptanceForm } from "@/components/assessments/risk-acceptance-form";
import { SignOffForm } from "@/components/assessments/sign-off-form";
import { StaleSnapshotNotice } from "@/components/assessments/stale-snapshot-notice";
import { SubmitAssessmentForm } from "@/components/assessments/submit-assessment-form";
import { TierBadge } from "@/components/ui/badge";
import { SIGN_OFF_ROLE_LABELS } from "@/lib/domain/assessments/assessment-workflow";
import { addMonthsToDay, formatDayForPeople, formatIsoDay } from "@/lib/domain/dates";
import { findingKey } from "@/lib/domain/findings/finding";
import type { Severity } from "@/lib/domain/vocabulary";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { getAssessmentView } from "@/lib/server/services/assessments/view";

type Params = { params: Promise<{ id: string }> };

const SEVERITY_LABELS: Record<Severity, string> = { blocker: "Blocker", high: "High", medium: "Medium", low: "Low" };

const load = cache(async (id: string) => {
  const actor = await requirePageActor("assessment.read");
  return getAssessmentView({ actor, assessmentId: id }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const view = await load(id);
  return { title: `${view.vendor.name} · Assessment v${view.assessment.version}` };
}

export default async function AssessmentPage({ params }: Params) {
  const { id } = await params;
  const view = await load(id);
  const { assessment, vendor, report, may, freshness } = view;
  const cover = report.cover;
  const previous = view.versions.find((v) => v.version < assessment.version);
  const latest = view.versions[0]!;
  // One option per finding, by its unique key: many findings share a code (every unassessed control is control.unknown).
  const findingOptions = view.findings.map((f) => ({
    key: findingKey(f),
    label: `${SEVERITY_LABELS[f.severity]}: ${f.subject.label ? `${f.subject.label}: ` : ""}${f.message.slice(0, 90)}${f.message.length > 90 ? "…" : ""}`,
  }));
  const pending = view.pendingRoles.map((r) => SIGN_OFF_ROLE_LABELS[r].toLowerCase());

  return (
    <div className="stack assess-page">
      <header className="page-header dossier-header">
        <div>
          <p className="muted breadcrumb">
            <Link href="/vendors">Vendors</Link> / <Link href={`/vendors/${vendor.id}`}>{vendor.name}</Link> /{" "}
            <Link href={`/vendors/${vendor.id}/assessments`}>Assessments</Link> /
          </p>
          <h1>
            {vendor.name}: assessment version {assessment.version}
          </h1>
          <dl className="header-facts">
            <div>
              <dt>Score</dt>
              <dd>
                <ScoreBadge score={cover.finalScore} /> <span className="muted">out of 100</span>
              </dd>
            </div>
            <div>
              <dt>Rating</dt>
              <dd>
                <RatingBadge band={cover.rating.band} /> <span className="muted">{cover.rating.decision}</span>
              </dd>
            </div>
            <div>
              <dt>Tier</dt>
              <dd>
                <TierBadge tier={cover.tier} />
              </dd>
            </div>
            <div>
              <dt>State</dt>
              <dd data-testid="assessment-state">
                <AssessmentStateBadge state={assessment.state} superseded={view.superseded} />
              </dd>
            </div>
            <div>
              <dt>Assessed</dt>
              <dd>
                {cover.assessmentDate} by {cover.assessor}
              </dd>
            </div>
            <div>
              <dt>Next due</dt>
              <dd>{cover.nextDue ? <span title={cover.nextDue.reason}>{cover.nextDue.date}</span> : "—"}</dd>
            </div>
          </dl>
        </div>
        <div className="assess-header-actions">
          <a className="btn" href={`/assessments/${assessment.id}/report.pdf`} download>
            Download PDF
          </a>
          {previous ? (
            <Link className="btn" href={`/assessments/compare?a=${previous.id}&b=${assessment.id}`}>
              Compare with version {previous.version}
            </Link>
          ) : null}
        </div>
      </header>

      {view.superseded ? (
        <div className="alert alert-info" role="note">
          A newer version exists: <Link href={`/assessments/${latest.id}`}>version {latest.version}</Link>. This one is kept as it was frozen.
        </div>
      ) : null}
      {freshness ? (
        <StaleSnapshotNotice freshness={freshness} version={assessment.version} vendorId={vendor.id} mayRescore={may.rescore} superseded={view.superseded} />
      ) : null}

      <section className="card assess-section assess-workflow" aria-labelledby="workflow-heading">
        <h2 id="workflow-heading">Workflow</h2>
        <p>
          {assessment.state === "draft"
            ? "Draft: procurement submits it for legal and security to sign off."
            : assessment.state === "in_review"
              ? `In review since ${formatDayForPeople(assessment.submittedAt ?? assessment.createdAt)}${pending.length > 0 ? `; waiting for ${pending.join(" and ")}` : ""}.`
              : `Decided on ${formatDayForPeople(assessment.decidedAt ?? assessment.createdAt)}: ${cover.stateLabel.toLowerCase()}.`}
        </p>
        {may.submit ? <SubmitAssessmentForm assessmentId={assessment.id} lockVersion={assessment.lockVersion} /> : null}
        {may.signOffAs ? (
          <SignOffForm
            assessmentId={assessment.id}
            lockVersion={assessment.lockVersion}
            role={may.signOffAs}
            findings={findingOptions}
            decisions={view.decisions}
            needRemediation={cover.rating.band === "medium" ? view.findingsNeedingRemediation : []}
            commentRequired={cover.rating.band !== "low"}
            owners={view.owners}
            defaultDue={addMonthsToDay(formatIsoDay(new Date()), 1)}
          />
        ) : null}
        {may.acceptRisk && view.riskAcceptanceForm ? (
          <RiskAcceptanceForm
            assessmentId={assessment.id}
            candidates={view.riskAcceptanceForm.candidates}
            latestExpiry={view.riskAcceptanceForm.latestExpiry}
            maxDays={view.riskAcceptanceForm.maxDays}
          />
        ) : null}
      </section>

      <AssessmentReportView report={report} />
    </div>
  );
}
