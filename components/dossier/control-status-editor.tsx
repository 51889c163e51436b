"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { saveDossierRecordAction } from "@/app/(app)/vendors/[id]/dossier-actions";
import { CONTROL_STATUSES, CONTROL_STATUS_LABELS, type ControlStatus } from "@/lib/domain/dossier-vocabulary";
import { ClientForm } from "@/components/ui/client-form";

interface Props {
  vendorId: string;
  code: string;
  title: string;
  assessment: { id: string; version: number; status: ControlStatus; note?: string; evidenceId?: string } | null;
}

/** Inline status and note for one control; the assessment is created on first save. */
export function ControlStatusEditor({ vendorId, code, title, assessment }: Props) {
  const router = useRouter();
  const id = useId();
  const [saved, setSaved] = useState(assessment ? { id: assessment.id, version: assessment.version } : null);
  const [status, setStatus] = useState<ControlStatus>(assessment?.status ?? "unknown");
  const [note, setNote] = useState(assessment?.note ?? "");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; conflict?: boolean } | null>(null);
  const dirty = status !== (assessment?.status ?? "unknown") || note !== (assessment?.note ?? "");

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const result = await saveDossierRecordAction({
      vendorId,
      kind: "control",
      ...(saved ? { id: saved.id, version: saved.version } : {}),
      data: { code, status, note, evidenceId: assessment?.evidenceId ?? "" },
    });
    setPending(false);
    if (result.ok) {
      setSaved({ id: result.data.id, version: result.data.version });
      setMessage({ tone: "ok", text: "Saved" });
      router.refresh();
      return;
    }
    const details = Object.values(result.fieldErrors ?? {}).join(" ");
    setMessage({ tone: "error", text: `${result.error}${details ? ` ${details}` : ""}`, conflict: result.code === "CONFLICT" });
  }

  return (
    <ClientForm className="control-editor" onSubmit={save} aria-label={`Assess ${title}`}>
      <label htmlFor={`${id}-status`} className="sr-only">Status of {title}</label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ControlStatus)}>
        {CONTROL_STATUSES.map((s) => <option key={s} value={s}>{CONTROL_STATUS_LABELS[s]}</option>)}
      </select>
      <label htmlFor={`${id}-note`} className="sr-only">Note on {title}</label>
      <input id={`${id}-note`} type="text" value={note} placeholder="Note (optional)" maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="btn btn-small" disabled={pending || (!dirty && saved !== null)}>
        {pending ? "Saving…" : "Save"}
      </button>
      <span role="status" className={message?.tone === "error" ? "error" : "saved-note"}>
        {message?.text}
        {message?.conflict ? (
          <> <button type="button" className="btn-link" onClick={() => window.location.reload()}>Reload</button></>
        ) : null}
      </span>
    </ClientForm>
  );
}
