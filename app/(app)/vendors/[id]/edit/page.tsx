import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VendorForm } from "@/components/vendors/vendor-form";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { getVendor } from "@/lib/server/services/vendors";
import { listAssignableUsers } from "@/lib/server/services/users";
import type { VendorFieldsInput } from "@/lib/schemas/vendor";
import { updateVendorAction } from "../../actions";

export const metadata: Metadata = { title: "Edit vendor" };

export default async function EditVendorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("vendor.update");
  const { id } = await params;
  const vendor = await getVendor({ actor, id }).catch((e) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const owners = await listAssignableUsers({ actor });
  const initial = {
    name: vendor.name,
    legalName: vendor.legalName,
    website: vendor.website ?? "",
    country: vendor.country,
    services: vendor.services,
    industries: vendor.industries,
    dataCategories: vendor.dataCategories,
    accessLevel: vendor.accessLevel,
    status: vendor.status,
    ownerId: vendor.ownerId ?? "",
  } as VendorFieldsInput;
  return (
    <>
      <div className="page-header"><h1>Edit {vendor.name}</h1></div>
      <div className="card">
        <VendorForm initial={initial} owners={owners} existing={{ id: vendor.id, version: vendor.version }} submit={updateVendorAction} />
      </div>
    </>
  );
}
