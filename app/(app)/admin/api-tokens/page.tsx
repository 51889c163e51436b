import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiTokenForm } from "@/components/api/create-api-token-form";
import { RevokeApiTokenButton } from "@/components/api/revoke-api-token-button";
import { InstantText } from "@/components/ui/relative-date";
import { requirePageActor } from "@/lib/server/auth";
import { listApiTokens } from "@/lib/server/services/api-tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const actor = await requirePageActor("apitoken.manage");
  const tokens = await listApiTokens({ actor });
  const now = new Date();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API tokens</h1>
          <p className="muted">
            Credentials for other systems to use the <Link href="/api-docs">REST API</Link>. A token acts with its own role, checked on every call as a
            user&apos;s would be; revoking it takes effect on the next request.
          </p>
        </div>
      </div>
      {/* A focusable region, so a keyboard can scroll the table sideways on a phone. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="API tokens">
        <table className="data">
          <caption className="sr-only">API tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Role</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={8} className="muted">No API tokens yet.</td>
              </tr>
            ) : (
              tokens.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt <= now;
                return (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td><code>{t.prefix}…</code></td>
                    <td>{t.role}{t.permissions ? <span className="muted"> (only {t.permissions.join(", ")})</span> : null}</td>
                    <td><InstantText at={t.createdAt} now={now} /> <span className="muted">by {t.createdBy}</span></td>
                    <td>{t.expiresAt ? <InstantText at={t.expiresAt} now={now} /> : "Never"}</td>
                    <td>{t.lastUsedAt ? <InstantText at={t.lastUsedAt} now={now} /> : <span className="muted">Never</span>}</td>
                    <td>{t.revokedAt ? "Revoked" : expired ? "Expired" : "Active"}</td>
                    <td>{t.revokedAt ? null : <RevokeApiTokenButton id={t.id} name={t.name} revoke={revokeApiTokenAction} />}</td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
      <section className="card" data-spaced aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New API token</h2>
        <CreateApiTokenForm submit={createApiTokenAction} />
      </section>
    </>
  );
}
