import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Not found</h1>
        <p>That page or record does not exist, or it was removed.</p>
        <Link href="/" className="btn">Back to Assay</Link>
      </div>
    </main>
  );
}
