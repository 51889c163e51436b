import type { RefObject } from "react";

/**
 * The form-level error (an alert) and the status a successful save moves focus
 * to. The status region is always rendered so its politeness is set before the
 * text arrives; tabIndex -1 lets it take focus without joining the tab order.
 */
export function FormFeedback({ formError, status, statusRef }: { formError: string | null; status: string | null; statusRef: RefObject<HTMLDivElement | null> }) {
  return (
    <>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div ref={statusRef} role="status" aria-live="polite" tabIndex={-1} className={status ? "alert alert-ok" : undefined}>
        {status}
      </div>
    </>
  );
}
