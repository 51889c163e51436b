import { getPackKey } from "@/lib/server/signing/pack-key";
import { PUBLIC_KEY_WELL_KNOWN_PATH } from "@/lib/server/signing/public-key-path";

/**
 * The audit-pack signing key's public half: what an auditor needs, obtained
 * apart from the pack itself, to trust a pack (verify-pack --key, or the
 * openssl steps in the pack's README.txt).
 */
export function PackSigningKey({ fingerprint, source }: { fingerprint: string; source: string }) {
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
        <a className="btn" href={PUBLIC_KEY_WELL_KNOWN_PATH} download="assay-pack-signing-key.pem">Download public key (PEM)</a>{" "}
        <span className="muted">Also published at <code>{PUBLIC_KEY_WELL_KNOWN_PATH}</code>.</span>
      </p>
    </section>
  );
}

export function describeKeySource(source: string): string {
  switch (source) {
    case "env:ASSAY_SIGNING_KEY_PEM":
      return "ASSAY_SIGNING_KEY_PEM environment variable";
    case "env:ASSAY_SIGNING_KEY_FILE":
      return "file named by ASSAY_SIGNING_KEY_FILE";
    default:
      return "generated into the data directory (keys/, mode 0600)";
  }
}

/** The card, loading the process's key itself (for pages that only need to show it). */
export async function PackSigningKeyCard() {
  const key = await getPackKey();
  return <PackSigningKey fingerprint={key.fingerprint()} source={describeKeySource(key.source)} />;
}
