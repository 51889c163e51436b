"use client";

import { useEffect, useState } from "react";
import { formatBytes } from "@/components/dossier/format-bytes";
import type { PackJobView } from "@/lib/schemas/views/pack-job";

const POLL_MS = 1000;

/**
 * One bulk export: progress bars (vendors and evidence bytes) polled every
 * second from the job's JSON route while it runs, then the download link or
 * the reason it failed. The state lives in the database, so any instance
 * answers the poll.
 */
export function PackJobProgress({ initial }: { initial: PackJobView }) {
  const [job, setJob] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const active = job.status === "queued" || job.status === "running";

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/audit-packs/${encodeURIComponent(job.id)}`, { cache: "no-store" });
        const body = (await response.json()) as { ok: boolean; job?: PackJobView; error?: string };
        if (stopped) return;
        if (body.ok && body.job) {
          setJob(body.job);
          setPollError(null);
        } else {
          setPollError(body.error ?? `HTTP ${response.status}`);
        }
      } catch {
        if (!stopped) setPollError("Cannot reach the server; retrying.");
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, job.id]);

  const vendorsPct = job.vendorsTotal > 0 ? Math.round((job.vendorsDone / job.vendorsTotal) * 100) : 0;
  const bytesPct = job.bytesTotal > 0 ? Math.min(100, Math.round((job.bytesDone / job.bytesTotal) * 100)) : job.status === "done" ? 100 : 0;

  return (
    <div className="pack-job" data-testid="pack-job" data-status={job.status}>
      <div className="pack-job-head">
        <span className={`badge pack-status-${job.status}`}>{STATUS_LABELS[job.status]}</span>{" "}
        <span>{describeFilter(job.filter)}</span>{" "}
        <span className="muted small">({job.pdfs === "all" ? "all assessment versions" : "latest assessment"}; started by {job.createdBy}, {job.createdAt.replace("T", " ").slice(0, 19)} UTC)</span>
      </div>
      {job.status !== "failed" ? (
        <div className="pack-progress">
          <label>
            <span>Vendors {job.vendorsDone} of {job.vendorsTotal}</span>
            <progress max={100} value={vendorsPct} aria-label="Vendors done">{vendorsPct}%</progress>
          </label>
          <label>
            <span>Evidence {formatBytes(job.bytesDone)} of {formatBytes(job.bytesTotal)}</span>
            <progress max={100} value={bytesPct} aria-label="Evidence bytes done">{bytesPct}%</progress>
          </label>
        </div>
      ) : null}
      {job.status === "failed" ? <div className="alert alert-error" role="alert">Export failed: {job.error ?? "unknown reason"}. No archive was kept.</div> : null}
      {job.status === "done" && job.downloadUrl ? (
        <p>
          <a className="btn btn-primary" href={job.downloadUrl} download>Download archive</a>{" "}
          {job.sha256 ? <span className="muted small">SHA-256 <code className="sha">{job.sha256}</code></span> : null}
        </p>
      ) : null}
      {pollError ? <p className="muted small" role="status">{pollError}</p> : null}
    </div>
  );
}

const STATUS_LABELS: Record<PackJobView["status"], string> = { queued: "Queued", running: "Running", done: "Done", failed: "Failed" };

function describeFilter(filter: Record<string, unknown>): string {
  const parts = Object.entries(filter).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? parts.join(", ") : "All vendors";
}
