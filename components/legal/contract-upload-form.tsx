"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { evidenceUploadInputSchema } from "@/lib/schemas/dossier";
import { uploadHeaders } from "@/components/dossier/upload-digest";
import { unknownUploadOutcome } from "@/components/dossier/upload-outcome";
import { runClauseFinderAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { clauseFinderHref } from "./legal-links";
import { ClientForm } from "@/components/ui/client-form";

type Input = z.input<typeof evidenceUploadInputSchema>;
type Output = z.output<typeof evidenceUploadInputSchema>;

type UploadResponse =
  | { ok: true; document: { id: string; fileName: string; duplicate: boolean; duplicateOf: { id: string; fileName: string; kind?: string } | null } }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Uploads a contract (PDF, DOCX, HTML, TXT or Markdown) as evidence of kind
 * "contract" through the evidence route, which checks the type from the bytes,
 * stores them under their SHA-256 and audits the upload. The clause finder
 * then reads it straight away and its review opens; if it cannot read the
 * file, the upload stands and the form says why.
 */
export function ContractUploadForm({ vendorId }: { vendorId: string }) {
  const router = useRouter();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [finderError, setFinderError] = useState<string | null>(null);
  /** The contract file this one repeats, byte for byte: its suggestions are already there to review. */
  const [repeats, setRepeats] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(evidenceUploadInputSchema),
    defaultValues: { kind: "contract", effectiveDate: "", title: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function upload(meta: Output) {
    setDone(null);
    setFinderError(null);
    setRepeats(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError("Choose the contract file.");
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    const query = new URLSearchParams({ kind: "contract", effectiveDate: meta.effectiveDate, ...(meta.title ? { title: meta.title } : {}) });
    let body: UploadResponse | null = null;
    try {
      const response = await fetch(`/api/vendors/${encodeURIComponent(vendorId)}/evidence?${query}`, {
        method: "POST",
        headers: await uploadHeaders(file),
        body: file,
      });
      body = (await response.json().catch(() => null)) as UploadResponse | null;
      if (!body) throw new Error(`HTTP ${response.status}`);
    } catch {
      setFileError(unknownUploadOutcome("The upload failed."));
      return;
    }
    if (!body.ok) {
      const { file: fileMessage, ...rest } = body.fieldErrors ?? {};
      for (const [name, message] of Object.entries(rest)) {
        if (name === "effectiveDate" || name === "title") form.setError(name, { type: "server", message });
      }
      setFileError(fileMessage ?? body.error);
      return;
    }
    if (fileRef.current) fileRef.current.value = "";
    form.reset({ kind: "contract", effectiveDate: "", title: "" });
    setDone(body.document.fileName);
    const earlier = body.document.duplicateOf;
    if (earlier?.kind === "contract") {
      // Reading it again would open a second set of suggestions for a contract already under review.
      setRepeats(earlier.fileName);
      router.refresh();
      return;
    }
    setReading(true);
    const run = await runClauseFinderAction({ vendorId, documentId: body.document.id });
    setReading(false);
    if (run.ok) {
      router.push(clauseFinderHref(vendorId, run.data.id));
      return;
    }
    setFinderError(run.error);
    router.refresh();
  }

  return (
    <ClientForm className="stack contract-upload" noValidate aria-label="Upload a contract" onSubmit={(e) => form.handleSubmit(upload)(e)}>
      <div className="field">
        <label htmlFor={`${id}-file`}>Contract file</label>
        <span id={`${id}-file-hint`} className="hint">PDF, DOCX, HTML, Markdown (.md) or TXT. The clause finder reads it once uploaded, if it is in English; an HTML file is kept as text and never shown as a page.</span>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[`${id}-file-hint`, fileError ? `${id}-file-error` : null].filter(Boolean).join(" ")}
          onChange={() => setFileError(null)}
        />
        {fileError ? <span id={`${id}-file-error`} className="error" role="alert">{fileError}</span> : null}
      </div>
      <input type="hidden" {...form.register("kind")} />
      <div className="field">
        <label htmlFor={`${id}-date`}>Effective date</label>
        <input id={`${id}-date`} type="date" aria-invalid={errors.effectiveDate ? true : undefined} aria-describedby={errors.effectiveDate ? `${id}-date-error` : undefined} {...form.register("effectiveDate")} />
        {errors.effectiveDate ? <span id={`${id}-date-error`} className="error">{errors.effectiveDate.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title <span className="optional">(optional)</span></label>
        <input id={`${id}-title`} type="text" aria-invalid={errors.title ? true : undefined} {...form.register("title")} />
        {errors.title ? <span className="error">{errors.title.message}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting || reading}>{isSubmitting ? (reading ? "Reading the contract…" : "Uploading…") : "Upload contract"}</button>
      </div>
      <div role="status" aria-live="polite">
        {done ? (
          repeats ? (
            <div className="alert alert-info">
              &ldquo;{done}&rdquo; is the same file as the contract &ldquo;{repeats}&rdquo; uploaded before (same SHA-256), so the clause finder did not read it again: its suggestions are under that file in the contract files above.
            </div>
          ) : (
            <div className={finderError ? "alert alert-error" : "alert alert-ok"}>
              Uploaded &ldquo;{done}&rdquo;.{" "}
              {reading ? "The clause finder is reading it…" : finderError ? `The clause finder could not read it: ${finderError}` : "Opening the clause finder's suggestions…"}
            </div>
          )
        ) : null}
      </div>
    </ClientForm>
  );
}
