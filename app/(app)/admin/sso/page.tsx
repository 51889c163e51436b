import type { Metadata } from "next";
import { SsoConfigForm } from "@/components/settings/sso-config-form";
import { requirePageActor } from "@/lib/server/auth";
import { getSsoConfig } from "@/lib/server/services/sso-config";
import { ssoCallbackUrl } from "@/lib/server/sso/oidc-client";
import { saveSsoConfigAction } from "./actions";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  const actor = await requirePageActor("settings.manage");
  const config = await getSsoConfig({ actor });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Single sign-on</h1>
          <p className="muted">
            Let people sign in through your OpenID Connect provider. Their Assay role comes from a claim the provider sends, at every sign-in.
            Register this redirect URI with the provider: <code>{ssoCallbackUrl()}</code>
          </p>
        </div>
      </div>
      <section className="card">
        <SsoConfigForm config={config} save={saveSsoConfigAction} />
      </section>
    </>
  );
}
