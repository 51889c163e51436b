import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TierBadge } from "@/components/ui/badge";
import { RelativeDate } from "@/components/ui/relative-date";
import { countryName } from "@/lib/domain/reference/countries";
import { INDUSTRY_LABELS, SERVICE_LABELS, type Industry, type Service } from "@/lib/domain/vocabulary";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import { getVendor } from "@/lib/server/services/vendors";

export const metadata: Metadata = { title: "Vendor" };

const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

export default async function VendorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("vendor.read");
  const { id } = await params;
  const vendor = await getVendor({ actor, id }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <div className="page-header">
        <div>
          <p className="muted"><Link href="/vendors">Vendors</Link> /</p>
          <h1>{vendor.name} <TierBadge tier={vendor.tier} /></h1>
          <p className="muted">{vendor.legalName}</p>
        </div>
        {can(actor.role, "vendor.update") ? (
          <Link className="btn" href={`/vendors/${vendor.id}/edit`}>Edit profile</Link>
        ) : null}
      </div>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="facts">
          <dt>Website</dt>
          <dd>{vendor.website ? <a href={vendor.website} rel="noopener noreferrer nofollow" target="_blank">{vendor.website}</a> : "—"}</dd>
          <dt>Headquarters</dt>
          <dd>{countryName(vendor.country)}</dd>
          <dt>Services</dt>
          <dd>{list(vendor.services).map((s) => SERVICE_LABELS[s as Service] ?? s).join(", ") || "—"}</dd>
          <dt>Industries</dt>
          <dd>{list(vendor.industries).map((i) => INDUSTRY_LABELS[i as Industry] ?? i).join(", ") || "—"}</dd>
          <dt>Status</dt>
          <dd>{vendor.status}</dd>
          <dt>Owner</dt>
          <dd>{vendor.owner ? vendor.owner.name : "No owner"}</dd>
          <dt>Last updated</dt>
          <dd><RelativeDate date={vendor.updatedAt} /></dd>
        </dl>
      </section>
    </>
  );
}
