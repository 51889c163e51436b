import type { PackSigningKeySummary } from "@/lib/schemas/views/pack-job";

/**
 * The audit-pack signing key's public half: what an auditor needs, obtained
 * apart from the pack itself, to trust a pack (verify-pack --key, or the
 * openssl steps in the pack's README.txt). The page loads the key
 * (packSigningKeySummary) and passes it in.
 */
export function PackSigningKey({ fingerprint, source, publicKeyPath }: PackSigningKeySummary) {
  return (
    <section className="card" data-spaced aria-labelledby="pack-key-heading" data-testid="pack-signing-key">
      <h2 id="pack-key-heading">Audit pack signing key</h2>
      <p className="muted">
        Every audit pack&apos;s manifest is signed with this Ed25519 key. Give auditors the public key or its fingerprint
        through a channel other than the pack itself.
      </p>
      <dl className="facts">
        <dt>Fingerprint (SHA-256 of the DER public key)</dt>
        <dd><code className="sha" data-testid="pack-key-fingerprint">{fingerprint}</code></dd>
        <dt>Key source</dt>
        <dd>{source}</dd>
      </dl>
      <p>
        <a className="btn" href={publicKeyPath} download="assay-pack-signing-key.pem">Download public key (PEM)</a>{" "}
        <span className="muted">Also published at <code>{publicKeyPath}</code>.</span>
      </p>
    </section>
  );
}
