"use client";

// Shown for unexpected server errors. The reference (Next's digest) is in the
// server's structured log line for this error, next to the request id, so an
// operator can find the stack trace from a user's report; the trace itself
// never reaches the browser. It does not promise that nothing was saved: the
// error may have come after a change was committed.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>An unexpected error stopped this page. What you saved earlier is safe; if you were saving a change just now, reload to check whether it went through before trying again.</p>
        {error.digest ? <p className="muted">Reference: <code>{error.digest}</code> (quote it when you report this)</p> : null}
        <button type="button" className="btn" onClick={reset}>Try again</button>
      </div>
    </main>
  );
}
