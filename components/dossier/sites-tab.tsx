import { REMOTE_SITE_CONTROLS, REMOTE_SITE_CONTROL_LABELS, SITE_MODE_LABELS } from "@/lib/domain/dossier-vocabulary";
import { isoLabel, siteLabel } from "@/lib/domain/findings/subject-labels";
import { validIsoCertificates } from "@/lib/domain/assurance/iso-status";
import { countryName } from "@/lib/domain/reference/countries";
import type { DeliverySite } from "@/lib/schemas/dossier";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { findingsAbout } from "./findings-summary";
import { mayEditKind } from "./may-edit";
import { RecordSection } from "./record-section";
import { RowActions } from "./row-actions";
import { SortableTable } from "./sortable-table";
import { StatusBadge } from "./status-badges";
import { TabFindings } from "./tab-findings";
import { recordAnchor } from "./tabs";

/** EDR/VPN/MFA/VDI as chips; a missing one says so in words, not only in red. */
export function RemoteControlChips({ site }: { site: DeliverySite }) {
  if (site.mode !== "remote") return <span className="muted">Not applicable (on-site floor)</span>;
  return (
    <ul className="chips" aria-label="Remote agent controls">
      {REMOTE_SITE_CONTROLS.map((c) => {
        const present = site[c] === true;
        return (
          <li key={c} className={`chip ${present ? "chip-ok" : "chip-missing"}`}>
            <span aria-hidden="true">{present ? "✓" : "✗"}</span> {REMOTE_SITE_CONTROL_LABELS[c]}
            {present ? null : <span className="chip-missing-word"> missing</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function SitesTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, now } = view;
  const canEdit = mayEditKind(view.may, "site");
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  // The same "valid" the findings engine judges scope on (iso-rules.ts): not expired, not superseded.
  const validCerts = validIsoCertificates(dossier.isoCertificates, now);
  return (
    <>
      <TabFindings vendorId={vendor.id} findings={findings} subjectKinds={["delivery_site"]} />
      <RecordSection
        vendorId={vendor.id}
        kind="site"
        canEdit={canEdit}
        count={dossier.sites.length}
        description={<p className="muted">Where agents serving us work. Remote agents need EDR, VPN, MFA and VDI; without them a site is weaker than an on-site floor.</p>}
        empty={<p>No delivery site is recorded, so certificate scope and remote-agent controls cannot be checked.</p>}
      >
        <SortableTable
          caption="Delivery sites"
          initialSort={{ column: 0, dir: "asc" }}
          columns={[
            { label: "Location", sortable: true },
            { label: "Agents", sortable: true },
            { label: "Headcount", sortable: true, numeric: true },
            { label: "Remote controls" },
            { label: "ISO/IEC 27001 scope" },
            { label: "Findings", sortable: true },
            ...(canEdit ? [{ label: "Actions", hiddenLabel: true }] : []),
          ]}
          rows={dossier.sites.map((site) => {
            const siteFindings = findingsAbout(findings, "delivery_site", site.id);
            const covering = validCerts.filter((c) => c.coveredSiteIds.includes(site.id));
            return {
              key: site.id,
              id: recordAnchor(site.id),
              sort: [`${site.city}, ${countryName(site.country)}`, site.mode, site.headcount, null, null, siteFindings.length],
              cells: [
                <strong key="l">{site.city}, {countryName(site.country)}</strong>,
                SITE_MODE_LABELS[site.mode],
                site.headcount.toLocaleString("en-US"),
                <RemoteControlChips key="c" site={site} />,
                covering.length > 0 ? (
                  <span key="s">{covering.map((c) => isoLabel(c)).join("; ")}</span>
                ) : dossier.isoCertificates.length === 0 ? (
                  <span key="s" className="muted">No certificate on file</span>
                ) : (
                  <StatusBadge key="s" tone="warn">Not covered by a valid certificate</StatusBadge>
                ),
                siteFindings.length === 0 ? (
                  <span key="f" className="muted">None</span>
                ) : (
                  <ul key="f" className="plain-list">
                    {siteFindings.map((f) => (
                      <li key={f.code}><span className={`badge sev-${f.severity}`}>{f.severity}</span> {f.observed ?? f.code}</li>
                    ))}
                  </ul>
                ),
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="site" id={site.id} version={version(site.id)} label={`delivery site ${siteLabel(site)}`} />] : []),
              ],
            };
          })}
        />
      </RecordSection>
    </>
  );
}
