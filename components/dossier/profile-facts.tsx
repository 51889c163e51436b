import { InstantText } from "@/components/ui/relative-date";
import { countryName } from "@/lib/domain/reference/countries";
import {
  ACCESS_LEVEL_LABELS,
  DATA_CATEGORY_LABELS,
  INDUSTRY_LABELS,
  SERVICE_LABELS,
  type AccessLevel,
  type DataCategory,
  type Industry,
  type Service,
} from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";

function Words({ items, labels, none }: { items: readonly string[]; labels: Record<string, string>; none: string }) {
  if (items.length === 0) return <span className="muted">{none}</span>;
  return (
    <ul className="inline-list">
      {items.map((i) => <li key={i}>{labels[i] ?? i}</li>)}
    </ul>
  );
}

/** The business profile the inherent tier is computed from (docs/rules.md §1). */
export function ProfileFacts({ view }: { view: VendorDossierView }) {
  const { dossier, vendor, now } = view;
  const p = dossier.profile;
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <dl className="facts">
        <dt>Services</dt>
        <dd><Words items={p.services} labels={SERVICE_LABELS as Record<Service, string>} none="None recorded" /></dd>
        <dt>Industries served for us</dt>
        <dd><Words items={p.industries} labels={INDUSTRY_LABELS as Record<Industry, string>} none="None recorded" /></dd>
        <dt>Data categories</dt>
        <dd><Words items={p.dataCategories} labels={DATA_CATEGORY_LABELS as Record<DataCategory, string>} none="No personal data recorded" /></dd>
        <dt>System access</dt>
        <dd>{ACCESS_LEVEL_LABELS[p.accessLevel as AccessLevel] ?? p.accessLevel}</dd>
        <dt>Headquarters</dt>
        <dd>{countryName(p.country)}</dd>
        <dt>Website</dt>
        <dd>{p.website ? <a href={p.website} rel="noopener noreferrer nofollow" target="_blank">{p.website}</a> : <span className="muted">—</span>}</dd>
        <dt>Owner</dt>
        <dd>{vendor.owner ? `${vendor.owner.name} (${vendor.owner.email})` : <span className="muted">No owner</span>}</dd>
        <dt>Last updated</dt>
        <dd><InstantText at={vendor.updatedAt} now={now} /></dd>
      </dl>
    </section>
  );
}
