"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateRemediationAction } from "@/app/(app)/assessments/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { formatDayForPeople } from "@/lib/domain/dates";
import { REMEDIATION_STATUSES, REMEDIATION_STATUS_LABELS } from "@/lib/domain/assessments/remediation";
import { updateRemediationSchema, type UpdateRemediationInput } from "@/lib/schemas/assessment";
import { ClientForm } from "@/components/ui/client-form";

interface Props {
  item: {
    id: string;
    version: number;
    title: string;
    status: string;
    ownerId: string | null;
    dueDate: string;
    closingEvidenceId: string | null;
    closingNote: string | null;
  };
  users: { id: string; name: string }[];
  documents: { id: string; fileName: string; title: string | null; effectiveDate: string }[];
}

/**
 * Moves one remediation item: status, owner, due date, and what closed it.
 * The version travels with the form, so a save over someone else's change is
 * refused with a clear message instead of overwriting it.
 */
export function RemediationEditor({ item, users, documents }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, formError, onSubmit } = useActionForm({
    schema: updateRemediationSchema,
    defaultValues: {
      id: item.id,
      version: item.version,
      status: item.status as UpdateRemediationInput["status"],
      ownerId: item.ownerId ?? "",
      dueDate: item.dueDate,
      closingEvidenceId: item.closingEvidenceId ?? "",
      closingNote: item.closingNote ?? "",
    },
    action: updateRemediationAction,
    // The form closes on save; the refreshed row shows the new status.
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = `rem-${item.id}`;

  if (!open) {
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)} aria-label={`Edit remediation item ${item.title}`}>
        Edit
      </button>
    );
  }

  return (
    <ClientForm className="stack assess-remediation-form" onSubmit={onSubmit} noValidate aria-label={`Edit remediation item ${item.title}`}>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-status`}>Status</label>
        <select id={`${prefix}-status`} {...form.register("status")}>
          {REMEDIATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REMEDIATION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-owner`}>Owner</label>
        <select id={`${prefix}-owner`} aria-invalid={errors.ownerId ? true : undefined} {...form.register("ownerId")}>
          <option value="">No owner</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {errors.ownerId ? <span className="error" role="alert">{errors.ownerId.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-due`}>Due date</label>
        <input id={`${prefix}-due`} type="date" aria-invalid={errors.dueDate ? true : undefined} {...form.register("dueDate")} />
        {errors.dueDate ? <span className="error" role="alert">{errors.dueDate.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-evidence`}>Closing evidence</label>
        <select id={`${prefix}-evidence`} aria-invalid={errors.closingEvidenceId ? true : undefined} {...form.register("closingEvidenceId")}>
          <option value="">None</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title ?? d.fileName} (effective {formatDayForPeople(d.effectiveDate)})
            </option>
          ))}
        </select>
        {errors.closingEvidenceId ? <span className="error" role="alert">{errors.closingEvidenceId.message}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-note`}>Closing note</label>
        <textarea id={`${prefix}-note`} rows={2} aria-invalid={errors.closingNote ? true : undefined} {...form.register("closingNote")} />
        {errors.closingNote ? <span className="error" role="alert">{errors.closingNote.message}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </ClientForm>
  );
}
