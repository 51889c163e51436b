/**
 * "Export audit pack" on the vendor page (security and admin only; the route
 * checks pack.export again). A plain GET form: the browser downloads the
 * streamed ZIP straight to disk, however large, with no script involved.
 */
export function ExportPackControl({ vendorId }: { vendorId: string }) {
  return (
    <details className="export-pack" data-testid="export-pack">
      <summary className="btn">Export audit pack</summary>
      <form method="get" action={`/api/vendors/${encodeURIComponent(vendorId)}/audit-pack`} className="export-pack-form">
        <fieldset className="field">
          <legend>Assessment PDFs</legend>
          <label className="field-check">
            <input type="radio" name="pdfs" value="latest" defaultChecked /> Latest assessment only
          </label>
          <label className="field-check">
            <input type="radio" name="pdfs" value="all" /> All assessment versions
          </label>
        </fieldset>
        <p className="muted small">
          A signed ZIP with every evidence file, the clause review, transfer matrix, dossier and this vendor&apos;s audit
          events. Verify it with <code>verify-pack</code> or the steps in its README.txt.
        </p>
        <button type="submit" className="btn btn-primary">Download pack</button>
      </form>
    </details>
  );
}
