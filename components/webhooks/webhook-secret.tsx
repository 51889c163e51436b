/** The signing secret, shown once after it is made; Assay keeps it only encrypted and never shows it again. */
export function WebhookSecret({ secret }: { secret: string }) {
  return (
    <div className="callout" role="region" aria-label="The signing secret">
      <p>
        <strong>Copy this signing secret now</strong> into the receiving system: it is shown only once. Receivers check each delivery&apos;s
        <code> Assay-Signature</code> header with it (see the verification recipe in the documentation).
      </p>
      <code className="secret" data-testid="webhook-secret">{secret}</code>
    </div>
  );
}
