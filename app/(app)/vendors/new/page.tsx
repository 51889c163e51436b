import type { Metadata } from "next";
import { VendorForm } from "@/components/vendors/vendor-form";
import { requirePageActor } from "@/lib/server/auth";
import { listAssignableUsers } from "@/lib/server/services/users";
import { emptyVendorFields } from "@/lib/schemas/vendor";
import { createVendorAction } from "../actions";

export const metadata: Metadata = { title: "New vendor" };

export default async function NewVendorPage() {
  const actor = await requirePageActor("vendor.create");
  const owners = await listAssignableUsers({ actor });
  return (
    <>
      <div className="page-header"><h1>New vendor</h1></div>
      <div className="card">
        <VendorForm initial={{ ...emptyVendorFields, ownerId: actor.id }} owners={owners} submit={createVendorAction} />
      </div>
    </>
  );
}
