import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PackSigningKey } from "@/components/audit/pack-signing-key";
import { packSigningKeySummary } from "@/lib/server/signing/pack-key-summary";
import { requirePageActor } from "@/lib/server/auth";
import { OrganisationForm } from "@/components/settings/organisation-form";
import { getOrganisationForEdit } from "@/lib/server/services/organisation";
import { getSettingsForEdit } from "@/lib/server/services/settings";
import { updateSettingsAction } from "./actions";
import { removeOrganisationLogoAction, updateOrganisationNameAction, uploadOrganisationLogoAction } from "./organisation-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("settings.manage");
  const [{ settings, version }, organisation] = await Promise.all([getSettingsForEdit({ actor }), getOrganisationForEdit({ actor })]);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            The organisation&apos;s scoring weights, caps, rating bands and every threshold the findings use. Every change is recorded in the audit log with the
            values before and after. See docs/scoring.md for how the score uses them.
          </p>
        </div>
      </div>
      <OrganisationForm name={organisation.name} logo={organisation.logo} saveName={updateOrganisationNameAction} uploadLogo={uploadOrganisationLogoAction} removeLogo={removeOrganisationLogoAction} />
      <SettingsForm initial={settings} version={version} save={updateSettingsAction} />
      <PackSigningKey {...await packSigningKeySummary()} />
    </>
  );
}
