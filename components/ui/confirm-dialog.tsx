"use client";

import { useId, useRef, useState, type ReactNode } from "react";

interface Props {
  /** The trigger's visible text ("Delete") and its accessible name ("Delete delivery site Pune, India"). */
  triggerText: string;
  triggerLabel: string;
  triggerClassName?: string;
  title: string;
  children: ReactNode;
  confirmText: string;
  pendingText: string;
  cancelText?: string;
  /** Does the work; resolves to an error to show in the dialog, or null when done (the dialog closes). */
  onConfirm: () => Promise<string | null>;
}

/**
 * A confirmation in a native modal <dialog>: showModal() makes the rest of the
 * page inert (the focus trap), Escape cancels, the safe choice has focus first,
 * and focus goes back to the trigger when the dialog closes, so a keyboard or
 * screen-reader user is never left on <body>.
 */
export function ConfirmDialog({ triggerText, triggerLabel, triggerClassName = "btn btn-danger btn-small", title, children, confirmText, pendingText, cancelText = "Keep it", onConfirm }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const failure = await onConfirm();
    setPending(false);
    if (failure) setError(failure);
    else dialogRef.current?.close();
  }

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className={triggerClassName}
        aria-label={triggerLabel}
        aria-haspopup="dialog"
        onClick={() => {
          setError(null);
          dialogRef.current?.showModal();
          // React applies autoFocus on mount, not as the attribute showModal() reads,
          // so without this the dialog would focus its first button: Delete.
          cancelRef.current?.focus();
        }}
      >
        {triggerText}
      </button>
      <dialog
        ref={dialogRef}
        className="confirm-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setPending(false);
          // The trigger may be gone after a confirmed delete; isConnected guards that.
          if (triggerRef.current?.isConnected) triggerRef.current.focus();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error ? (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn btn-danger" onClick={confirm} disabled={pending}>
            {pending ? pendingText : confirmText}
          </button>
          <button ref={cancelRef} type="button" className="btn" onClick={() => dialogRef.current?.close()}>
            {cancelText}
          </button>
        </div>
      </dialog>
    </>
  );
}
