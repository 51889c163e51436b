// Named points in the upload's order of writes (see README.md in this folder).
// The crash tests start a child process with ASSAY_CRASH_AT=<point> and check
// that what a kill -9 at that point leaves behind is either nothing or a
// complete document once the sweeper has run. Inert unless that variable is
// set, and always in production.

export type CrashPoint =
  /** Some bytes are in a temp file (filesystem) or in chunk rows (database). */
  | "upload.staged"
  /** The blob is under its final name / its row is committed; no document row yet. */
  | "upload.blob-committed"
  /** The document row and its audit event are committed. */
  | "upload.document-committed";

export function crashPoint(point: CrashPoint): void {
  if (process.env.ASSAY_CRASH_AT !== point || process.env.NODE_ENV === "production") return;
  process.kill(process.pid, "SIGKILL");
}
