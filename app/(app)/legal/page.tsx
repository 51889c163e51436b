import type { Metadata } from "next";
import { LegalQueueTable } from "@/components/legal/legal-queue-table";
import { requirePageActor } from "@/lib/server/auth";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import "@/components/legal/legal.css";

export const metadata: Metadata = { title: "Legal queue" };

/** Legal's landing page: vendors whose legal review is missing, outdated or blocked. */
export default async function LegalQueuePage() {
  const actor = await requirePageActor("legal.manage");
  const now = new Date();
  const rows = await listLegalQueue({ actor, now });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Legal queue</h1>
          <p className="muted">
            {rows.length} {rows.length === 1 ? "vendor needs" : "vendors need"} legal&apos;s attention: legal blockers first, then reviews changed since their sign-off, then reviews never signed off. Offboarded vendors are not listed.
          </p>
        </div>
      </div>
      <LegalQueueTable rows={rows} now={now} />
    </>
  );
}
