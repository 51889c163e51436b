// README.txt for an audit pack: how an auditor verifies it with nothing but
// openssl and sha256sum. The commands are exported so the integration test
// runs exactly these strings against a real pack (tests/integration/pack).
import { MANIFEST_PATH, MANIFEST_SIG_PATH, PUBLIC_KEY_PATH, SUMS_PATH, SUMS_SIG_PATH } from "./manifest";

/** Each command exits 0 on success and non-zero on failure. Run from the unzipped pack's folder. */
export const PACK_VERIFY_COMMANDS = {
  fingerprint: `openssl pkey -pubin -in ${PUBLIC_KEY_PATH} -outform DER | sha256sum`,
  verifySums: `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_PATH} -rawin -in ${SUMS_PATH} -sigfile ${SUMS_SIG_PATH}`,
  verifyManifest: `openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY_PATH} -rawin -in ${MANIFEST_PATH} -sigfile ${MANIFEST_SIG_PATH}`,
  checkFiles: `sha256sum -c --strict ${SUMS_PATH}`,
  checkFilesMac: `shasum -a 256 -c ${SUMS_PATH}`,
} as const;

export interface PackReadmeInput {
  vendorName: string;
  vendorId: string;
  generatedAt: string;
  appVersion: string;
  keyFingerprint: string;
}

export function renderPackReadme(input: PackReadmeInput): string {
  const c = PACK_VERIFY_COMMANDS;
  return `AUDIT PACK: ${oneLine(input.vendorName)} (vendor ${oneLine(input.vendorId)})
Generated ${oneLine(input.generatedAt)} by Assay ${oneLine(input.appVersion)}.

This archive is signed. You can check that no file was changed, added to the
list or removed since it was generated, using only OpenSSL 3.0 or later and
sha256sum (GNU coreutils). Unzip it, open a terminal in the unzipped folder,
and run the three steps below.

WHAT IS IN HERE
  ${MANIFEST_PATH}       who generated the pack and when, the approved assessment,
                      the audit log's chain head, and every file's size and SHA-256
  ${SUMS_PATH}         the same SHA-256 list (plus manifest.json) for sha256sum -c
  *.sig               Ed25519 signatures over ${MANIFEST_PATH} and ${SUMS_PATH}
  ${PUBLIC_KEY_PATH} the public key the signatures were made with
  assessments/, evidence/<kind>/, clause review, transfer matrix, dossier,
  and the vendor's audit events (CSV and JSONL).

STEP 1: TRUST THE KEY
  The key inside the pack proves nothing on its own: anyone can sign with
  their own key. Either use the organisation's public key that you received
  separately (put its path in place of ${PUBLIC_KEY_PATH} in step 2), or
  check that the included key's fingerprint is the one the organisation
  published:

    ${c.fingerprint}

  This pack was signed by the key with fingerprint
    ${input.keyFingerprint}

STEP 2: CHECK THE SIGNATURES
    ${c.verifySums}
    ${c.verifyManifest}

  Each must print "Signature Verified Successfully". "Signature Verification
  Failure" means the file was changed after signing.

STEP 3: CHECK EVERY FILE
    ${c.checkFiles}

  Every line must end in "OK" (on macOS: ${c.checkFilesMac}).
  ${SUMS_PATH} also lists ${MANIFEST_PATH}, so steps 2 and 3 together cover
  every byte. sha256sum does not report files that are NOT listed: anything
  in the folder that is missing from ${SUMS_PATH} is not part of the pack.

IF YOUR OPENSSL IS OLDER
  "openssl version" must say 3.0 or later: OpenSSL 1.1.1 cannot verify an
  Ed25519 signature from the command line (no -rawin), and the LibreSSL that
  macOS ships may not either. Install OpenSSL 3 (e.g. "brew install openssl@3"
  on macOS) or ask the organisation to run "verify-pack <file.zip> --key
  <public.pem>", which checks the signatures, every hash and any extra or
  missing file in one go.

THE AUDIT LOG
  Each row of the audit events files carries prevHash and hash. hash is
  SHA-256 over the canonical JSON of the row's fields plus prevHash, and
  ${MANIFEST_PATH} records the head of the whole audit chain at generation time,
  so a later pack or database check can show whether history was rewritten.
`;
}

// User-entered text (a vendor name) must not be able to add lines, e.g. fake
// "instructions", to a document an auditor trusts because it is signed.
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").slice(0, 200);
}
