/**
 * Shown by a list that filters on stored vendor summaries while some are
 * still being recomputed after the response: the list may lag for a minute,
 * the vendor's own page never does.
 */
export function SummariesPendingNotice({ pending, what, alwaysCurrent, list }: { pending: number; what: string; alwaysCurrent: string; list: string }) {
  if (pending === 0) return null;
  return (
    <div className="alert alert-info" role="status">
      {what} of {pending} {pending === 1 ? "vendor" : "vendors"} are being brought up to date with today&rsquo;s date and the current settings.{" "}
      {alwaysCurrent} is always current; reload this {list} in a minute.
    </div>
  );
}
