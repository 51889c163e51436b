import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { ImportCommitButton } from "@/components/imports/import-commit-button";
import { ImportUploadForm } from "@/components/imports/import-upload-form";
import { firstValues, linkParams } from "@/lib/schemas/search-params";
import { IMPORT_COLUMNS, IMPORT_KINDS, IMPORT_KIND_LABELS, importKindSchema, importPreviewQuerySchema } from "@/lib/schemas/spreadsheet-import";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { canImport, getImportPreview } from "@/lib/server/services/spreadsheet-import";
import { commitImportAction } from "./actions";

export const metadata: Metadata = { title: "Import vendors and evidence" };

const ACTION_LABELS = { create: "New", update: "Update", error: "Error" } as const;


async function loadPreview(actor: Parameters<typeof getImportPreview>[0]["actor"], importId: string, query: unknown) {
  try {
    return await getImportPreview({ actor, importId, query });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = firstValues(await searchParams);
  const actor = await requirePageActor("vendor.read");
  const kinds = IMPORT_KINDS.filter((k) => canImport(actor, k));
  const importId = raw.id?.slice(0, 64);
  const query = importPreviewQuerySchema.parse(raw);
  const preview = importId ? await loadPreview(actor, importId, query) : null;
  // Every role may open the page (and read the columns); the upload form lists only the types this role may import.
  if (kinds.length === 0) {
    return (
      <>
        <h1>Import vendors and evidence</h1>
        <div className="alert alert-info" role="status">Your role cannot import. Procurement imports vendors, sites and insurance; security imports SOC 2 reports and ISO certificates.</div>
      </>
    );
  }
  const initialKind = importKindSchema.safeParse(raw.kind).data ?? preview?.import.kind ?? kinds[0]!;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Import vendors and evidence</h1>
          <p className="muted">Upload a CSV or Excel file, check the preview, then import. A file with any error imports nothing.</p>
        </div>
        <Link className="btn" href="/vendors">Back to vendors</Link>
      </div>

      {importId && !preview ? <div className="alert alert-error" role="alert">This preview is not available. Upload the file again.</div> : null}

      {preview ? (
        <section className="card stack" aria-labelledby="preview-title">
          <h2 id="preview-title">Preview: {preview.import.fileName} ({IMPORT_KIND_LABELS[preview.import.kind]})</h2>
          <p data-testid="import-summary">
            {preview.import.rowCount} rows: {preview.import.createCount} new, {preview.import.updateCount} to update, {preview.import.errorCount} with errors.
          </p>
          {preview.import.status === "committed" ? (
            <div className="alert alert-ok" role="status">
              Imported {preview.import.createCount + preview.import.updateCount} rows. <Link href="/vendors">View vendors</Link>
            </div>
          ) : preview.import.errorCount > 0 ? (
            <div className="alert alert-error" role="alert">
              {preview.import.errorCount} {preview.import.errorCount === 1 ? "row has an error" : "rows have errors"}. Nothing will be imported: fix them in your file and upload it again.{" "}
              {query.errors ? <Link href={`/vendors/import?id=${preview.import.id}`}>Show all rows</Link> : <Link href={`/vendors/import?id=${preview.import.id}&errors=1`}>Show only rows with errors</Link>}
            </div>
          ) : (
            <ImportCommitButton importId={preview.import.id} rows={preview.import.rowCount} commit={commitImportAction} />
          )}
          <DataTable columns={["Row", "Action", "Record", "Problems"]} rows={preview.rows} aria-label="Rows of the file" testId="import-preview">
            {(row) => (
              <tr key={row.rowNumber} data-row={row.rowNumber} className={row.action === "error" ? "row-error" : undefined}>
                <th scope="row">{row.rowNumber}</th>
                <td>{ACTION_LABELS[row.action]}</td>
                <td>{row.label}</td>
                <td>
                  {row.errors.length === 0 ? "—" : (
                    <ul className="row-errors">
                      {row.errors.map((e, i) => (
                        <li key={i} className="error">Row {row.rowNumber}{e.column ? <>, column <code>{e.column}</code></> : null}: {e.message}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            )}
          </DataTable>
          <Pagination page={preview.page} pageSize={preview.pageSize} total={preview.total} params={linkParams({ id: preview.import.id, errors: query.errors, pageSize: query.pageSize })} basePath="/vendors/import" />
        </section>
      ) : null}

      <section className="card">
        <ImportUploadForm kinds={kinds} initialKind={kinds.includes(initialKind) ? initialKind : kinds[0]!} />
      </section>

      <section className="card stack" aria-labelledby="columns-title">
        <h2 id="columns-title">Columns</h2>
        <p className="muted">The first row names the columns (any order). Dates are YYYY-MM-DD or Excel dates; lists are separated by semicolons; text may not start with = + - or @.</p>
        {kinds.map((k) => (
          <details key={k}>
            <summary>{IMPORT_KIND_LABELS[k]}</summary>
            <DataTable columns={["Column", "Required", "Example", "Meaning"]} rows={IMPORT_COLUMNS[k]} aria-label={`${IMPORT_KIND_LABELS[k]} columns`}>
              {(c) => (
                <tr key={c.column}>
                  <th scope="row"><code>{c.column}</code></th>
                  <td>{c.required ? "yes" : "no"}</td>
                  <td>{c.example}</td>
                  <td>{c.help}</td>
                </tr>
              )}
            </DataTable>
          </details>
        ))}
      </section>
    </>
  );
}
