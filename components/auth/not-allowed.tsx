import Link from "next/link";

/** What a signed-in user sees on a page their role may not open (answered 403, at the page's own address). */
export function NotAllowed() {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Not allowed</h1>
        <p>Your role does not have access to that page. Ask an admin if you need it.</p>
        <Link href="/" className="btn">Back to Assay</Link>
      </div>
    </main>
  );
}
