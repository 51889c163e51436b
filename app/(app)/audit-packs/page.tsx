import type { Metadata } from "next";
import { PackJobForm } from "@/components/audit/pack-job-form";
import { PackJobProgress } from "@/components/audit/pack-job-progress";
import { requirePageActor } from "@/lib/server/auth";
import { listPackJobs } from "@/lib/server/services/pack-jobs";
import { startPackJobAction } from "./actions";

export const metadata: Metadata = { title: "Audit packs" };
export const dynamic = "force-dynamic";

/** Bulk audit-pack exports: choose vendors, start a background job, watch it, download the archive. */
export default async function AuditPacksPage() {
  const actor = await requirePageActor("pack.export");
  const jobs = await listPackJobs({ actor });
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit packs</h1>
          <p className="muted">
            Export the signed audit packs of many vendors at once, e.g. every Critical vendor. The export runs in the
            background; the archive holds one complete, independently verifiable pack per vendor.
          </p>
        </div>
      </div>
      <PackJobForm start={startPackJobAction} />
      <h2>Exports</h2>
      {jobs.length === 0 ? (
        <div className="card empty"><p>No exports yet.</p></div>
      ) : (
        <div className="pack-jobs">
          {jobs.map((job) => <PackJobProgress key={`${job.id}-${job.status}`} initial={job} />)}
        </div>
      )}
    </>
  );
}
