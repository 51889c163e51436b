import { addMonthsToDay, describeDue, formatDayForPeople, daysUntil } from "@/lib/domain/dates";
import { reviewCadenceMonths } from "@/lib/domain/vendors/tier";
import { isElevatedTier, TIER_LABELS } from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { DayText } from "@/components/ui/relative-date";
import { mayEditKind } from "./may-edit";
import { RecordSection } from "./record-section";
import { RowActions } from "./row-actions";
import { SortableTable } from "./sortable-table";
import { StatusBadge } from "./status-badges";
import { TabFindings } from "./tab-findings";
import { recordAnchor } from "./tabs";

export function ReviewsTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, settings, now, tier } = view;
  const canEdit = mayEditKind(view.may, "review");
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  const reviews = [...dossier.securityReviews].sort((a, b) => (a.heldOn < b.heldOn ? 1 : -1));
  const last = reviews[0];
  const cadence = reviewCadenceMonths(tier.effective, settings);
  const elevated = isElevatedTier(tier.effective);
  const nextDue = last ? addMonthsToDay(last.heldOn, cadence) : null;

  return (
    <>
      <TabFindings vendorId={vendor.id} findings={findings} subjectKinds={["security_review"]} />
      <p className="cadence">
        {elevated ? (
          <>{TIER_LABELS[tier.effective]} vendors are reviewed with the vendor&apos;s security lead every {cadence === 3 ? "quarter" : `${cadence} months`}.</>
        ) : (
          <>Quarterly security reviews are required for Critical/High vendors; this vendor is {TIER_LABELS[tier.effective]}, reviewed every {cadence === 12 ? "year" : `${cadence} months`}.</>
        )}{" "}
        {nextDue ? (
          <>
            Next review due {formatDayForPeople(nextDue)}:{" "}
            <StatusBadge tone={daysUntil(nextDue, now) < 0 ? (elevated ? "bad" : "warn") : "ok"}>{describeDue(nextDue, now, "deadline")}</StatusBadge>
          </>
        ) : (
          <StatusBadge tone={elevated ? "bad" : "muted"}>No review held yet</StatusBadge>
        )}
      </p>
      <RecordSection
        vendorId={vendor.id}
        kind="review"
        canEdit={canEdit}
        count={reviews.length}
        empty={<p>No security review has been recorded.</p>}
      >
        <SortableTable
          caption="Security reviews"
          initialSort={{ column: 0, dir: "desc" }}
          columns={[
            { label: "Held on", sortable: true },
            { label: "Attendees" },
            { label: "Notes" },
            { label: "Follow-ups", sortable: true },
            ...(canEdit ? [{ label: "Actions", hiddenLabel: true }] : []),
          ]}
          rows={reviews.map((r) => ({
            key: r.id,
            id: recordAnchor(r.id),
            sort: [r.heldOn, null, null, r.followUps.length],
            cells: [
              <DayText key="h" day={r.heldOn} now={now} />,
              <ul key="a" className="plain-list">{r.attendees.map((a) => <li key={a}>{a}</li>)}</ul>,
              r.notes ? <span key="n" className="clamp pre-line">{r.notes}</span> : <span key="n" className="muted">—</span>,
              r.followUps.length === 0 ? <span key="f" className="muted">None</span> : <ol key="f" className="plain-list numbered">{r.followUps.map((f) => <li key={f}>{f}</li>)}</ol>,
              ...(canEdit ? [<RowActions key="x" vendorId={vendor.id} kind="review" id={r.id} version={version(r.id)} label={`security review of ${formatDayForPeople(r.heldOn)}`} />] : []),
            ],
          }))}
        />
      </RecordSection>
    </>
  );
}
