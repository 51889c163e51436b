"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { UploadProgress, useProgressUpload } from "@/components/ui/progress-upload";
import { IMPORT_KIND_LABELS, IMPORT_MAX_BYTES, type ImportKind } from "@/lib/schemas/spreadsheet-import";
import { ClientForm } from "@/components/ui/client-form";

type UploadResponse = { ok: true; import: { id: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Uploads a CSV or XLSX for preview (docs/import-export.md): the file is the
 * raw request body, so the browser reports upload progress (progress-upload.tsx); then the server
 * reads and validates every row ("Checking rows…") and the page shows the
 * stored preview. Problems with the file itself are shown next to the file input.
 */
export function ImportUploadForm({ kinds, initialKind }: { kinds: readonly ImportKind[]; initialKind: ImportKind }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useProgressUpload<UploadResponse>();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setFileError("Choose a CSV or XLSX file.");
    if (file.size > IMPORT_MAX_BYTES) return setFileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into several imports.`);
    setFileError(null);
    const outcome = await upload.send({ url: `/api/imports?${new URLSearchParams({ kind })}`, headers: { "X-File-Name": encodeURIComponent(file.name) }, body: file });
    if (outcome.kind !== "response") return setFileError("The connection was lost during the upload. Nothing was imported.");
    const body = outcome.body;
    if (outcome.status >= 200 && outcome.status < 300 && body?.ok) {
      // The form stays on the page under the preview, ready for the corrected file.
      if (fileRef.current) fileRef.current.value = "";
      router.push(`/vendors/import?${new URLSearchParams({ id: body.import.id })}`);
      return;
    }
    setFileError(body && !body.ok ? (body.fieldErrors?.file ?? body.fieldErrors?.kind ?? body.error) : `The upload failed (HTTP ${outcome.status}). Nothing was imported.`);
  }

  const busy = upload.stage !== "idle";
  return (
    <ClientForm className="stack upload-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Upload a file</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>The file holds</label>
        <select id={`${id}-kind`} name="kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} disabled={busy}>
          {kinds.map((k) => <option key={k} value={k}>{IMPORT_KIND_LABELS[k]}</option>)}
        </select>
        <span className="hint">
          Template: <a href={`/api/imports/template?kind=${kind}&format=csv`} download>CSV</a> · <a href={`/api/imports/template?kind=${kind}&format=xlsx`} download>XLSX</a>
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>File</label>
        <span id={`${id}-file-hint`} className="hint">CSV (comma or semicolon, UTF-8) or Excel .xlsx, up to {IMPORT_MAX_BYTES / 1024 / 1024} MB. Nothing is imported until you confirm the preview.</span>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[`${id}-file-hint`, fileError ? `${id}-file-error` : null].filter(Boolean).join(" ")}
          onChange={() => setFileError(null)}
          disabled={busy}
        />
        {fileError ? <span id={`${id}-file-error`} className="error" role="alert">{fileError}</span> : null}
      </div>
      <UploadProgress id={`${id}-progress`} stage={upload.stage} progress={upload.progress} processingLabel="Checking every row…" />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? "Working…" : "Upload and preview"}</button>
      </div>
    </ClientForm>
  );
}
