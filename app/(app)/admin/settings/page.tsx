import type { Metadata } from "next";
import { SettingsForm } from "@/components/settings/settings-form";
import { PackSigningKeyCard } from "@/components/audit/pack-signing-key";
import { requirePageActor } from "@/lib/server/auth";
import { getSettingsForEdit } from "@/lib/server/services/settings";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageActor("settings.manage");
  const { settings, version } = await getSettingsForEdit({ actor });
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
      <SettingsForm initial={settings} version={version} save={updateSettingsAction} />
      <PackSigningKeyCard />
    </>
  );
}
