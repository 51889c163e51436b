"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { UploadProgress, useProgressUpload } from "@/components/ui/progress-upload";
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS } from "@/lib/domain/dossier-vocabulary";
import { evidenceUploadInputSchema } from "@/lib/schemas/dossier";
import { uploadHeaders } from "./upload-digest";
import { formatBytes } from "./format-bytes";
import { unknownUploadOutcome } from "./upload-outcome";
import { ClientForm } from "@/components/ui/client-form";

type Input = z.input<typeof evidenceUploadInputSchema>;
type Output = z.output<typeof evidenceUploadInputSchema>;

interface UploadedDocument {
  id: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  duplicate: boolean;
  duplicateOf?: { id: string; fileName: string } | null;
}

type UploadResponse = { ok: true; document: UploadedDocument } | { ok: false; error: string; fieldErrors?: Record<string, string> };

const ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt";

/**
 * Uploads one evidence file as the raw request body (the route streams it to
 * the store and decides the type from the bytes), with a progress bar
 * (progress-upload.tsx). The
 * server's verdict on the file is shown next to the file input.
 */
export function EvidenceUploadForm({ vendorId, maxBytes }: { vendorId: string; maxBytes: number }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [hashing, setHashing] = useState(false);
  const transfer = useProgressUpload<UploadResponse>();
  const uploading = hashing || transfer.stage !== "idle";
  const [done, setDone] = useState<UploadedDocument | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(evidenceUploadInputSchema),
    defaultValues: { kind: "" as Input["kind"], effectiveDate: "", title: "" },
  });
  const { errors } = form.formState;

  function checkFile(): File | null {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError("Choose a file to upload.");
      return null;
    }
    if (file.size === 0) {
      setFileError("The file is empty.");
      return null;
    }
    if (file.size > maxBytes) {
      setFileError(`The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`);
      return null;
    }
    setFileError(null);
    return file;
  }

  async function upload(meta: Output) {
    const file = checkFile();
    if (!file) {
      fileRef.current?.focus();
      return;
    }
    setFormError(null);
    setDone(null);
    setHashing(true);
    const query = new URLSearchParams({ kind: meta.kind, effectiveDate: meta.effectiveDate, ...(meta.title ? { title: meta.title } : {}) });
    let headers: Record<string, string>;
    try {
      headers = await uploadHeaders(file);
    } catch {
      setFileError("The file could not be read. Choose it again.");
      return;
    } finally {
      setHashing(false);
    }
    const outcome = await transfer.send({ url: `/api/vendors/${encodeURIComponent(vendorId)}/evidence?${query}`, headers, body: file });
    if (outcome.kind === "network") return setFileError(unknownUploadOutcome("The connection was lost during the upload."));
    if (outcome.kind === "aborted") return setFormError(unknownUploadOutcome("Upload cancelled."));
    const body = outcome.body;
    if (outcome.status >= 200 && outcome.status < 300 && body?.ok) {
      setDone(body.document);
      if (fileRef.current) fileRef.current.value = "";
      form.reset({ kind: meta.kind, effectiveDate: "", title: "" });
      router.refresh();
      return;
    }
    if (body && !body.ok) {
      const { file: fileMessage, ...rest } = body.fieldErrors ?? {};
      for (const [name, message] of Object.entries(rest)) {
        if (name === "kind" || name === "effectiveDate" || name === "title") form.setError(name, { type: "server", message });
      }
      const placed = Object.keys(rest).some((n) => n === "kind" || n === "effectiveDate" || n === "title");
      // File problems (type, size, name) belong next to the file input.
      if (fileMessage || !placed) setFileError(fileMessage ?? body.error);
      else setFormError(body.error);
      return;
    }
    setFileError(
      outcome.status === 413
        ? `The file is too large; the limit is ${formatBytes(maxBytes)}.`
        : unknownUploadOutcome(`The upload failed (HTTP ${outcome.status}).`),
    );
  }

  const fileDescribedBy = [`${id}-file-hint`, fileError ? `${id}-file-error` : null].filter(Boolean).join(" ");
  return (
    <ClientForm
      className="stack upload-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => form.handleSubmit(upload, () => checkFile())(e)}
    >
      <h2 id={`${id}-title`}>Upload evidence</h2>
      {formError ? <div className="alert alert-error" role="alert">{formError}</div> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>File</label>
        <span id={`${id}-file-hint`} className="hint">PDF, DOCX, XLSX, PNG, JPEG or TXT, up to {formatBytes(maxBytes)}. The type is checked from the content, not the name.</span>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileDescribedBy}
          onChange={() => {
            setFileError(null);
            setDone(null);
          }}
        />
        {fileError ? <span id={`${id}-file-error`} className="error" role="alert">{fileError}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind of document</label>
        <select id={`${id}-kind`} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? `${id}-kind-error` : undefined} {...form.register("kind")}>
          <option value="">Choose a kind</option>
          {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{EVIDENCE_KIND_LABELS[k]}</option>)}
        </select>
        {errors.kind ? <span id={`${id}-kind-error`} className="error">{errors.kind.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Effective date</label>
        <span id={`${id}-date-hint`} className="hint">The day the document takes effect (report date, certificate issue, policy approval), not today&apos;s upload date.</span>
        <input id={`${id}-date`} type="date" aria-invalid={errors.effectiveDate ? true : undefined} aria-describedby={[`${id}-date-hint`, errors.effectiveDate ? `${id}-date-error` : null].filter(Boolean).join(" ")} {...form.register("effectiveDate")} />
        {errors.effectiveDate ? <span id={`${id}-date-error`} className="error">{errors.effectiveDate.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-doc-title`}>Title <span className="optional">(optional)</span></label>
        <input id={`${id}-doc-title`} type="text" aria-invalid={errors.title ? true : undefined} aria-describedby={errors.title ? `${id}-doc-title-error` : undefined} {...form.register("title")} />
        {errors.title ? <span id={`${id}-doc-title-error`} className="error">{errors.title.message}</span> : null}
      </div>
      <UploadProgress id={`${id}-progress`} stage={transfer.stage} progress={transfer.progress} processingLabel="Checking and storing…" statusRegion={false} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={uploading}>{uploading ? "Uploading…" : "Upload"}</button>
        {uploading ? <button type="button" className="btn" onClick={transfer.abort}>Cancel upload</button> : null}
      </div>
      <div role="status" aria-live="polite">
        {done ? (
          <div className={`alert ${done.duplicate ? "alert-info" : "alert-ok"}`}>
            {done.duplicate ? (
              <p>
                <strong>Same file already uploaded.</strong> The bytes are identical to{" "}
                {done.duplicateOf ? <>&ldquo;{done.duplicateOf.fileName}&rdquo;</> : "a file already on record"} (same SHA-256). It was recorded again as{" "}
                &ldquo;{done.fileName}&rdquo;.
              </p>
            ) : (
              <p>Uploaded &ldquo;{done.fileName}&rdquo; ({formatBytes(done.sizeBytes)}).</p>
            )}
            <p className="mono">SHA-256 {done.sha256}</p>
          </div>
        ) : null}
      </div>
    </ClientForm>
  );
}
