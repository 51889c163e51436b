"use client";

// Shown for unexpected server errors. The digest lets an admin find the logged
// stack trace; the trace itself never reaches the browser.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="auth-page">
      <div className="card auth-card" role="alert">
        <h1>Something went wrong</h1>
        <p>An unexpected error stopped this page. Nothing you saved was lost.</p>
        {error.digest ? <p className="muted">Reference: <code>{error.digest}</code></p> : null}
        <button type="button" className="btn" onClick={reset}>Try again</button>
      </div>
    </main>
  );
}
